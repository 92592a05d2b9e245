import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { stringify } from 'yaml';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import { httpAuthWithActors } from './__testUtils__/httpAuthWithActors';
import {
  policyUsers,
  restrictivePolicyModule,
} from './__testUtils__/restrictivePolicy';
import maturityFeatures from './index';

jest.setTimeout(120_000);

// A real catalog (entities from a file), the real permission backend with a
// policy that hides the deprecated service (legacy-billing) from some users,
// and the plugin reading both as an adopter's backend does.
describe('scores and everything derived from them respect catalog and score read permissions', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;
  let repos: string;

  const as = (user: string) => ({
    get: (url: string) =>
      request(server)
        .get(`/api/maturity${url}`)
        .set('Authorization', mockCredentials.user.header(user)),
    post: (url: string) =>
      request(server)
        .post(`/api/maturity${url}`)
        .set('Authorization', mockCredentials.user.header(user)),
  });

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-perm-'));
    repos = path.join(dir, 'repos');
    for (const name of ['payments-api', 'legacy-billing']) {
      fs.cpSync(path.join(examplesDir, name), path.join(repos, name), {
        recursive: true,
      });
    }
    const entities = ['payments-api', 'legacy-billing'].map(name => {
      const { relations: _relations, ...entity } = demoEntity(name);
      return entity;
    });
    const catalogFile = path.join(dir, 'catalog.yaml');
    fs.writeFileSync(
      catalogFile,
      [
        ...entities,
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'payments', namespace: 'default' },
          spec: { type: 'team', children: [] },
        },
      ]
        .map(e => stringify(e))
        .join('---\n'),
    );
    const config = demoMaturityConfig();
    const backend = await startTestBackend({
      features: [
        maturityFeatures,
        directoryUrlReaderFactory(repos),
        import('@backstage/plugin-catalog-backend'),
        import('@backstage/plugin-permission-backend'),
        restrictivePolicyModule,
        permissionsServiceFactory,
        httpAuthWithActors,
        mockServices.rootConfig.factory({
          data: {
            ...config,
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Component', 'Group'] }],
              locations: [{ type: 'file', target: catalogFile }],
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();

    // The catalog processes the file in the background.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await request(server)
        .get('/api/catalog/entities/by-query?limit=10')
        .set('Authorization', mockCredentials.user.header(policyUsers.admin));
      const ready =
        res.status === 200 &&
        res.body.items.filter((e: any) => e.relations?.length).length >= 3;
      if (ready) break;
      if (Date.now() > deadline)
        throw new Error(
          `the catalog never loaded: ${res.status} ${JSON.stringify(
            res.body,
          ).slice(0, 3000)}`,
        );
      await new Promise(resolve => setTimeout(resolve, 250));
    }

    // Scored twice, with the CI pipeline removed in between, so movers have
    // moves.
    for (const name of ['payments-api', 'legacy-billing']) {
      await as(policyUsers.admin)
        .post(`/scores/component/default/${name}/refresh`)
        .expect(200);
      for (const pipeline of ['.github', 'Jenkinsfile']) {
        fs.rmSync(path.join(repos, name, pipeline), {
          recursive: true,
          force: true,
        });
      }
    }
    // Same clock second, distinct snapshots: the second scoring is newer.
    for (const name of ['payments-api', 'legacy-billing']) {
      await as(policyUsers.admin)
        .post(`/scores/component/default/${name}/refresh`)
        .expect(200);
    }
  });
  afterAll(async () => stop?.());

  const limited = [policyUsers.catalogLimited, policyUsers.scoreLimited];
  const payments = 'component:default/payments-api';
  const legacy = 'component:default/legacy-billing';

  it('GET /scores lists and counts only visible entities', async () => {
    const all = await as(policyUsers.admin).get('/scores').expect(200);
    expect(all.body.items.map((i: any) => i.entityRef).sort()).toEqual([
      legacy,
      payments,
    ]);
    for (const user of limited) {
      const res = await as(user).get('/scores').expect(200);
      expect(res.body.totalCount).toBe(1);
      expect(res.body.items.map((i: any) => i.entityRef)).toEqual([payments]);
      // Asking for the hidden one by name does not reveal it.
      const byRef = await as(user)
        .get(`/scores?entityRef=${legacy}`)
        .expect(200);
      expect(byRef.body).toMatchObject({ totalCount: 0, items: [] });
    }
    const denied = await as(policyUsers.scoreDenied).get('/scores').expect(200);
    expect(denied.body).toMatchObject({ totalCount: 0, items: [] });
  });

  it('GET /levels counts only visible entities', async () => {
    const count = (body: any) =>
      Object.values(body.levels as Record<string, number>).reduce(
        (a, b) => a + b,
        0,
      );
    expect(count((await as(policyUsers.admin).get('/levels')).body)).toBe(2);
    for (const user of limited) {
      expect(count((await as(user).get('/levels').expect(200)).body)).toBe(1);
    }
    expect(
      count(
        (await as(policyUsers.scoreDenied).get('/levels').expect(200)).body,
      ),
    ).toBe(0);
  });

  it('GET /facets offers only values of visible entities', async () => {
    const admin = await as(policyUsers.admin).get('/facets').expect(200);
    expect(admin.body.lifecycles).toEqual(['deprecated', 'production']);
    for (const user of limited) {
      const res = await as(user).get('/facets').expect(200);
      expect(res.body.lifecycles).toEqual(['production']);
    }
    const denied = await as(policyUsers.scoreDenied).get('/facets').expect(200);
    expect(denied.body.lifecycles).toEqual([]);
  });

  it('GET /movers lists only visible entities', async () => {
    const admin = await as(policyUsers.admin)
      .get('/movers?days=30')
      .expect(200);
    expect(admin.body.items.map((m: any) => m.entityRef).sort()).toEqual([
      legacy,
      payments,
    ]);
    for (const user of limited) {
      const res = await as(user).get('/movers?days=30').expect(200);
      expect(res.body.items.map((m: any) => m.entityRef)).toEqual([payments]);
    }
    const denied = await as(policyUsers.scoreDenied).get('/movers').expect(200);
    expect(denied.body.items).toEqual([]);
  });

  it.each([
    ['the score', ''],
    ['the history', '/history'],
    ['the report', '/report'],
  ])(
    'GET %s of a hidden entity is a 404, of a visible one a 200',
    async (_what, suffix) => {
      await as(policyUsers.admin)
        .get(`/scores/component/default/legacy-billing${suffix}`)
        .expect(200);
      for (const user of [...limited, policyUsers.scoreDenied]) {
        const hidden = await as(user)
          .get(`/scores/component/default/legacy-billing${suffix}`)
          .expect(404);
        expect(hidden.body.error.message).toBe(`No score for ${legacy}`);
      }
      for (const user of limited) {
        await as(user)
          .get(`/scores/component/default/payments-api${suffix}`)
          .expect(200);
      }
      await as(policyUsers.scoreDenied)
        .get(`/scores/component/default/payments-api${suffix}`)
        .expect(404);
    },
  );

  it('POST refresh of a hidden entity is a 404', async () => {
    for (const user of [...limited, policyUsers.scoreDenied]) {
      const res = await as(user).post(
        '/scores/component/default/legacy-billing/refresh',
      );
      expect(res.status).toBe(404);
    }
  });

  it('GET a team roll-up counts only visible services', async () => {
    const admin = await as(policyUsers.admin)
      .get('/groups/default/payments')
      .expect(200);
    expect(admin.body.summary.count).toBe(2);
    for (const user of limited) {
      const res = await as(user).get('/groups/default/payments').expect(200);
      expect(res.body.summary.count).toBe(1);
      expect(res.body.services.map((s: any) => s.entityRef)).toEqual([
        payments,
      ]);
    }
    const denied = await as(policyUsers.scoreDenied)
      .get('/groups/default/payments')
      .expect(200);
    expect(denied.body.summary).toMatchObject({ count: 0, averageScore: null });
  });

  it('GET a team report shows only visible services', async () => {
    const admin = await as(policyUsers.admin)
      .get('/groups/default/payments/report?since=2026-01-01')
      .expect(200);
    expect(admin.text).toContain('legacy-billing');
    for (const user of limited) {
      const res = await as(user)
        .get('/groups/default/payments/report?since=2026-01-01')
        .expect(200);
      expect(res.text).toContain('payments-api');
      expect(res.text).not.toContain('legacy-billing');
    }
  });
});
