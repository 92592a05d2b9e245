import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import { staticTokenHttpAuth } from './__testUtils__/staticTokenHttpAuth';
import maturityFeatures from './index';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

// Backstage's external access: static tokens, as a CI job would hold them.
const TOKENS = {
  /** May only push facts. */
  ci: 'ci-token-0123456789',
  /** May only read scores. */
  reader: 'reader-token-0123456789',
  /** Unrestricted: reads and refreshes in the test. */
  admin: 'admin-token-0123456789',
};
const REF = 'component:default/payments-api';
const SCORE = '/api/maturity/scores/component/default/payments-api';

describe.each(databases.eachSupportedId())('facts pushed from CI on %s', id => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let knex: Knex;
  const push = (body: unknown, token: string | null = TOKENS.ci) => {
    const req = request(backend.server).post('/api/maturity/facts');
    return token
      ? req.set('Authorization', `Bearer ${token}`).send(body as object)
      : req.send(body as object);
  };
  const score = async () =>
    (
      await request(backend.server)
        .get(SCORE)
        .set('Authorization', `Bearer ${TOKENS.admin}`)
        .expect(200)
    ).body;
  const coverage = async () =>
    (await score()).detail.results.find(
      (r: any) => r.checkId === 'ci.coverage',
    );
  const historyLength = async () =>
    (
      await request(backend.server)
        .get(`${SCORE}/history`)
        .set('Authorization', `Bearer ${TOKENS.admin}`)
        .expect(200)
    ).body.items.length;
  const coverageFact = (value: unknown, observedAt?: string) => ({
    provenance: {
      source: 'maturity-cli',
      commit: 'abc1234def',
      runUrl: 'https://ci.example.com/runs/42',
    },
    facts: [{ entityRef: REF, id: 'ci.coverage', value, observedAt }],
  });

  beforeAll(async () => {
    knex = await databases.init(id);
    backend = await startTestBackend({
      features: [
        maturityFeatures,
        directoryUrlReaderFactory(examplesDir),
        catalogServiceMock.factory({ entities: [demoEntity('payments-api')] }),
        mockServices.database.factory({ knex }),
        staticTokenHttpAuth({
          [TOKENS.ci]: {
            subject: 'ci',
            permissionNames: ['maturity.facts.write'],
          },
          [TOKENS.reader]: {
            subject: 'reader',
            permissionNames: ['maturity.score.read'],
          },
          [TOKENS.admin]: { subject: 'admin' },
        }),
        permissionsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            ...demoMaturityConfig({
              rubric: {
                facts: [{ id: 'ci.coverage', source: 'ci', type: 'number' }],
                checks: [
                  {
                    id: 'ci.coverage',
                    pillar: 'cicd',
                    level: 'gold',
                    title: 'Test coverage at least 80%',
                    condition: { fact: 'ci.coverage', gte: 80 },
                  },
                ],
              },
            }),
          },
        }),
      ],
    });
    await request(backend.server)
      .post(`${SCORE}/refresh`)
      .set('Authorization', `Bearer ${TOKENS.admin}`)
      .expect(200);
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('scores a pushed fact at once, keeps the newest observation and records history', async () => {
    // Before any push the adopter's own source has no facts here.
    expect((await coverage()).status).toBe('unknown');
    const before = await historyLength();

    const first = await push(
      coverageFact(91, new Date(Date.now() - 60_000).toISOString()),
    ).expect(200);
    expect(first.body).toMatchObject({
      accepted: 1,
      ignoredAsOlder: 0,
      entities: [{ entityRef: REF, rescored: true }],
    });
    const passed = await coverage();
    expect(passed.status).toBe('pass');
    expect(passed.evidence).toEqual(
      expect.arrayContaining([
        {
          note: 'pushed by maturity-cli at commit abc1234def',
          url: 'https://ci.example.com/runs/42',
        },
      ]),
    );
    expect(await historyLength()).toBe(before + 1);

    // An older observation arriving late changes nothing.
    const late = await push(
      coverageFact(10, new Date(Date.now() - 3_600_000).toISOString()),
    ).expect(200);
    expect(late.body).toMatchObject({ accepted: 0, ignoredAsOlder: 1 });
    expect((await coverage()).status).toBe('pass');
    expect(await historyLength()).toBe(before + 1);

    // A newer one does, and history records the change.
    await push(coverageFact(42)).expect(200);
    expect((await coverage()).status).toBe('fail');
    expect(await historyLength()).toBe(before + 2);
  });

  it('turns the checks unknown, never fail, once the pushed facts expire', async () => {
    await push(coverageFact(95)).expect(200);
    expect((await coverage()).status).toBe('pass');
    // Time passes: the stored facts' time to live runs out.
    await knex('maturity_pushed_facts').update({
      expires_at: new Date(Date.now() - 1000),
    });
    await request(backend.server)
      .post(`${SCORE}/refresh`)
      .set('Authorization', `Bearer ${TOKENS.admin}`)
      .expect(200);
    const body = await score();
    expect(
      body.detail.results.find((r: any) => r.checkId === 'ci.coverage').status,
    ).toBe('unknown');
    expect(body.detail.sources.find((s: any) => s.source === 'ci')).toEqual(
      expect.objectContaining({
        status: 'error',
        message: expect.stringContaining('expired'),
      }),
    );
  });

  describe('bad pushes answer clearly and store nothing', () => {
    const rows = async () =>
      Number((await knex('maturity_pushed_facts').count({ n: '*' }))[0].n);

    it('rejects an unknown fact or a value of the wrong type with a 400 that names it', async () => {
      const stored = await rows();
      const unknown = await push({
        provenance: { source: 'maturity-cli' },
        facts: [
          { entityRef: REF, id: 'ci.coverage', value: 99 },
          { entityRef: REF, id: 'ci.flakiness', value: 1 },
        ],
      }).expect(400);
      expect(unknown.body.error.message).toContain(
        'unknown fact "ci.flakiness"',
      );
      const wrongType = await push(coverageFact('ninety')).expect(400);
      expect(wrongType.body.error.message).toContain(
        'fact "ci.coverage" takes a number, got a string',
      );
      // The good fact of the rejected batch was not applied either.
      expect(await rows()).toBe(stored);
    });

    it('answers 404 for an entity the catalog does not have', async () => {
      const res = await push({
        provenance: { source: 'maturity-cli' },
        facts: [
          { entityRef: 'component:default/nope', id: 'ci.coverage', value: 1 },
        ],
      }).expect(404);
      expect(res.body.error.message).toContain('component:default/nope');
    });

    it('answers 401 without credentials and 403 for a token not allowed to push', async () => {
      await push(coverageFact(80), null).expect(401);
      const denied = await push(coverageFact(80), TOKENS.reader).expect(403);
      expect(denied.body.error.name).toBe('NotAllowedError');
    });

    it('answers 413 for a batch over the limit, storing nothing', async () => {
      const stored = await rows();
      const res = await push({
        provenance: { source: 'maturity-cli' },
        facts: Array.from({ length: 5001 }, () => ({
          entityRef: REF,
          id: 'ci.coverage',
          value: 1,
        })),
      }).expect(413);
      expect(res.body.error.message).toContain('at most 5000 facts');
      expect(await rows()).toBe(stored);
    });

    it('rejects provenance that could inject into links', async () => {
      const res = await push({
        provenance: {
          source: 'maturity-cli',
          // A script link, built so the linter does not take it for ours.
          runUrl: ['javascript', 'alert(1)'].join(':'),
        },
        facts: [{ entityRef: REF, id: 'ci.coverage', value: 1 }],
      }).expect(400);
      expect(res.body.error.message).toContain('provenance.runUrl');
    });
  });
});
