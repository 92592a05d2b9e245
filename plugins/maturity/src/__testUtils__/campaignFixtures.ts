import type {
  Campaign,
  CampaignBurnUpResponse,
  CampaignListResponse,
  CampaignProgressResponse,
  ExemptionRequest,
} from '@roadmap/plugin-maturity-common';

/** "Payments and search reach Silver": CI/CD, monitoring, then Silver. */
export function testCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'c1',
    title: 'Payments and search reach Silver',
    description: 'CI/CD first, then monitoring, then security.',
    owner: 'group:default/platform',
    scope: {
      kinds: ['Component'],
      lifecycles: ['production'],
      owners: ['group:default/payments', 'group:default/search'],
    },
    phases: [
      {
        title: 'CI/CD',
        dueDate: '2027-01-29',
        target: { checks: ['ci.pipeline', 'ci.tests'] },
      },
      {
        title: 'Monitoring',
        dueDate: '2027-03-31',
        target: { checks: ['obs.metrics', 'obs.alerts'] },
      },
      { title: 'Security', dueDate: '2027-05-28', target: { level: 'silver' } },
    ],
    startsOn: '2026-11-02',
    published: true,
    state: 'active',
    source: 'database',
    version: 3,
    createdBy: 'user:default/guest',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

/** The list with the test campaign (at risk) and a config campaign. */
export function testCampaignList(): CampaignListResponse {
  return {
    items: [
      {
        ...testCampaign(),
        overall: { total: 4, met: [3, 1, 0] },
        atRisk: true,
      },
      {
        ...testCampaign({
          id: 'config:docs',
          title: 'Every service documented',
          source: 'config',
          state: 'scheduled',
          startsOn: '2027-02-01',
          phases: [
            {
              title: 'Docs',
              dueDate: '2027-06-30',
              target: { checks: ['docs.readme'] },
            },
          ],
        }),
        overall: { total: 10, met: [10] },
        atRisk: false,
      },
    ],
  };
}

/** The test campaign's progress: four services of two teams. */
export function testCampaignProgress(
  overrides: Partial<CampaignProgressResponse> = {},
): CampaignProgressResponse {
  const phase = (
    met: boolean,
    checksLeft: string[] = [],
    exempt: string[] = [],
  ) => ({
    met,
    upcoming: false,
    checksLeft,
    exempt,
  });
  return {
    campaign: testCampaign(),
    currentPhase: 1,
    overall: { total: 4, met: [3, 1, 0] },
    teams: [
      { owner: 'group:default/payments', total: 2, met: [2, 1, 0] },
      { owner: 'group:default/search', total: 2, met: [1, 0, 0] },
    ],
    services: [
      {
        entityRef: 'component:default/payments-api',
        name: 'payments-api',
        owner: 'group:default/payments',
        level: 'bronze',
        phases: [
          phase(true),
          phase(true, [], ['obs.alerts']),
          phase(false, ['sec.sast']),
        ],
        joinedAt: '2026-11-02T00:00:00.000Z',
      },
      {
        entityRef: 'component:default/ledger-worker',
        name: 'ledger-worker',
        owner: 'group:default/payments',
        level: 'bronze',
        phases: [
          phase(true),
          phase(false, ['obs.metrics']),
          phase(false, ['sec.sast', 'obs.metrics']),
        ],
        joinedAt: '2026-11-02T00:00:00.000Z',
      },
      {
        entityRef: 'component:default/search-api',
        name: 'search-api',
        owner: 'group:default/search',
        level: null,
        phases: [
          phase(false, ['ci.tests']),
          phase(false, ['obs.metrics', 'obs.alerts']),
          phase(false, ['ci.tests']),
        ],
        joinedAt: '2026-11-02T00:00:00.000Z',
      },
      {
        entityRef: 'component:default/search-indexer',
        name: 'search-indexer',
        title: 'Search indexer',
        owner: 'group:default/search',
        level: 'bronze',
        phases: [
          phase(true),
          phase(false, ['obs.alerts']),
          phase(false, ['obs.alerts']),
        ],
        joinedAt: '2026-11-20T08:00:00.000Z',
      },
    ],
    left: [
      {
        entityRef: 'component:default/legacy-billing',
        leftAt: '2026-11-15T09:00:00.000Z',
      },
    ],
    forecasts: [
      {
        projectedDate: '2026-12-10',
        ratePerDay: 0.1,
        windowDays: 28,
        atRisk: false,
      },
      {
        projectedDate: '2027-04-12',
        ratePerDay: 0.03,
        windowDays: 28,
        atRisk: true,
      },
      { projectedDate: null, ratePerDay: 0, windowDays: 28, atRisk: true },
    ],
    ...overrides,
  };
}

/** Three days of the test campaign's burn-up. */
export function testBurnUp(): CampaignBurnUpResponse {
  return {
    days: [
      { date: '2026-11-29', total: 4, met: [2, 0, 0] },
      { date: '2026-11-30', total: 4, met: [2, 1, 0] },
      { date: '2026-12-01', total: 4, met: [3, 1, 0] },
    ],
  };
}

/** A pending request of payments-api's owner to waive secret scanning. */
export function testExemptionRequest(
  overrides: Partial<ExemptionRequest> = {},
): ExemptionRequest {
  return {
    id: 'r1',
    entityRef: 'component:default/payments-api',
    checkId: 'sec.secret-scan',
    reason: 'The repository holds no secrets; a scanner is planned for Q2.',
    expires: '2027-03-31',
    status: 'requested',
    requestedBy: 'user:default/ben.payments',
    requestedAt: '2026-11-30T09:00:00.000Z',
    ...overrides,
  };
}
