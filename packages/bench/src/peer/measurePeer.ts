import { trackPeakRss } from '../shared/trackPeakRss';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { BenchDatabase } from '../shared/benchDatabase';
import { databaseFootprint, footprintDelta } from './databaseFootprint';
import type { SystemFigures } from './figures';
import { measureLatency } from '../shared/measureLatency';
import { ManualScheduler } from '@roadmap/plugin-maturity-node/testUtils';
import { entityNames } from './measureOurs';
import { PEER_CHECK_IDS, PEER_RETRIEVER_ID, startPeer } from './startPeer';
import type { SyntheticCatalog } from './syntheticFacts';

type BulkResult = {
  entity: string;
  error?: unknown;
  results: { result: boolean }[];
};

/**
 * Tech Insights on one database: boot, its fact retriever storing the
 * synthetic facts, its bulk check run over every entity (`POST
 * /checks/run`), a repeat retrieval, then its per-entity check run under 20
 * concurrent clients.
 */
export async function measurePeer(
  catalog: SyntheticCatalog,
  db: BenchDatabase,
): Promise<SystemFigures> {
  const size = catalog.entities.length;
  const headers = { authorization: mockCredentials.user.header() };
  const scheduler = new ManualScheduler();
  const bootStarted = performance.now();
  const { backend, url } = await startPeer({
    catalog,
    knex: db.knex,
    scheduler,
  });
  const rss = trackPeakRss();
  try {
    const bootMs = performance.now() - bootStarted;
    await db.settle();

    const before = await databaseFootprint(db.knex, db.flushStatistics);
    const factsStarted = performance.now();
    await scheduler.triggerTask(PEER_RETRIEVER_ID);
    const factsMs = performance.now() - factsStarted;
    const [{ n: stored }] = await db
      .knex('facts')
      .where({ id: PEER_RETRIEVER_ID })
      .count({ n: '*' });
    if (Number(stored) !== size) {
      throw new Error(`peer: ${stored} fact rows stored for ${size} entities`);
    }

    // The bulk path: every entity that has facts (an empty `entities` list
    // means all of them), every check.
    const evaluateStarted = performance.now();
    const res = await fetch(`${url}/checks/run`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ entities: [], checks: PEER_CHECK_IDS }),
    });
    const text = await res.text();
    const evaluateMs = performance.now() - evaluateStarted;
    if (!res.ok) {
      throw new Error(`POST /checks/run: ${res.status} ${text.slice(0, 500)}`);
    }
    const bulk = JSON.parse(text) as BulkResult[];
    let passed = 0;
    for (const entry of bulk) {
      if (entry.error || entry.results.length !== PEER_CHECK_IDS.length) {
        throw new Error(
          `peer: ${entry.entity} got ${
            entry.results.length
          } results ${JSON.stringify(entry.error ?? '')}`,
        );
      }
      for (const r of entry.results) if (r.result === true) passed += 1;
    }
    if (bulk.length !== size) {
      throw new Error(`peer: ${bulk.length} of ${size} entities checked`);
    }
    const after = await databaseFootprint(db.knex, db.flushStatistics);

    // A repeat refresh: the retriever runs again (its check runs write nothing).
    const beforeRepeat = await databaseFootprint(db.knex, db.flushStatistics);
    const repeatStarted = performance.now();
    await scheduler.triggerTask(PEER_RETRIEVER_ID);
    const repeatRefreshMs = performance.now() - repeatStarted;
    const afterRepeat = await databaseFootprint(db.knex, db.flushStatistics);

    const entityApiRoute =
      'POST /api/tech-insights/checks/run/default/component/<name>';
    const entityApi = await measureLatency({
      url,
      headers,
      requests: entityNames(size).map(name => ({
        path: `/checks/run/default/component/${name}`,
        method: 'POST' as const,
        body: { checks: PEER_CHECK_IDS },
      })),
    });
    return {
      bootMs,
      factsMs,
      evaluateMs,
      evaluatePath:
        'POST /checks/run for all entities: read facts, run json-rules-engine, answer',
      refreshMs: factsMs + evaluateMs,
      repeatRefreshMs,
      passed,
      responseBytes: Buffer.byteLength(text),
      firstRefresh: footprintDelta(before, after),
      repeatRefresh: footprintDelta(beforeRepeat, afterRepeat),
      entityApi,
      entityApiRoute,
      peakRssMb: rss.stop(),
    };
  } finally {
    await backend.stop();
  }
}
