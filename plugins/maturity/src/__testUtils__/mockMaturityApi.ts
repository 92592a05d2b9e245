import type { Entity } from '@backstage/catalog-model';
import {
  createEvaluator,
  defaultRubric,
  type Fact,
  type Rubric,
  type ScoreDetailResponse,
} from '@roadmap/plugin-maturity-common';
import type { MaturityApi } from '../api/MaturityApi';

/** The default rubric as the backend serves it (JSON, no functions). */
export const servedRubric: Rubric = JSON.parse(JSON.stringify(defaultRubric));

/** A Component entity as the catalog serves it. */
export function testEntity(name = 'payments-api'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/source-location':
          'url:https://github.com/roadmap-demo/payments-api/tree/main/',
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/payments',
    },
  };
}

/**
 * A score computed by the real evaluator from the default rubric: the
 * repository checks listed in `passing` pass (with a file as evidence), the
 * other repository checks fail, and everything else is unknown.
 */
export function evaluatedScore(
  passing: string[],
  entity: Entity = testEntity(),
): ScoreDetailResponse {
  const now = new Date('2026-11-24T10:00:00.000Z');
  const facts: Fact[] = defaultRubric.checks
    .flatMap(c => c.facts)
    .filter(id => id.startsWith('repository.'))
    .map(id => {
      const checkId = id.slice('repository.'.length);
      const pass = passing.includes(checkId);
      return {
        id,
        value: pass,
        source: 'repository',
        observedAt: now.toISOString(),
        evidence: pass ? [{ path: '.github/workflows/ci.yml', line: 12 }] : [],
      };
    });
  const score = createEvaluator(defaultRubric).evaluate({
    entity,
    facts,
    now,
    availableSources: ['repository'],
  });
  const levelRank = score.level
    ? defaultRubric.levels.findIndex(l => l.id === score.level)
    : -1;
  return {
    entityRef: `component:default/${entity.metadata.name}`,
    kind: 'Component',
    namespace: 'default',
    name: entity.metadata.name,
    owner: 'group:default/payments',
    type: 'service',
    lifecycle: 'production',
    score: score.score,
    level: score.level,
    levelRank,
    nextLevel: score.nextLevel,
    pillars: score.pillars,
    rubricHash: 'test',
    snapshotId: '1',
    scoredAt: now.toISOString(),
    detail: {
      results: JSON.parse(JSON.stringify(score.results)),
      nextSteps: JSON.parse(JSON.stringify(score.nextSteps)),
      sources: [
        { source: 'repository', status: 'ok' },
        {
          source: 'prometheus',
          status: 'error',
          message: 'connect ECONNREFUSED',
        },
      ],
    },
  };
}

function notMocked(name: string) {
  return jest.fn(async () => {
    throw new Error(`${name} was not expected in this test`);
  });
}

/** A MaturityApi whose every method fails unless overridden. */
export function mockMaturityApi(
  overrides: Partial<MaturityApi> = {},
): jest.Mocked<MaturityApi> {
  return {
    getRubric: jest.fn(async () => servedRubric),
    dryRunRubric: notMocked('dryRunRubric'),
    listScores: notMocked('listScores'),
    getFacets: notMocked('getFacets'),
    getLevelDistribution: notMocked('getLevelDistribution'),
    getMovers: notMocked('getMovers'),
    getScore: notMocked('getScore'),
    getHistory: jest.fn(async () => []),
    refreshScore: notMocked('refreshScore'),
    getGroupRollup: notMocked('getGroupRollup'),
    getEntityReport: notMocked('getEntityReport'),
    getGroupReport: notMocked('getGroupReport'),
    // the team view lists the campaigns its services are in
    listCampaigns: jest.fn(async () => ({ items: [] })),
    getCampaign: notMocked('getCampaign'),
    createCampaign: notMocked('createCampaign'),
    updateCampaign: notMocked('updateCampaign'),
    archiveCampaign: notMocked('archiveCampaign'),
    getCampaignProgress: notMocked('getCampaignProgress'),
    getCampaignBurnUp: notMocked('getCampaignBurnUp'),
    importRoadmap: notMocked('importRoadmap'),
    // the card and the roadmap tab ask on every entity page
    getEntityCampaigns: jest.fn(async () => ({ items: [] })),
    listExemptionRequests: jest.fn(async () => []),
    requestExemption: notMocked('requestExemption'),
    decideExemptionRequest: notMocked('decideExemptionRequest'),
    ...overrides,
  } as jest.Mocked<MaturityApi>;
}
