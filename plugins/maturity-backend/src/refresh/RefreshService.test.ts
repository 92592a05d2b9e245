import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Fact } from '@roadmap/plugin-maturity-common';
import type {
  CollectRequest,
  MaturityCollector,
} from '@roadmap/plugin-maturity-node';
import { DatabaseMaturityStore } from '../database/DatabaseMaturityStore';
import type { EntityScorer } from './EntityScorer';
import { RefreshService } from './RefreshService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

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
        facts: facts.map(f => ({ id: f.id, value: f.value })),
        sources: sources.map(s => ({ ...s })),
      } as any,
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
    const store = await DatabaseMaturityStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const service = new RefreshService({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      store,
      collectors,
      scorer,
      logger: mockServices.logger.mock(),
      options: {
        staleAfterMs: 3_600_000,
        batchSize: 2,
        sourceTimeoutMs: 2_000,
        leaseMs: 60_000,
      },
      now,
    });
    return { store, service };
  }

  it('scores every entity in batches, once per run, and only what is due afterwards', async () => {
    const calls: CollectRequest[] = [];
    const { store, service } = await setup(
      [component('a'), component('b'), component('c')],
      [collector('repository', { calls }), collector('prometheus')],
    );
    const first = await service.run();
    expect(first.scored).toBe(3);
    expect(calls.map(c => c.entities.length)).toEqual([2, 1]);
    expect((await store.getScore('component:default/a'))?.score).toBe(100);

    const second = await service.run();
    expect(second.scored).toBe(0);
    expect(await store.getHistory('component:default/a')).toHaveLength(1);
  });

  it('makes a down source unknown, keeps its last good facts and all history', async () => {
    const prometheus = { fail: false };
    const { store, service } = await setup(
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
    const kept = (await store.getFacts('component:default/a')).find(
      f => f.source === 'prometheus',
    );
    expect(kept?.facts.map(f => f.value)).toEqual([true]);
    expect(
      (await store.getHistory('component:default/a')).map(h => h.score),
    ).toEqual([100, 50]);
  });

  it('rescores an entity whose definition changed before the stale ones', async () => {
    let clock = new Date('2026-11-24T10:00:00Z');
    const entities = [component('a'), component('b')];
    const { store, service } = await setup(
      entities,
      [collector('repository')],
      () => clock,
    );
    await service.run();
    clock = new Date('2026-11-24T10:05:00Z');
    entities[1].metadata.annotations = { 'backstage.io/techdocs-ref': 'dir:.' };
    const summary = await service.run();
    expect(summary.scored).toBe(1);
    expect(await store.getHistory('component:default/b')).toHaveLength(2);
    expect(await store.getHistory('component:default/a')).toHaveLength(1);
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
});
