import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScoreSummary } from '@roadmap/plugin-maturity-common';
import { maturityApiRef, type MaturityApi } from '../../api/MaturityApi';
import { MaturityPage } from './MaturityPage';
import { mockMaturityApi } from '../../__testUtils__/mockMaturityApi';

const rubric = {
  pillars: [
    { id: 'cicd', title: 'CI/CD' },
    { id: 'security', title: 'Security' },
  ],
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
  ],
  checks: [
    {
      id: 'ci.pipeline',
      pillar: 'cicd',
      level: 'bronze',
      title: 'Has a CI pipeline',
      description: 'd',
      effort: 'S',
    },
  ],
};

function summary(
  name: string,
  score: number,
  level: string | null,
): ScoreSummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/payments',
    type: 'service',
    lifecycle: 'production',
    score,
    level,
    levelRank: level ? 0 : -1,
    nextLevel: 'silver',
    pillars: { cicd: 90, security: 20 },
    rubricHash: 'h',
    snapshotId: '1',
    scoredAt: '2026-11-24T10:00:00.000Z',
  };
}

function api(overrides: Partial<MaturityApi> = {}): MaturityApi {
  return mockMaturityApi({
    getRubric: jest.fn(async () => rubric as any),
    listScores: jest.fn(async () => ({
      items: [
        summary('payments-api', 72, 'bronze'),
        summary('ledger', 15, null),
      ],
      totalCount: 2,
      offset: 0,
      limit: 25,
    })),
    getFacets: jest.fn(async () => ({
      owners: ['group:default/payments'],
      systems: [],
      kinds: ['Component'],
      types: ['service'],
      lifecycles: ['production'],
      levels: ['bronze'],
    })),
    getLevelDistribution: jest.fn(async () => ({ bronze: 1, none: 1 })),
    getMovers: jest.fn(async () => ({
      since: '2026-10-25T00:00:00.000Z',
      items: [
        {
          entityRef: 'component:default/payments-api',
          name: 'payments-api',
          from: {
            score: 40,
            level: null,
            scoredAt: '2026-10-01T00:00:00.000Z',
          },
          to: {
            score: 72,
            level: 'bronze',
            scoredAt: '2026-11-24T00:00:00.000Z',
          },
          delta: 32,
        },
      ],
    })),
    ...overrides,
  });
}

describe('MaturityPage', () => {
  it('shows services × pillars with scores as text, levels, movers and the rubric', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api()]]}>
        <MaturityPage />
      </TestApiProvider>,
    );
    const table = await screen.findByRole('table', {
      name: 'Services by pillar score',
    });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[1]).getByRole('link', { name: 'payments-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(
      within(rows[1]).getByLabelText('payments-api Security: 20 of 100'),
    ).toHaveTextContent('20');
    expect(within(rows[1]).getByText('Bronze')).toBeInTheDocument();
    expect(within(rows[2]).getByText('No level yet')).toBeInTheDocument();
    expect(screen.getByText('2 scored services match')).toBeInTheDocument();
    expect(
      await screen.findByText(/up 32 points: 40 → 72/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', {
        name: 'Maturity rubric by pillar and level',
      }),
    ).toBeInTheDocument();
  });

  it('sorts on the server when a column header is clicked', async () => {
    const maturityApi = api();
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, maturityApi]]}>
        <MaturityPage />
      </TestApiProvider>,
    );
    await screen.findByRole('table', { name: 'Services by pillar score' });
    await userEvent.click(screen.getByRole('button', { name: 'Service' }));
    await waitFor(() =>
      expect(maturityApi.listScores).toHaveBeenLastCalledWith(
        expect.objectContaining({
          orderBy: 'name',
          order: 'desc',
          offset: 0,
          limit: 25,
        }),
      ),
    );
  });

  it('filters by level from the distribution', async () => {
    const maturityApi = api();
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, maturityApi]]}>
        <MaturityPage />
      </TestApiProvider>,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /No level yet: 1/ }),
    );
    await waitFor(() =>
      expect(maturityApi.listScores).toHaveBeenLastCalledWith(
        expect.objectContaining({ level: ['none'] }),
      ),
    );
  });

  it('explains the empty state before anything is scored', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            maturityApiRef,
            api({
              listScores: jest.fn(async () => ({
                items: [],
                totalCount: 0,
                offset: 0,
                limit: 25,
              })),
            }),
          ],
        ]}
      >
        <MaturityPage />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/No service has been scored yet/),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            maturityApiRef,
            api({
              listScores: jest.fn(async () => {
                throw new Error('backend down');
              }),
            }),
          ],
        ]}
      >
        <MaturityPage />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Error: backend down', { selector: 'h6' }),
    ).toBeInTheDocument();
  });
});
