import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { maturityApiRef } from './api/MaturityApi';
import {
  entityMaturityCard,
  entityMaturityContent,
  groupMaturityCard,
} from './alpha';
import {
  evaluatedScore,
  mockMaturityApi,
  testEntity,
} from './__testUtils__/mockMaturityApi';
import { teamRollup } from './__testUtils__/teamRollup';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

function apis() {
  const score = evaluatedScore(['ci.pipeline', 'ci.tests', 'docs.readme']);
  return [
    [
      maturityApiRef,
      mockMaturityApi({
        getScore: jest.fn(async () => score),
        getGroupRollup: jest.fn(async () =>
          teamRollup([score], { averageScore: score.score }),
        ),
      }),
    ],
    mockApis.permission({ authorize: AuthorizeResult.DENY }),
  ] as const;
}

// The extensions load their components lazily. On a fresh clone the first
// import transpiles each module tree (2–4 s on a loaded 2-core machine,
// measured), which used to happen inside the test's wait for the page. Load
// them once up front, so that the waits below are for rendering and data.
beforeAll(() =>
  Promise.all([
    import('./components/EntityMaturityCard'),
    import('./components/EntityMaturityContent'),
    import('./components/GroupMaturityCard'),
  ]),
);

function renderEntityPage(
  entity: Entity,
  extensions: NonNullable<
    Parameters<typeof renderTestApp>[0]
  >['extensions'] = [],
) {
  return renderTestApp({
    extensions: [createTestEntityPage({ entity }), ...extensions],
    apis: apis() as any,
  });
}

describe('the plugin’s entity extensions on a test entity page', () => {
  it('show the maturity card on a Component page, not the team card', async () => {
    renderEntityPage(testEntity(), [entityMaturityCard, groupMaturityCard]);
    expect(
      await screen.findByRole('list', { name: 'Next steps' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Roadmap maturity')).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Services of the team' }),
    ).toBeNull();
    // without the refresh permission there is no refresh button
    expect(screen.queryByRole('button', { name: /score now/i })).toBeNull();
  });

  it('show the team card on a Group page, and no maturity card', async () => {
    renderEntityPage(group, [entityMaturityCard, groupMaturityCard]);
    expect(
      await screen.findByRole('table', { name: 'Services of the team' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Roadmap maturity')).toHaveLength(1);
    expect(screen.queryByRole('list', { name: 'Next steps' })).toBeNull();
  });

  it('render the roadmap tab for a Component', async () => {
    renderEntityPage(testEntity(), [entityMaturityContent]);
    // A role query over the tab's 50 checks costs up to a second on a loaded
    // machine; wait with a cheap text query, then check the role once.
    const heading = await screen.findByText(/^Next: Bronze/, {
      selector: 'h2',
    });
    expect(
      screen.getByRole('region', { name: /^Next: Bronze/ }),
    ).toContainElement(heading);
  });
});
