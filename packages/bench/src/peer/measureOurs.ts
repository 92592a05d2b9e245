import { mockCredentials } from '@backstage/backend-test-utils';
import type { BenchDatabase } from '../shared/benchDatabase';
import { databaseFootprint, footprintDelta } from './databaseFootprint';
import type { SystemFigures } from './figures';
import { measureLatency } from '../shared/measureLatency';
import { ManualScheduler } from '@roadmap/plugin-maturity-node/testUtils';
import { trackPeakRss } from '../shared/trackPeakRss';
import { profileRun } from './profileRun';
import { OUR_REFRESH_TASK, startOurs } from './startOurs';
import type { SyntheticCatalog } from './syntheticFacts';

/** Requests of the entity API: 500 entities spread over the catalog. */
export function entityNames(size: number): string[] {
  return Array.from({ length: 500 }, (_, i) => `svc-${(i * 7919) % size}`);
}

async function passedChecks(db: BenchDatabase): Promise<number> {
  let passed = 0;
  // Each current score points at the snapshot holding its results.
  const rows = await db
    .knex('maturity_scores')
    .join(
      'maturity_snapshots',
      'maturity_snapshots.id',
      'maturity_scores.snapshot_id',
    )
    .select('maturity_snapshots.detail as detail');
  for (const row of rows) {
    const detail = JSON.parse(row.detail) as { results: { status: string }[] };
    for (const r of detail.results) if (r.status === 'pass') passed += 1;
  }
  return passed;
}

/**
 * Our backend plugin on one database: boot, a first full refresh from an
 * empty database, a repeat refresh of every entity, then the entity API
 * under 20 concurrent clients.
 */
export async function measureOurs(
  catalog: SyntheticCatalog,
  db: BenchDatabase,
): Promise<SystemFigures> {
  const size = catalog.entities.length;
  const headers = { authorization: mockCredentials.user.header() };
  const scheduler = new ManualScheduler();
  const bootStarted = performance.now();
  const { backend, url } = await startOurs({
    catalog,
    knex: db.knex,
    scheduler,
  });
  const rss = trackPeakRss();
  try {
    const bootMs = performance.now() - bootStarted;
    await db.settle();

    const scoredCount = async () => {
      const res = await fetch(`${url}/scores?limit=1`, { headers });
      if (!res.ok) throw new Error(`GET /scores: ${res.status}`);
      return ((await res.json()) as { totalCount?: number }).totalCount ?? 0;
    };

    const before = await databaseFootprint(db.knex, db.flushStatistics);
    const started = performance.now();
    await scheduler.triggerTask(OUR_REFRESH_TASK);
    // The task resolves when the refresh is done; the API must agree.
    const scored = await scoredCount();
    const refreshMs = performance.now() - started;
    if (scored !== size) {
      throw new Error(`ours: ${scored} of ${size} entities scored`);
    }
    const after = await databaseFootprint(db.knex, db.flushStatistics);
    const passed = await passedChecks(db);

    // A repeat refresh: every entity is due again (as when stale), so the
    // same catalog is scored a second time over stored scores.
    await db.knex('maturity_refresh_state').update({ due_at: new Date(0) });
    const beforeRepeat = await databaseFootprint(db.knex, db.flushStatistics);
    const repeatStarted = performance.now();
    await scheduler.triggerTask(OUR_REFRESH_TASK);
    const repeatRefreshMs = performance.now() - repeatStarted;
    const afterRepeat = await databaseFootprint(db.knex, db.flushStatistics);

    // Sampled every 100 ms from boot through both timed refreshes.
    const peakRssMb = rss.stop();
    const entityApiRoute = 'GET /api/maturity/scores/component/default/<name>';
    const entityApi = await measureLatency({
      url,
      headers,
      requests: entityNames(size).map(name => ({
        path: `/scores/component/default/${name}`,
      })),
    });

    // Profiled again, untimed: the entity API (this thread is the
    // server's; the clients run in a worker), a first refresh over emptied
    // tables, then a repeat one.
    const entityApiProfile = await profileRun(async () => {
      await measureLatency({
        url,
        headers,
        requests: entityNames(size).map(name => ({
          path: `/scores/component/default/${name}`,
        })),
      });
    });
    for (const table of [
      'maturity_scores',
      'maturity_snapshots',
      'maturity_refresh_state',
    ]) {
      await db.knex(table).delete();
    }
    const first = await profileRun(() =>
      scheduler.triggerTask(OUR_REFRESH_TASK),
    );
    await db.knex('maturity_refresh_state').update({ due_at: new Date(0) });
    const repeat = await profileRun(() =>
      scheduler.triggerTask(OUR_REFRESH_TASK),
    );
    return {
      bootMs,
      evaluateMs: refreshMs,
      evaluatePath:
        'refresh task: claim, collect (from memory), evaluate, store every entity',
      refreshMs,
      repeatRefreshMs,
      passed,
      firstRefresh: footprintDelta(before, after),
      repeatRefresh: footprintDelta(beforeRepeat, afterRepeat),
      entityApi,
      entityApiRoute,
      peakRssMb,
      profile: { first, repeat, entityApi: entityApiProfile },
    };
  } finally {
    await backend.stop();
  }
}
