import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import request from 'supertest';
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

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const SERVICES = [
  'payments-api',
  'legacy-billing',
  'checkout-web',
  'ledger-worker',
];
const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

// What the demo services reach with repository and catalog facts alone (no
// cluster, no Prometheus: those checks are left out): payments-api Gold,
// ledger-worker Silver (rel.chaos waived by its annotation), checkout-web
// Bronze (it fails twelve Silver checks), legacy-billing none (it fails six
// Bronze checks).
const STORED = { none: 1, bronze: 1, silver: 1, gold: 1 };
const ref = (name: string) => `component:default/${name}`;

/** Every row of every table, to tell that a dry run wrote nothing. */
async function databaseContents(knex: Knex): Promise<Record<string, unknown>> {
  const tables: string[] =
    knex.client.config.client === 'pg'
      ? (
          await knex.raw(
            'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()',
          )
        ).rows.map((r: { name: string }) => r.name)
      : (
          await knex.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
        ).map((r: { name: string }) => r.name);
  const contents: Record<string, unknown> = {};
  for (const table of tables.sort()) {
    const rows = await knex(table).select('*');
    contents[table] = rows
      .map(row => JSON.stringify(row, Object.keys(row).sort()))
      .sort();
  }
  return contents;
}

describe.each(databases.eachSupportedId())(
  'POST /rubric/dry-run on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let knex: Knex;
    const dryRun = (body: unknown, user = policyUsers.admin) =>
      request(backend.server)
        .post('/api/maturity/rubric/dry-run')
        .set('Authorization', mockCredentials.user.header(user))
        .send(body as object);

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          maturityFeatures,
          directoryUrlReaderFactory(examplesDir),
          catalogServiceMock.factory({
            entities: [
              ...SERVICES.map(demoEntity),
              group('payments'),
              group('growth'),
            ],
          }),
          import('@backstage/plugin-permission-backend'),
          restrictivePolicyModule,
          permissionsServiceFactory,
          httpAuthWithActors,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: { ...demoMaturityConfig(), permission: { enabled: true } },
          }),
        ],
      });
      for (const name of SERVICES) {
        await request(backend.server)
          .post(`/api/maturity/scores/component/default/${name}/refresh`)
          .set('Authorization', mockCredentials.user.header(policyUsers.admin))
          .expect(200);
      }
    });
    afterAll(async () => {
      await backend?.stop();
    });

    it('counts the stored levels as "before": the effective rubric re-evaluated on stored facts gives what the refresh stored', async () => {
      const stored = await request(backend.server)
        .get('/api/maturity/levels')
        .set('Authorization', mockCredentials.user.header(policyUsers.admin))
        .expect(200);
      expect(stored.body.levels).toEqual(STORED);

      const res = await dryRun({}).expect(200);
      expect(res.body).toEqual({
        levels: [
          { id: 'bronze', title: 'Bronze' },
          { id: 'silver', title: 'Silver' },
          { id: 'gold', title: 'Gold' },
        ],
        evaluated: 4,
        before: STORED,
        after: STORED,
        changedCount: 0,
        changed: [],
      });
    });

    it('disabling the Silver checks checkout-web fails lifts it to Silver, and no one else', async () => {
      const disabled = [
        'obs.metrics',
        'obs.dashboards',
        'obs.alerts',
        'obs.logging',
        'sec.secret-scan',
        'sec.image-scan',
        'sec.sast',
        'docs.techdocs',
        'catalog.techdocs',
        'docs.runbook',
        'catalog.oncall',
        'catalog.runbook',
      ].map(id => ({ id, enabled: false }));
      const res = await dryRun({ checks: disabled }).expect(200);
      expect(res.body).toEqual({
        levels: [
          { id: 'bronze', title: 'Bronze' },
          { id: 'silver', title: 'Silver' },
          { id: 'gold', title: 'Gold' },
        ],
        evaluated: 4,
        before: STORED,
        after: { none: 1, bronze: 0, silver: 2, gold: 1 },
        changedCount: 1,
        changed: [
          {
            entityRef: ref('checkout-web'),
            kind: 'Component',
            name: 'checkout-web',
            owner: 'group:default/growth',
            before: 'bronze',
            after: 'silver',
          },
        ],
      });
    });

    it('raising the level of the Bronze checks legacy-billing fails lifts it to Bronze', async () => {
      const raised = [
        'ci.tests',
        'ci.container-build',
        'obs.health',
        'sec.dependency-updates',
        'docs.readme',
        'docs.codeowners',
      ].map(id => ({ id, level: 'silver' }));
      const res = await dryRun({ checks: raised }).expect(200);
      expect(res.body).toMatchObject({
        before: STORED,
        after: { none: 0, bronze: 2, silver: 1, gold: 1 },
        changedCount: 1,
        changed: [
          { entityRef: ref('legacy-billing'), before: null, after: 'bronze' },
        ],
      });
    });

    it('lowering a check and adding one drop exactly the services that fail them, keeping stored exemptions and appliesTo by tag', async () => {
      const res = await dryRun({
        checks: [
          // checkout-web fails it; ledger-worker's annotation waives it, so
          // it stays Silver; payments-api passes it.
          { id: 'rel.chaos', level: 'bronze' },
          // Applies to checkout-web alone (tagged frontend), which has no on-call.
          {
            id: 'acme.frontend-oncall',
            pillar: 'docs',
            level: 'bronze',
            title: 'Frontends have an on-call rotation',
            appliesTo: { tags: ['frontend'] },
            condition: { fact: 'catalog.oncall', equals: true },
          },
        ],
      }).expect(200);
      expect(res.body).toMatchObject({
        before: STORED,
        after: { none: 2, bronze: 0, silver: 1, gold: 1 },
        changedCount: 1,
        changed: [
          { entityRef: ref('checkout-web'), before: 'bronze', after: null },
        ],
      });
      // The new check alone: only checkout-web is tagged frontend.
      const added = await dryRun({
        checks: [
          {
            id: 'acme.typescript-oncall',
            pillar: 'docs',
            level: 'bronze',
            title: 'TypeScript services have an on-call rotation',
            appliesTo: { tags: ['typescript'] },
            condition: { fact: 'catalog.oncall', equals: true },
          },
        ],
      }).expect(200);
      expect(
        added.body.changed.map((c: { entityRef: string }) => c.entityRef),
      ).toEqual([ref('checkout-web')]);
    });

    it('writes nothing', async () => {
      const before = await databaseContents(knex);
      expect(
        (before.maturity_scores as string[]).length +
          (before.maturity_refresh_state as string[]).length,
      ).toBeGreaterThan(4);
      await dryRun({ checks: [{ id: 'docs.readme', enabled: false }] }).expect(
        200,
      );
      await dryRun({ checks: [{ id: 'rel.chaos', level: 'bronze' }] }).expect(
        200,
      );
      await dryRun({ checks: [{ id: 'ci.tests', level: 'platinum' }] }).expect(
        400,
      );
      expect(await databaseContents(knex)).toEqual(before);
    });

    it('answers 400 naming the bad key of an invalid proposal', async () => {
      const badLevel = await dryRun({
        checks: [
          { id: 'ci.tests', weight: 3 },
          { id: 'ci.pipeline', level: 'platinum' },
        ],
      }).expect(400);
      expect(badLevel.body.error.name).toBe('InputError');
      expect(badLevel.body.error.message).toBe(
        'Invalid rubric overrides: body.checks[1].level: unknown level "platinum"; levels are bronze, silver, gold',
      );

      const unknownKey = await dryRun({
        checks: [{ id: 'ci.tests', levle: 'gold' }],
      }).expect(400);
      expect(unknownKey.body.error.message).toContain(
        'body.checks[0]: unknown key "levle"',
      );

      const incomplete = await dryRun({
        checks: [{ id: 'acme.new', level: 'bronze' }],
      }).expect(400);
      expect(incomplete.body.error.message).toContain(
        'body.checks[0]: new check "acme.new" needs pillar, title, condition',
      );

      const notOverrides = await dryRun({ rubric: { checks: [] } }).expect(400);
      expect(notOverrides.body.error.message).toBe(
        'Invalid rubric overrides: unknown parameter "rubric"; allowed are pillars, levels, facts, checks',
      );
    });

    it('bounds the proposal: the number of overrides, how deep conditions nest, and which patterns may run', async () => {
      const tooMany = await dryRun({
        checks: Array.from({ length: 201 }, (_, i) => ({
          id: `ci.tests`,
          weight: i % 10,
        })),
      }).expect(400);
      expect(tooMany.body.error.message).toBe(
        'Invalid rubric overrides: checks: checks takes at most 200 entries',
      );

      let deep: unknown = { fact: 'catalog.oncall', exists: true };
      for (let i = 0; i < 40; i++) deep = { not: deep };
      const nested = await dryRun({
        checks: [{ id: 'ci.tests', condition: deep }],
      }).expect(400);
      expect(nested.body.error.message).toContain(
        'conditions nest at most 16 deep',
      );

      const redos = await dryRun({
        checks: [
          {
            id: 'ci.tests',
            condition: {
              all: [{ fact: 'catalog.lifecycle', matches: '^(a+)+$' }],
            },
          },
        ],
      }).expect(400);
      expect(redos.body.error.message).toContain(
        'checks.0.condition.all.0.matches: must not repeat a group',
      );

      // A plain pattern, like the default rubric's own, runs.
      await dryRun({
        checks: [
          {
            id: 'ci.tests',
            condition: { fact: 'catalog.lifecycle', matches: '^(production)$' },
          },
        ],
      }).expect(200);
    });

    it('counts no entity for a caller who may not read scores', async () => {
      const res = await dryRun(
        { checks: [{ id: 'rel.chaos', level: 'bronze' }] },
        policyUsers.scoreDenied,
      ).expect(200);
      expect(res.body).toEqual({
        levels: [
          { id: 'bronze', title: 'Bronze' },
          { id: 'silver', title: 'Silver' },
          { id: 'gold', title: 'Gold' },
        ],
        evaluated: 0,
        before: { none: 0, bronze: 0, silver: 0, gold: 0 },
        after: { none: 0, bronze: 0, silver: 0, gold: 0 },
        changedCount: 0,
        changed: [],
      });
    });

    it('requires credentials', async () => {
      const res = await request(backend.server)
        .post('/api/maturity/rubric/dry-run')
        .set('Authorization', mockCredentials.none.header())
        .send({});
      expect(res.status).toBe(401);
    });
  },
);
