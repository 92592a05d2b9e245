import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Fact } from '@roadmap/plugin-maturity-common';
import type { Knex } from 'knex';
import type {
  CollectRequest,
  MaturityCollector,
} from '@roadmap/plugin-maturity-node';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { failWrites } from '../__testUtils__/failWrites';
import { rejectionMessage } from '../__testUtils__/rejectionMessage';
import type { EntityScorer } from './EntityScorer';
import { RefreshService } from './RefreshService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** A trigger condition: the update writes other last good facts. */
const factsChange = (knex: Knex) =>
  knex.client.config.client === 'pg'
    ? 'NEW.facts IS DISTINCT FROM OLD.facts'
    : 'NEW.facts IS NOT OLD.facts';

function component(
  name: string,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', ...extra },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/platform',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
  };
}

// A rubric of one check per source: the share of `<source>.ok` facts that are true.
const scorer: EntityScorer = {
  rubricHash: 'test-rubric',
  appliesTo: e => e.kind === 'Component',
  score(_entity, facts, { sources }) {
    const passed = facts.filter(f => f.value === true).length;
    const score = Math.round((passed / 2) * 100);
    return {
      score,
      level: score === 100 ? 'gold' : null,
      levelRank: score === 100 ? 0 : -1,
      nextLevel: score === 100 ? null : 'gold',
      pillars: { all: score },
      detail: {
        results: facts.map(f => ({
          checkId: f.id,
          status: f.value === true ? 'pass' : 'fail',
          message: '',
          evidence: [],
        })),
        nextSteps: [],
        sources,
      },
    };
  },
};

function collector(
  source: string,
  behaviour: { fail?: boolean; calls?: CollectRequest[] } = {},
): MaturityCollector {
  return {
    source,
    async collect(request) {
      behaviour.calls?.push(request);
      if (behaviour.fail) throw new Error(`${source} down`);
      const facts = new Map<string, Fact[]>();
      for (const e of request.entities) {
        facts.set(`component:default/${e.metadata.name}`, [
          {
            id: `${source}.ok`,
            value: true,
            source,
            observedAt: request.now.toISOString(),
            evidence: [],
          },
        ]);
      }
      return { facts };
    },
  };
}

describe.each(databases.eachSupportedId())('RefreshService on %p', id => {
  async function setup(
    entities: Entity[],
    collectors: MaturityCollector[],
    now = () => new Date(),
  ) {
    const knex = await databases.init(id);
    const db = await MaturityDatabase.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const logger = mockServices.logger.mock();
    const service = new RefreshService({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      db,
      collectors,
      scorer,
      logger,
      options: {
        staleAfterMs: 3_600_000,
        batchSize: 2,
        sourceTimeoutMs: 2_000,
        leaseMs: 60_000,
        retry: { firstDelayMs: 60_000, maxDelayMs: 3_600_000 },
      },
      now,
    });
    return { knex, db, service, logger };
  }

  it('scores every entity in batches, once per run, and only what is due afterwards', async () => {
    const calls: CollectRequest[] = [];
    const { db, service } = await setup(
      [component('a'), component('b'), component('c')],
      [collector('repository', { calls }), collector('prometheus')],
    );
    const first = await service.run();
    expect(first.scored).toBe(3);
    expect(calls.map(c => c.entities.length)).toEqual([2, 1]);
    expect((await db.scores.get('component:default/a'))?.score).toBe(100);

    const second = await service.run();
    expect(second.scored).toBe(0);
    expect(await db.snapshots.history('component:default/a')).toHaveLength(1);
  });

  it('makes a down source unknown, keeps its last good facts and all history', async () => {
    const prometheus = { fail: false };
    const { db, service } = await setup(
      [component('a')],
      [collector('repository'), collector('prometheus', prometheus)],
    );
    await service.run();
    prometheus.fail = true;
    const refreshed = await service.refreshOne('component:default/a');

    expect(refreshed.score).toBe(50);
    expect(refreshed.detail.sources).toEqual([
      {
        source: 'prometheus',
        status: 'error',
        message: 'prometheus is unavailable: prometheus down',
        lastGoodAt: expect.any(String),
      },
      { source: 'repository', status: 'ok', lastGoodAt: expect.any(String) },
    ]);
    const kept = (await db.facts.get(['component:default/a']))
      .get('component:default/a')!
      .find(f => f.source === 'prometheus');
    expect(kept?.facts.map(f => f.value)).toEqual([true]);
    expect(
      (await db.snapshots.history('component:default/a')).map(h => h.score),
    ).toEqual([100, 50]);
  });

  it('rescores an entity whose definition changed before the stale ones', async () => {
    let clock = new Date('2026-11-24T10:00:00Z');
    const entities = [component('a'), component('b')];
    const { db, service } = await setup(
      entities,
      [collector('repository')],
      () => clock,
    );
    await service.run();
    clock = new Date('2026-11-24T10:05:00Z');
    entities[1].metadata.annotations = { 'backstage.io/techdocs-ref': 'dir:.' };
    const summary = await service.run();
    expect(summary.scored).toBe(1);
    // Scored again, with the same results: confirmed, no new history point.
    const b = await db.scores.get('component:default/b');
    expect(b).toMatchObject({
      scoredAt: '2026-11-24T10:00:00.000Z',
      confirmedAt: '2026-11-24T10:05:00.000Z',
    });
    expect(await db.snapshots.history('component:default/b')).toHaveLength(1);
    expect((await db.scores.get('component:default/a'))?.confirmedAt).toBe(
      '2026-11-24T10:00:00.000Z',
    );
  });

  it('follows a new owner or tags without a new point of history', async () => {
    let clock = new Date('2026-11-24T10:00:00Z');
    const entities = [component('a')];
    const { db, service } = await setup(
      entities,
      [collector('repository')],
      () => clock,
    );
    await service.run();
    clock = new Date('2026-11-24T10:05:00Z');
    entities[0].relations = [
      { type: 'ownedBy', targetRef: 'group:default/search' },
    ];
    entities[0].metadata.tags = ['java'];
    await service.run();
    expect(
      (await db.scores.list({ owners: ['group:default/search'] })).items.map(
        i => i.name,
      ),
    ).toEqual(['a']);
    expect(await db.snapshots.history('component:default/a')).toHaveLength(1);
  });

  it('keeps history as a step function: a snapshot only when results change', async () => {
    let clock = new Date('2026-11-24T10:00:00Z');
    const prometheus = { fail: false };
    const { db, service } = await setup(
      [component('a'), component('b')],
      [collector('repository'), collector('prometheus', prometheus)],
      () => clock,
    );
    const hour = (h: number) => new Date(Date.UTC(2026, 10, 24, 10 + h, 1));
    await service.run();
    // Three hourly refreshes: b's Prometheus goes down in the second.
    for (const h of [1, 2, 3]) {
      clock = hour(h);
      prometheus.fail = h === 2;
      await service.run();
    }
    const history = async (name: string) =>
      (await db.snapshots.history(`component:default/${name}`)).map(p => [
        p.scoredAt,
        p.score,
      ]);
    expect(await history('a')).toEqual([
      ['2026-11-24T10:00:00.000Z', 100],
      [hour(2).toISOString(), 50],
      [hour(3).toISOString(), 100],
    ]);
    const a = await db.scores.get('component:default/a');
    expect(a).toMatchObject({
      score: 100,
      scoredAt: hour(3).toISOString(),
      confirmedAt: hour(3).toISOString(),
    });
    // The list says when each score was last confirmed.
    const listed = await db.scores.list({ orderBy: 'name', order: 'asc' });
    expect(listed.items.map(i => i.confirmedAt)).toEqual([
      hour(3).toISOString(),
      hour(3).toISOString(),
    ]);
    // Movers read the step function: a's score as of hour 1 is its first.
    const baselines = await db.snapshots.baselines(
      ['component:default/a'],
      hour(1),
    );
    expect(baselines.get('component:default/a')?.score).toBe(100);
  });

  it('refuses to refresh an entity the catalog does not have', async () => {
    const { service } = await setup(
      [component('a')],
      [collector('repository')],
    );
    await expect(service.refreshOne('component:default/nope')).rejects.toThrow(
      'No scorable entity',
    );
  });

  it('never mistakes a storage error for a source error: the previous scores and history stay, and the entities are retried soon', async () => {
    let clock = new Date('2026-11-24T10:00:00Z');
    const { knex, db, service, logger } = await setup(
      [component('a'), component('b'), component('c')],
      [collector('repository'), collector('prometheus')],
      () => clock,
    );
    await service.run();
    const before = await db.scores.list({ orderBy: 'name', order: 'asc' });
    expect(before.items.map(i => i.score)).toEqual([100, 100, 100]);

    // An hour later the entities are due again, and the database refuses
    // to store the end of their scoring (their facts and confirmation).
    clock = new Date('2026-11-24T11:01:00Z');
    const repair = await failWrites(knex, 'maturity_refresh_state', {
      on: ['UPDATE'],
      when: factsChange(knex),
    });
    const failed = await service.run();
    expect(failed).toMatchObject({ scored: 0, failed: 3, failedSources: {} });
    expect(await db.scores.list({ orderBy: 'name', order: 'asc' })).toEqual(
      before,
    );
    for (const name of ['a', 'b', 'c']) {
      const ref = `component:default/${name}`;
      expect(await db.snapshots.history(ref)).toHaveLength(1);
      const stored = await db.scores.get(ref);
      expect(stored!.detail.sources.map(x => x.status)).toEqual(['ok', 'ok']);
      expect(JSON.stringify(stored)).not.toMatch(/insert into/i);
    }
    expect(logger.error).toHaveBeenCalled();

    // Retried within minutes, not at the next hourly refresh.
    await repair();
    clock = new Date('2026-11-24T11:02:30Z');
    const retried = await service.run();
    expect(retried).toMatchObject({ scored: 3, failed: 0 });
    // The same results as before the fault: confirmed, one point of history.
    expect(await db.snapshots.history('component:default/a')).toHaveLength(1);
    expect((await db.scores.get('component:default/a'))?.confirmedAt).toBe(
      '2026-11-24T11:02:30.000Z',
    );
  });

  it('closes the run and leaves no lease behind when rescheduling a failed entity fails too', async () => {
    const { knex, db, service, logger } = await setup(
      [component('a'), component('b')],
      [collector('repository')],
    );
    // Ending the scoring fails, and so does the back-off update (attempts
    // going up).
    const repair = await failWrites(knex, 'maturity_refresh_state', {
      on: ['UPDATE'],
      when: `(${factsChange(knex)}) OR NEW.attempts > OLD.attempts`,
    });
    const summary = await service.run();
    expect(summary).toMatchObject({ scored: 0, failed: 2 });
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/^Scored 0 entities in \d+ ms$/),
      expect.objectContaining({ failed: 2 }),
    );
    await repair();
    const leased = await knex('maturity_refresh_state').whereNotNull(
      'lease_owner',
    );
    expect(leased).toEqual([]);
    expect((await db.scores.list({})).totalCount).toBe(0);
  });

  it('stops a run on a database error after closing it: summary logged, leases ended', async () => {
    const { knex, service, logger } = await setup(
      [component('a'), component('b'), component('c')],
      [collector('repository')],
    );
    // Claiming the second batch (entity c) fails.
    const repair = await failWrites(knex, 'maturity_refresh_state', {
      on: ['UPDATE'],
      when: "NEW.entity_ref = 'component:default/c' AND NEW.lease_owner IS NOT NULL",
    });
    expect(await rejectionMessage(service.run())).toMatch(/No space left/);
    await repair();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^Scored 2 entities in \d+ ms; stopped early$/),
      expect.objectContaining({ stoppedBy: expect.stringMatching(/No space/) }),
    );
    expect(
      await knex('maturity_refresh_state').whereNotNull('lease_owner'),
    ).toEqual([]);
  });
});
