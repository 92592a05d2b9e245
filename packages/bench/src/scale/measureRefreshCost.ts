import { mockCredentials } from '@backstage/backend-test-utils';
import { ManualScheduler } from '@roadmap/plugin-maturity-node/testUtils';
import { OUR_REFRESH_TASK, startOurs } from '../peer/startOurs';
import type { SyntheticCatalog } from '../peer/syntheticFacts';
import { benchDatabase } from '../shared/benchDatabase';
import type { RefreshCost } from './scaleFigures';
import { trackPeakRss } from '../shared/trackPeakRss';

const EPOCH = new Date(0);

/**
 * Our backend (startOurs: in-memory repository collector, ManualScheduler)
 * on a new database: a first full refresh from an empty database, timed
 * from trigger until `GET /scores?limit=1` counts every entity (as
 * measureOurs does), then a repeat refresh after every `due_at` is set to
 * the epoch, timed until the task resolves with no entity left due.
 */
export async function measureRefreshCost(options: {
  engine: 'sqlite' | 'postgres';
  postgres?: string;
  catalog: SyntheticCatalog;
  catalogMs: number;
}): Promise<RefreshCost> {
  const { catalog } = options;
  const size = catalog.entities.length;
  const headers = { authorization: mockCredentials.user.header() };
  const db = await benchDatabase(options.engine, options.postgres);
  const rss = trackPeakRss();
  try {
    const scheduler = new ManualScheduler();
    const bootStarted = performance.now();
    const { backend, url } = await startOurs({
      catalog,
      knex: db.knex,
      scheduler,
    });
    try {
      const bootMs = performance.now() - bootStarted;
      await db.settle();

      const started = performance.now();
      await scheduler.triggerTask(OUR_REFRESH_TASK);
      const res = await fetch(`${url}/scores?limit=1`, { headers });
      if (!res.ok) throw new Error(`GET /scores: ${res.status}`);
      const scored =
        ((await res.json()) as { totalCount?: number }).totalCount ?? 0;
      const refreshMs = performance.now() - started;
      if (scored !== size) {
        throw new Error(`first refresh: ${scored} of ${size} entities scored`);
      }

      await db.knex('maturity_refresh_state').update({ due_at: EPOCH });
      const repeatStarted = performance.now();
      await scheduler.triggerTask(OUR_REFRESH_TASK);
      const repeatMs = performance.now() - repeatStarted;
      const [{ n }] = await db
        .knex('maturity_refresh_state')
        .where({ due_at: EPOCH })
        .count({ n: '*' });
      if (Number(n) !== 0) {
        throw new Error(`repeat refresh: ${n} of ${size} entities still due`);
      }

      return {
        database: options.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL',
        entities: size,
        catalogMs: options.catalogMs,
        bootMs,
        refreshMs,
        refreshMsPer1k: refreshMs / (size / 1000),
        repeatMs,
        repeatMsPer1k: repeatMs / (size / 1000),
        peakRssMb: rss.stop(),
      };
    } finally {
      await backend.stop();
    }
  } finally {
    rss.stop();
    await db.close();
  }
}
