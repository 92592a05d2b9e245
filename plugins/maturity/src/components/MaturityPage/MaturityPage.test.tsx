import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  ScoreListQuery,
  ScoreSummary,
} from '@roadmap/plugin-maturity-common';
import type { MaturityApi } from '../../api/MaturityApi';
import { MaturityPage } from './MaturityPage';
import { mockMaturityApi } from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { settleApiCalls } from '../../__testUtils__/settleApiCalls';

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

const SERVICES = [
  summary('payments-api', 72, 'bronze'),
  summary('ledger', 15, null),
];

/** The scores the server would answer: filtered by level, sorted, paged. */
async function listScores(query: ScoreListQuery) {
  const items = SERVICES.filter(
    s => !query.level || query.level.includes(s.level ?? 'none'),
  );
  if (query.orderBy === 'name') {
    items.sort((a, b) => a.name.localeCompare(b.name));
    if (query.order !== 'asc') items.reverse();
  }
  return {
    items,
    totalCount: items.length,
    offset: query.offset ?? 0,
    limit: query.limit ?? 25,
  };
}

function api(overrides: Partial<MaturityApi> = {}): jest.Mocked<MaturityApi> {
  return mockMaturityApi({
    getRubric: jest.fn(async () => rubric as any),
    listScores: jest.fn(listScores),
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

function renderPage(maturityApi: MaturityApi) {
  return renderWithMaturityApi(<MaturityPage />, { api: maturityApi });
}

function serviceNames(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('rowheader')
    .map(cell => within(cell).getByRole('link').textContent ?? '');
}

describe('MaturityPage', () => {
  it('shows services × pillars with scores as text, levels, movers and the rubric', async () => {
    const maturityApi = api();
    renderPage(maturityApi);
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
    await settleApiCalls(maturityApi);
  });

  it('sorts on the server when a column header is clicked', async () => {
    const maturityApi = api();
    renderPage(maturityApi);
    const table = await screen.findByRole('table', {
      name: 'Services by pillar score',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Service' }));
    expect(maturityApi.listScores).toHaveBeenLastCalledWith(
      expect.objectContaining({
        orderBy: 'name',
        order: 'desc',
        offset: 0,
        limit: 25,
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Service' }));
    expect(maturityApi.listScores).toHaveBeenLastCalledWith(
      expect.objectContaining({ orderBy: 'name', order: 'asc' }),
    );
    // the rows come in the server's new order
    await waitFor(() =>
      expect(serviceNames(table)).toEqual(['ledger', 'payments-api']),
    );
    expect(
      within(table).getByRole('columnheader', { name: /Service/ }),
    ).toHaveAttribute('aria-sort', 'ascending');
    await settleApiCalls(maturityApi);
  });

  it('filters by level from the distribution', async () => {
    const maturityApi = api();
    renderPage(maturityApi);
    await userEvent.click(
      await screen.findByRole('button', { name: /No level yet: 1/ }),
    );
    expect(maturityApi.listScores).toHaveBeenLastCalledWith(
      expect.objectContaining({ level: ['none'] }),
    );
    expect(
      await screen.findByText('1 scored services match'),
    ).toBeInTheDocument();
    expect(
      serviceNames(
        screen.getByRole('table', { name: 'Services by pillar score' }),
      ),
    ).toEqual(['ledger']);
    // the distribution and the movers are asked for the same filter
    expect(maturityApi.getLevelDistribution).toHaveBeenLastCalledWith(
      expect.objectContaining({ level: ['none'] }),
    );
    await settleApiCalls(maturityApi);
  });

  it('explains the empty state before anything is scored', async () => {
    const maturityApi = api({
      listScores: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 25,
      })),
    });
    renderPage(maturityApi);
    expect(
      await screen.findByText(/No service has been scored yet/),
    ).toBeInTheDocument();
    await settleApiCalls(maturityApi);
  });

  it('shows the backend error', async () => {
    const maturityApi = api({
      listScores: jest.fn(async () => {
        throw new Error('backend down');
      }),
    });
    renderPage(maturityApi);
    expect(
      await screen.findByText('Error: backend down', { selector: 'h6' }),
    ).toBeInTheDocument();
    await settleApiCalls(maturityApi);
  });
});
