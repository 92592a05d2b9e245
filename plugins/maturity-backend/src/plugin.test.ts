import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import path from 'node:path';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import maturityFeatures from './index';

jest.setTimeout(60_000);

const component = demoEntity;

const entities: Entity[] = [
  component('payments-api'),
  component('legacy-billing'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

async function startBackend(extra: any[] = []) {
  return startTestBackend({
    features: [
      maturityFeatures,
      directoryUrlReaderFactory(examplesDir),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: demoMaturityConfig() }),
      ...extra,
    ],
  });
}

describe('maturity backend plugin', () => {
  it('serves an unauthenticated health check, and requires credentials elsewhere', async () => {
    const { server } = await startBackend();
    const health = await request(server)
      .get('/api/maturity/health')
      .set('Authorization', mockCredentials.none.header());
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const scores = await request(server)
      .get('/api/maturity/scores')
      .set('Authorization', mockCredentials.none.header());
    expect(scores.status).toBe(401);
  });

  it('serves the effective rubric', async () => {
    const { server } = await startBackend();
    const res = await request(server).get('/api/maturity/rubric').expect(200);
    expect(res.body.levels.map((l: any) => l.id)).toEqual([
      'bronze',
      'silver',
      'gold',
    ]);
    expect(res.body.checks.find((c: any) => c.id === 'ci.tests')).toMatchObject(
      { pillar: 'cicd', level: 'bronze' },
    );
  });

  it('scores with the adopter’s rubric from the rubric service: a disabled check, a new weight and an added check', async () => {
    const { server } = await startTestBackend({
      features: [
        maturityFeatures,
        directoryUrlReaderFactory(examplesDir),
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: demoMaturityConfig({
            rubricFile: path.resolve(examplesDir, '../rubric/overrides.yaml'),
          }),
        }),
      ],
    });
    const rubric = await request(server)
      .get('/api/maturity/rubric')
      .expect(200);
    const ids = rubric.body.checks.map((c: any) => c.id);
    expect(ids).not.toContain('obs.metrics');
    expect(ids).toContain('acme.signed-images');

    const scored = await request(server)
      .post('/api/maturity/scores/component/default/payments-api/refresh')
      .expect(200);
    const results = new Map<string, any>(
      scored.body.detail.results.map((r: any) => [r.checkId, r]),
    );
    expect(results.has('obs.metrics')).toBe(false);
    expect(results.get('docs.readme')).toMatchObject({ weight: 10 });
    expect(results.get('acme.signed-images')).toMatchObject({
      level: 'bronze',
      status: results.get('sec.signing').status,
    });
  });

  it('scores an entity on demand from its example repository and serves score, history, list and report', async () => {
    const { server } = await startBackend();
    await request(server)
      .get('/api/maturity/scores/component/default/payments-api')
      .expect(404);

    const refreshed = await request(server)
      .post('/api/maturity/scores/component/default/payments-api/refresh')
      .expect(200);
    expect(refreshed.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      level: 'gold',
    });

    const score = await request(server)
      .get('/api/maturity/scores/component/default/payments-api')
      .expect(200);
    const ciTests = score.body.detail.results.find(
      (r: any) => r.checkId === 'ci.tests',
    );
    expect(ciTests).toMatchObject({
      status: 'pass',
      evidence: [expect.objectContaining({ path: '.github/workflows/ci.yml' })],
    });
    expect(
      score.body.detail.sources.map((s: any) => [s.source, s.status]),
    ).toEqual([
      ['catalog', 'ok'],
      ['repository', 'ok'],
    ]);

    await request(server)
      .post('/api/maturity/scores/component/default/legacy-billing/refresh')
      .expect(200);
    const list = await request(server)
      .get('/api/maturity/scores?orderBy=score&order=asc')
      .expect(200);
    expect(list.body.items.map((i: any) => i.name)).toEqual([
      'legacy-billing',
      'payments-api',
    ]);
    expect(list.body.items[0].detail).toBeUndefined();

    const history = await request(server)
      .get('/api/maturity/scores/component/default/payments-api/history')
      .expect(200);
    expect(history.body.items).toHaveLength(1);

    const report = await request(server)
      .get('/api/maturity/scores/component/default/payments-api/report')
      .expect(200);
    expect(report.headers['content-type']).toMatch(/text\/markdown/);
    expect(report.text).toContain('# Roadmap: payments-api');

    const group = await request(server)
      .get('/api/maturity/groups/default/payments')
      .expect(200);
    expect(group.body.summary).toMatchObject({
      count: 2,
      levels: { gold: 1, none: 1 },
    });
    const teamReport = await request(server)
      .get('/api/maturity/groups/default/payments/report?since=2026-01-01')
      .expect(200);
    expect(teamReport.text).toContain('# Team roadmap:');
  });

  it('answers bad input with a 400 that says what is wrong, unknown entities with a 404', async () => {
    const { server } = await startBackend();
    const bad = await request(server)
      .get('/api/maturity/scores?limit=9999')
      .expect(400);
    expect(bad.body.error.message).toContain(
      'limit must be an integer from 1 to 500',
    );
    await request(server)
      .get(
        '/api/maturity/scores/component/default/payments-api/history?since=yesterday',
      )
      .expect(400);
    await request(server)
      .post('/api/maturity/scores/component/default/nope/refresh')
      .expect(404);
  });

  it('shows nothing of an entity the caller may not read', async () => {
    const { server } = await startBackend([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const list = await request(server).get('/api/maturity/scores').expect(200);
    expect(list.body).toMatchObject({ items: [], totalCount: 0 });
  });

  it('refuses an on-demand refresh without the refresh permission', async () => {
    const { server } = await startBackend([
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => ({
          authorize: async (requests: any[]) =>
            requests.map(r => ({
              result:
                r.permission.name === 'maturity.score.refresh'
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            })),
          authorizeConditional: async (requests: any[]) =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        }),
      }),
    ]);
    const denied = await request(server)
      .post('/api/maturity/scores/component/default/legacy-billing/refresh')
      .expect(403);
    expect(denied.body.error.message).toBe(
      'You may not refresh the score of component:default/legacy-billing',
    );
    // Reading stays allowed.
    await request(server).get('/api/maturity/scores').expect(200);
  });
});
