import type { Entity } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  createEvaluator,
  defaultRubric,
  type Fact,
  type ScoreDetailResponse,
} from '@roadmap/plugin-maturity-common';
import { screen, within } from '@testing-library/react';
import {
  evaluatedScore,
  mockMaturityApi,
  testEntity,
} from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { RollupMaturityCard } from './RollupMaturityCard';

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { owner: 'group:default/payments' },
};

/** The System's score from the real evaluator over roll-up facts. */
function systemScore(): ScoreDetailResponse {
  const now = new Date('2026-11-24T10:00:00.000Z');
  const fact = (id: string, value: number | boolean, note = ''): Fact => ({
    id,
    value,
    source: id.split('.')[0],
    observedAt: now.toISOString(),
    evidence: note ? [{ note }] : [],
  });
  const score = createEvaluator(defaultRubric).evaluate({
    entity: system,
    now,
    facts: [
      fact('catalog.owner-is-group', true),
      fact('catalog.techdocs', false),
      fact('rollup.children', 2, '2 components'),
      fact('rollup.share-scored', 100),
      fact(
        'rollup.share-bronze',
        50,
        'component:default/legacy-billing: no level',
      ),
      fact('rollup.share-silver', 50),
      fact('rollup.missing-apis', 0),
    ],
  });
  return {
    ...evaluatedScore([]),
    entityRef: 'system:default/payments',
    kind: 'System',
    name: 'payments',
    score: score.score,
    level: score.level,
    nextLevel: score.nextLevel,
    pillars: score.pillars,
    detail: {
      results: JSON.parse(JSON.stringify(score.results)),
      nextSteps: JSON.parse(JSON.stringify(score.nextSteps)),
      sources: [{ source: 'rollup', status: 'ok' }],
    },
  };
}

describe('RollupMaturityCard', () => {
  it('shows the System’s own level and checks, and its components’ levels with links', async () => {
    const gold = {
      ...evaluatedScore([], testEntity('payments-api')),
      level: 'gold',
    };
    const none = evaluatedScore([], testEntity('legacy-billing'));
    const api = mockMaturityApi({
      getScore: jest.fn(async () => systemScore()),
      listScores: jest.fn(async () => ({
        items: [gold, none],
        totalCount: 2,
        offset: 0,
        limit: 100,
      })),
    });
    renderWithMaturityApi(<RollupMaturityCard />, {
      api,
      entity: system,
      app: {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    });

    const checks = await screen.findByRole('list', { name: 'Own checks' });
    expect(screen.getByLabelText('Score')).toBeInTheDocument();
    const own = within(checks).getAllByRole('listitem');
    // Only the checks for Systems, not the Components' ones.
    expect(own).toHaveLength(7);
    const bronze = own.find(i =>
      i.textContent?.includes('Every one of its components at least Bronze'),
    )!;
    expect(within(bronze).getByText('Fail')).toBeInTheDocument();

    const components = await screen.findByRole('list', { name: 'Components' });
    const rows = within(components).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0]).getByRole('link', { name: /payments-api/ }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(within(rows[0]).getByText('Gold')).toBeInTheDocument();
    expect(within(rows[1]).getByText('No level yet')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /No level yet: 1, Bronze: 0/ }),
    ).toBeInTheDocument();
    expect(api.listScores).toHaveBeenCalledWith(
      expect.objectContaining({
        system: ['system:default/payments'],
        kind: ['Component'],
      }),
    );
  });

  it('lists a Domain’s systems', async () => {
    const api = mockMaturityApi({
      getScore: jest.fn(async () => undefined),
      listScores: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 100,
      })),
    });
    renderWithMaturityApi(<RollupMaturityCard />, {
      api,
      entity: { ...system, kind: 'Domain', metadata: { name: 'commerce' } },
    });
    expect(
      await screen.findByText(/None of its systems has been scored yet/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/This domain has not been scored yet/),
    ).toBeInTheDocument();
    expect(api.listScores).toHaveBeenCalledWith(
      expect.objectContaining({
        system: ['domain:default/commerce'],
        kind: ['System'],
      }),
    );
  });
});
