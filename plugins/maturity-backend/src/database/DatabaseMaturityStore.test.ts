import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { DatabaseMaturityStore } from './DatabaseMaturityStore';
import type { ScoreRecord } from './MaturityStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function record(
  name: string,
  overrides: Partial<ScoreRecord> = {},
): ScoreRecord {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/platform',
    system: 'system:default/payments',
    type: 'service',
    lifecycle: 'production',
    score: 50,
    level: 'bronze',
    levelRank: 0,
    nextLevel: 'silver',
    pillars: { cicd: 80, security: 20 },
    detail: { results: [{ checkId: 'ci.pipeline', status: 'pass' }] },
    rubricHash: 'abc',
    scoredAt: new Date('2026-11-01T00:00:00Z'),
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseMaturityStore on %p',
  id => {
    async function createStore() {
      const knex = await databases.init(id);
      const store = await DatabaseMaturityStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      return { knex, store };
    }

    it('reads a page from the sort index once the planner statistics are refreshed', async () => {
      const { knex, store } = await createStore();
      for (let i = 0; i < 1200; i++) {
        await store.saveScore(record(`svc-${i}`, { score: (i * 37) % 100 }));
      }
      await store.refreshStatistics();
      const queries: { sql: string; bindings: readonly Knex.RawBinding[] }[] =
        [];
      const listen = (q: {
        sql: string;
        bindings: readonly Knex.RawBinding[];
      }) => queries.push(q);
      knex.on('query', listen);
      await store.listScores({ orderBy: 'score', offset: 600, limit: 100 });
      knex.off('query', listen);
      const page = queries.find(q => /offset 600/i.test(q.sql))!;
      const plan =
        id === 'SQLITE_3'
          ? (await knex.raw(`EXPLAIN QUERY PLAN ${page.sql}`, page.bindings))
              .map((r: { detail: string }) => r.detail)
              .join('\n')
          : (await knex.raw(`EXPLAIN ${page.sql}`, page.bindings)).rows
              .map((r: Record<string, string>) => r['QUERY PLAN'])
              .join('\n');
      // The offset is walked on the (score, entity_ref) index, not by
      // sorting every row of the table.
      expect(plan).toMatch(/maturity_scores_score_ref_idx/);
    });

    it('rewrites pillar rows only when a pillar score changed', async () => {
      const { knex, store } = await createStore();
      // Whether a save rewrote the pillar rows: PostgreSQL gives a rewritten
      // row a new xmin; SQLite counts the rows each statement changed.
      const pillarWrites = async (save: () => Promise<unknown>) => {
        if (id === 'SQLITE_3') {
          const changes = async () =>
            (await knex.raw('select total_changes() as n'))[0].n as number;
          const before = await changes();
          await save();
          // A snapshot and the current score: 2; pillar rows add theirs.
          return (await changes()) - before - 2;
        }
        const xmins = async () =>
          (
            await knex('maturity_pillar_scores').select(
              knex.raw('xmin::text as v'),
            )
          )
            .map((r: { v: string }) => r.v)
            .join(',');
        const before = await xmins();
        await save();
        return (await xmins()) === before ? 0 : 1;
      };
      await store.saveScore(
        record('api', { pillars: { cicd: 57.9, security: 20 } }),
      );
      const same = await pillarWrites(() =>
        store.saveScore(
          record('api', {
            pillars: { cicd: 57.9, security: 20 },
            scoredAt: new Date('2026-11-02T00:00:00Z'),
          }),
        ),
      );
      expect(same).toBe(0);
      const changed = await pillarWrites(() =>
        store.saveScore(
          record('api', {
            pillars: { cicd: 60, security: 20 },
            scoredAt: new Date('2026-11-03T00:00:00Z'),
          }),
        ),
      );
      expect(changed).toBeGreaterThan(0);
      await expect(
        knex('maturity_pillar_scores').where({ pillar: 'cicd' }).first('score'),
      ).resolves.toEqual({ score: 60 });
    });

    it('keeps every snapshot as history and the newest as the current score', async () => {
      const { store } = await createStore();
      await store.saveScore(
        record('api', {
          score: 40,
          scoredAt: new Date('2026-11-01T00:00:00Z'),
        }),
      );
      await store.saveScore(
        record('api', {
          score: 70,
          level: 'silver',
          levelRank: 1,
          pillars: { cicd: 100, security: 40 },
          scoredAt: new Date('2026-11-02T00:00:00Z'),
        }),
      );

      const current = await store.getScore('component:default/api');
      expect(current).toMatchObject({
        score: 70,
        level: 'silver',
        pillars: { cicd: 100, security: 40 },
        detail: { results: [{ checkId: 'ci.pipeline', status: 'pass' }] },
      });
      expect(current!.scoredAt.toISOString()).toBe('2026-11-02T00:00:00.000Z');

      const history = await store.getHistory('component:default/api');
      expect(history.map(h => [h.score, h.level])).toEqual([
        [40, 'bronze'],
        [70, 'silver'],
      ]);
      expect(history[1].id).toBe(current!.snapshotId);
      expect(await store.getScore('component:default/other')).toBeUndefined();
    });

    it('filters, sorts and pages the score list', async () => {
      const { store } = await createStore();
      await store.saveScore(
        record('alpha', {
          score: 10,
          level: null,
          levelRank: -1,
          pillars: { cicd: 10, security: 0 },
        }),
      );
      await store.saveScore(
        record('beta', {
          score: 90,
          level: 'gold',
          levelRank: 2,
          owner: 'group:default/search',
          pillars: { cicd: 100, security: 90 },
        }),
      );
      await store.saveScore(
        record('gamma', {
          score: 55,
          title: 'Gamma Service',
          pillars: { cicd: 60, security: 50 },
        }),
      );

      const all = await store.listScores({ orderBy: 'score', order: 'desc' });
      expect(all.totalCount).toBe(3);
      expect(all.items.map(i => i.name)).toEqual(['beta', 'gamma', 'alpha']);

      const page = await store.listScores({
        orderBy: 'name',
        order: 'asc',
        offset: 1,
        limit: 1,
      });
      expect(page).toMatchObject({ totalCount: 3, items: [{ name: 'beta' }] });

      expect(
        (
          await store.listScores({ owners: ['group:default/search'] })
        ).items.map(i => i.name),
      ).toEqual(['beta']);
      expect(
        (await store.listScores({ levels: ['none'] })).items.map(i => i.name),
      ).toEqual(['alpha']);
      expect(
        (
          await store.listScores({
            levels: ['gold', 'none'],
            orderBy: 'name',
            order: 'asc',
          })
        ).items.map(i => i.name),
      ).toEqual(['alpha', 'beta']);
      expect(
        (await store.listScores({ text: 'gamma serv' })).items.map(i => i.name),
      ).toEqual(['gamma']);
      expect((await store.listScores({ text: '100%' })).totalCount).toBe(0);
      expect(
        (
          await store.listScores({
            pillarRanges: [{ pillar: 'security', min: 40, max: 60 }],
          })
        ).items.map(i => i.name),
      ).toEqual(['gamma']);
      expect(
        (
          await store.listScores({ entityRefs: ['component:default/alpha'] })
        ).items.map(i => i.name),
      ).toEqual(['alpha']);
    });

    it('pages deep into the list in a stable order, and reads rows scored before the summary column', async () => {
      const { knex, store } = await createStore();
      for (let i = 0; i < 30; i++) {
        await store.saveScore(
          record(`svc-${String(i).padStart(2, '0')}`, {
            score: i % 3,
            pillars: { cicd: i, security: 100 - i },
          }),
        );
      }
      const pages = [];
      for (let offset = 0; offset < 30; offset += 7) {
        const page = await store.listScores({ limit: 7, offset });
        expect(page.totalCount).toBe(30);
        pages.push(...page.items);
      }
      // every entity once, by score then ref, both descending
      expect(pages.map(p => p.name)).toEqual(
        Array.from({ length: 30 }, (_, i) => i)
          .sort((a, b) => (b % 3) - (a % 3) || b - a)
          .map(i => `svc-${String(i).padStart(2, '0')}`),
      );

      // a row written before the summary column existed
      await knex('maturity_scores')
        .where({ entity_ref: 'component:default/svc-29' })
        .update({ summary: null });
      const [legacy] = (await store.listScores({ text: 'svc-29', limit: 1 }))
        .items;
      const fresh = pages.find(p => p.name === 'svc-29')!;
      expect(legacy).toEqual(fresh);
      expect(legacy.pillars).toEqual({ cicd: 29, security: 71 });
      expect(legacy.scoredAt).toBeInstanceOf(Date);
      expect((await store.getScore(fresh.entityRef))!.pillars).toEqual({
        cicd: 29,
        security: 71,
      });
    });

    it('counts levels and finds the biggest movers since a date', async () => {
      const { store } = await createStore();
      const day = (d: number) => new Date(Date.UTC(2026, 9, d));
      await store.saveScore(
        record('riser', {
          score: 20,
          level: null,
          levelRank: -1,
          scoredAt: day(1),
        }),
      );
      await store.saveScore(record('riser', { score: 30, scoredAt: day(5) }));
      await store.saveScore(
        record('riser', {
          score: 80,
          level: 'silver',
          levelRank: 1,
          scoredAt: day(20),
        }),
      );
      await store.saveScore(
        record('faller', {
          score: 70,
          level: 'silver',
          levelRank: 1,
          scoredAt: day(2),
        }),
      );
      await store.saveScore(record('faller', { score: 60, scoredAt: day(21) }));
      await store.saveScore(record('flat', { score: 50, scoredAt: day(3) }));
      await store.saveScore(
        record('newcomer', {
          score: 10,
          level: null,
          levelRank: -1,
          scoredAt: day(15),
        }),
      );
      await store.saveScore(
        record('newcomer', { score: 40, scoredAt: day(25) }),
      );

      expect(await store.levelDistribution({})).toEqual({
        silver: 1,
        bronze: 3,
      });
      expect(
        await store.levelDistribution({ owners: ['group:default/nobody'] }),
      ).toEqual({});

      const movers = await store.movers({}, { since: day(10), limit: 10 });
      expect(
        movers.map(m => [m.name, m.from.score, m.to.score, m.delta]),
      ).toEqual([
        ['riser', 30, 80, 50],
        ['newcomer', 10, 40, 30],
        ['faller', 70, 60, -10],
      ]);
      expect(
        (await store.movers({}, { since: day(10), limit: 1 })).map(m => m.name),
      ).toEqual(['riser']);
    });

    it('prunes old snapshots but never the current one', async () => {
      const { store } = await createStore();
      await store.saveScore(
        record('api', { scoredAt: new Date('2026-01-01T00:00:00Z') }),
      );
      await store.saveScore(
        record('api', { scoredAt: new Date('2026-02-01T00:00:00Z') }),
      );
      await store.saveScore(
        record('old', { scoredAt: new Date('2026-01-01T00:00:00Z') }),
      );

      const removed = await store.pruneSnapshots(
        new Date('2026-06-01T00:00:00Z'),
      );
      expect(removed).toBe(1);
      expect(
        (await store.getHistory('component:default/api')).map(h =>
          h.scoredAt.toISOString(),
        ),
      ).toEqual(['2026-02-01T00:00:00.000Z']);
      expect(await store.getHistory('component:default/old')).toHaveLength(1);
    });

    it('keeps the last good facts per source', async () => {
      const { store } = await createStore();
      const fact = {
        id: 'repository.ci.pipeline',
        value: true,
        source: 'repository',
        observedAt: '2026-11-01T00:00:00.000Z',
        evidence: [{ path: '.github/workflows/ci.yml', line: 1 }],
      };
      await store.saveFacts('component:default/api', {
        source: 'repository',
        facts: [fact],
        etag: 'e1',
        observedAt: new Date('2026-11-01T00:00:00Z'),
      });
      await store.saveFacts('component:default/api', {
        source: 'repository',
        facts: [{ ...fact, value: false }],
        etag: 'e2',
        observedAt: new Date('2026-11-02T00:00:00Z'),
      });

      const facts = await store.getFacts('component:default/api');
      expect(facts).toHaveLength(1);
      expect(facts[0]).toMatchObject({
        source: 'repository',
        etag: 'e2',
        facts: [{ value: false }],
      });
      expect(facts[0].observedAt.toISOString()).toBe(
        '2026-11-02T00:00:00.000Z',
      );
    });

    it('leases due entities to one owner at a time, never-scored first', async () => {
      const { store } = await createStore();
      const now = new Date('2026-11-10T00:00:00Z');
      const later = new Date('2026-11-10T00:10:00Z');
      await store.registerEntities(['component:default/a'], now);
      await store.release({
        entityRef: 'component:default/a',
        leaseOwner: 'nobody',
        nextDueAt: now,
      });
      await store.claimOne({
        entityRef: 'component:default/a',
        leaseOwner: 'x',
        now,
        leaseUntil: now,
      });
      await store.release({
        entityRef: 'component:default/a',
        leaseOwner: 'x',
        nextDueAt: new Date('2026-11-09T00:00:00Z'),
        fingerprint: 'f1',
      });
      await store.registerEntities(
        ['component:default/b', 'component:default/a'],
        now,
      );

      const first = await store.claimDue({
        leaseOwner: 'r1',
        limit: 10,
        now,
        leaseUntil: later,
      });
      expect(first.map(l => l.entityRef)).toEqual([
        'component:default/b',
        'component:default/a',
      ]);
      expect(first[1].fingerprint).toBe('f1');

      const second = await store.claimDue({
        leaseOwner: 'r2',
        limit: 10,
        now,
        leaseUntil: later,
      });
      expect(second).toEqual([]);
      expect(
        await store.claimOne({
          entityRef: 'component:default/b',
          leaseOwner: 'r2',
          now,
          leaseUntil: later,
        }),
      ).toBeUndefined();

      // An expired lease can be taken over.
      const afterExpiry = new Date('2026-11-10T00:20:00Z');
      const third = await store.claimDue({
        leaseOwner: 'r2',
        limit: 1,
        now: afterExpiry,
        leaseUntil: new Date('2026-11-10T00:30:00Z'),
      });
      expect(third).toHaveLength(1);

      await store.release({
        entityRef: 'component:default/b',
        leaseOwner: 'r1',
        nextDueAt: new Date('2026-12-01T00:00:00Z'),
      });
      const fourth = await store.claimDue({
        leaseOwner: 'r3',
        limit: 10,
        now: afterExpiry,
        leaseUntil: later,
      });
      expect(fourth.map(l => l.entityRef)).not.toContain('component:default/b');
    });

    it('refuses a snapshot from a writer whose lease was taken over', async () => {
      const { store } = await createStore();
      const t0 = new Date('2026-11-10T00:00:00Z');
      await store.registerEntities(['component:default/api'], t0);
      await store.claimDue({
        leaseOwner: 'slow',
        limit: 1,
        now: t0,
        leaseUntil: new Date('2026-11-10T00:01:00Z'),
      });
      // The slow replica's lease expires and a second replica takes over.
      await store.claimDue({
        leaseOwner: 'fast',
        limit: 1,
        now: new Date('2026-11-10T00:02:00Z'),
        leaseUntil: new Date('2026-11-10T00:03:00Z'),
      });

      await store.saveScore(record('api'), { leaseOwner: 'fast' });
      await expect(
        store.saveScore(record('api'), { leaseOwner: 'slow' }),
      ).rejects.toThrow(
        'lease on component:default/api is no longer held by slow',
      );
      expect(await store.getHistory('component:default/api')).toHaveLength(1);
    });

    it('reports fingerprints and makes changed entities due', async () => {
      const { store } = await createStore();
      const t0 = new Date('2026-11-10T00:00:00Z');
      await store.registerEntities(
        ['component:default/a', 'component:default/b'],
        t0,
      );
      const [a] = await store.claimDue({
        leaseOwner: 'r',
        limit: 1,
        now: t0,
        leaseUntil: t0,
      });
      await store.release({
        entityRef: a.entityRef,
        leaseOwner: 'r',
        nextDueAt: new Date('2026-12-01T00:00:00Z'),
        fingerprint: 'fp',
      });
      expect(await store.getFingerprints()).toEqual(
        new Map([
          ['component:default/a', 'fp'],
          ['component:default/b', undefined],
        ]),
      );
      await store.markDue(['component:default/a'], t0);
      const due = await store.claimDue({
        leaseOwner: 'r',
        limit: 5,
        now: t0,
        leaseUntil: t0,
      });
      expect(due.map(d => d.entityRef).sort()).toEqual([
        'component:default/a',
        'component:default/b',
      ]);
    });

    it('forgets an entity completely', async () => {
      const { store } = await createStore();
      await store.saveScore(record('gone'));
      await store.registerEntities(['component:default/gone'], new Date());
      await store.deleteEntity('component:default/gone');
      expect(await store.getScore('component:default/gone')).toBeUndefined();
      expect(await store.getHistory('component:default/gone')).toEqual([]);
      expect((await store.listScores({})).totalCount).toBe(0);
    });
  },
);
