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
        getGroupRollup: jest.fn(async () => ({
          group: { entityRef: 'group:default/payments' },
          services: [score],
          summary: {
            count: 1,
            averageScore: score.score,
            levels: { none: 1 },
            pillars: score.pillars,
          },
        })),
      }),
    ],
    mockApis.permission({ authorize: AuthorizeResult.DENY }),
  ] as const;
}

describe('the plugin’s entity extensions on a test entity page', () => {
  it('show the maturity card on a Component page, not the team card', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: testEntity() }),
        entityMaturityCard,
        groupMaturityCard,
      ],
      apis: apis() as any,
    });
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
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: group }),
        entityMaturityCard,
        groupMaturityCard,
      ],
      apis: apis() as any,
    });
    expect(
      await screen.findByRole('table', { name: 'Services of the team' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Roadmap maturity')).toHaveLength(1);
    expect(screen.queryByRole('list', { name: 'Next steps' })).toBeNull();
  });

  it('render the roadmap tab for a Component', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: testEntity() }),
        entityMaturityContent,
      ],
      apis: apis() as any,
    });
    expect(
      await screen.findByRole('region', { name: /^Next: Bronze/ }),
    ).toBeInTheDocument();
  });
});
