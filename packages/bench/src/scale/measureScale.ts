import os from 'node:os';
import { syntheticFacts } from '../peer/syntheticFacts';
import { postgresAvailable } from '../shared/postgresAvailable';
import { measureRefreshCost } from './measureRefreshCost';
import { measureReplicas } from './measureReplicas';
import { refreshLinearity } from './refreshLinearity';
import type { RefreshCost, ScaleFigures } from './scaleFigures';
import type { ScaleOptions } from './scaleOptions';

/**
 * Every figure of the scale benchmark: the first and repeat refresh cost per
 * 1k entities at each size on PostgreSQL (and SQLite up to
 * `sqliteMaxSize`), whether it grows with size, and one replica against two
 * on one PostgreSQL database. PostgreSQL parts are skipped (and said so in
 * `skipped`) when no server answers. `log` hears progress.
 */
export async function measureScale(
  options: ScaleOptions & { log?: (line: string) => void },
): Promise<ScaleFigures> {
  const log = options.log ?? (() => {});
  const postgres = await postgresAvailable();
  const skipped: string[] = [];
  if (!postgres) {
    skipped.push(
      'PostgreSQL: skipped (no server answers on 127.0.0.1:5432 and BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is unset)',
    );
  }
  const refresh: RefreshCost[] = [];
  for (const size of options.sizes) {
    const catalogStarted = performance.now();
    const catalog = syntheticFacts(size);
    const catalogMs = performance.now() - catalogStarted;
    const engines: ('postgres' | 'sqlite')[] = [];
    if (postgres) engines.push('postgres');
    if (size <= options.sqliteMaxSize) engines.push('sqlite');
    for (const engine of engines) {
      log(
        `${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${size} entities…`,
      );
      refresh.push(
        await measureRefreshCost({ engine, postgres, catalog, catalogMs }),
      );
    }
  }
  if (options.sizes.some(s => s > options.sqliteMaxSize)) {
    skipped.push(
      `SQLite: sizes above ${options.sqliteMaxSize} not measured (PostgreSQL only)`,
    );
  }

  let replicas: ScaleFigures['replicas'];
  if (!options.replicas) {
    skipped.push('Replicas: skipped (--no-replicas)');
  } else if (postgres) {
    log(`PostgreSQL, ${options.replicasSize} entities: one replica, then two…`);
    replicas = await measureReplicas(postgres, options.replicasSize);
  }

  return {
    environment: {
      date: new Date().toISOString().slice(0, 10),
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      node: process.version,
    },
    sizes: options.sizes,
    refresh,
    linearity: refreshLinearity(refresh),
    replicas,
    skipped,
  };
}
