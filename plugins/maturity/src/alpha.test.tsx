import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import {
  createExtensionTester,
  mockApis,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { maturityApiRef } from './api/MaturityApi';
import maturityPlugin, {
  entityMaturityCard,
  entityMaturityContent,
  groupMaturityCard,
  rollupMaturityCard,
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
        listScores: jest.fn(async () => ({
          items: [score],
          totalCount: 1,
          offset: 0,
          limit: 100,
        })),
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
    import('./components/RollupMaturityCard'),
  ]),
);

type RenderOptions = NonNullable<Parameters<typeof renderTestApp>[0]>;

function renderEntityPage(
  entity: Entity,
  extensions: RenderOptions['extensions'] = [],
  config?: RenderOptions['config'],
) {
  return renderTestApp({
    extensions: [createTestEntityPage({ entity }), ...extensions],
    apis: apis() as any,
    config,
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

describe('the roll-up card of Systems and Domains', () => {
  const system: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { owner: 'group:default/payments' },
  };

  it('is on a System page, with the System’s components', async () => {
    renderEntityPage(system, [rollupMaturityCard, entityMaturityCard]);
    expect(
      await screen.findByRole('heading', { name: 'Components' }),
    ).toBeInTheDocument();
    // The Component card's filter keeps it off a System page.
    expect(screen.getAllByText('Roadmap maturity')).toHaveLength(1);
  });

  it('is on a Domain page, with the Domain’s systems', async () => {
    renderEntityPage({ ...system, kind: 'Domain' }, [rollupMaturityCard]);
    expect(
      await screen.findByRole('heading', { name: 'Systems' }),
    ).toBeInTheDocument();
  });

  it('is not on a Component page or a Group page', async () => {
    renderEntityPage(testEntity(), [rollupMaturityCard, entityMaturityCard]);
    expect(
      await screen.findByRole('list', { name: 'Next steps' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Roadmap maturity')).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Components' })).toBeNull();

    renderEntityPage(group, [rollupMaturityCard, groupMaturityCard]);
    expect(
      await screen.findByRole('table', { name: 'Services of the team' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Components' })).toBeNull();
  });
});

describe('the maturity card’s place on the Overview', () => {
  it('is a content card unless the app configures another type', () => {
    const type = EntityCardBlueprint.dataRefs.type;
    expect(createExtensionTester(entityMaturityCard).get(type)).toBe('content');
    expect(
      createExtensionTester(entityMaturityCard, {
        config: { type: 'info' },
      }).get(type),
    ).toBe('info');
  });

  // Another plugin's card, installed before this plugin as the catalog's
  // own cards are in an app.
  const otherPlugin = createFrontendPlugin({
    pluginId: 'other',
    extensions: [
      EntityCardBlueprint.make({
        name: 'other',
        params: { loader: async () => <div>Another card</div> },
      }),
    ],
  });

  function renderOverview(extensionsConfig: object[]) {
    return renderTestApp({
      // the plugins themselves, so that the extensions have their real ids
      features: [otherPlugin, maturityPlugin],
      extensions: [createTestEntityPage({ entity: testEntity() })],
      apis: apis() as any,
      config: {
        app: {
          baseUrl: 'http://localhost:3000',
          // an unknown extension id here fails the test app
          extensions: [
            ...extensionsConfig,
            { 'entity-content:maturity/maturity': false },
          ],
        },
        backend: { baseUrl: 'http://localhost:7007' },
      },
    });
  }

  /** Whether the first node comes before the second in the page. */
  const isBefore = (a: Node, b: Node) =>
    Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

  it('comes after the cards of plugins installed before it by default', async () => {
    renderOverview([]);
    const maturity = await screen.findByText('Roadmap maturity');
    expect(isBefore(screen.getByText('Another card'), maturity)).toBe(true);
  });

  it('comes first when app.extensions lists it, as the demo app does', async () => {
    renderOverview([{ 'entity-card:maturity/maturity': true }]);
    const maturity = await screen.findByText('Roadmap maturity');
    expect(isBefore(maturity, screen.getByText('Another card'))).toBe(true);
  });
});
