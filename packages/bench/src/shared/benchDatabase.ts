import knexFactory, { type Knex } from 'knex';

/** A database of one run, dropped by `close`. */
export interface BenchDatabase {
  knex: Knex;
  /** PostgreSQL only: the connection string of this run's database, for other processes. */
  connection?: string;
  /**
   * PostgreSQL only: closes the pool's connections (the pool opens new ones
   * on demand), so that their server processes report their row counters.
   */
  flushStatistics?: () => Promise<void>;
  /**
   * Resolves when no query runs or waits for a connection (a plugin may
   * still be busy after start: the peer's fact checker validates its checks
   * in the background).
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

type PoolCounters = {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
};

async function settle(knex: Knex, timeoutMs = 60_000): Promise<void> {
  const pool = (knex.client as { pool?: PoolCounters }).pool;
  const deadline = Date.now() + timeoutMs;
  const busy = () =>
    pool
      ? pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates()
      : 0;
  while (busy() > 0 && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

let sequence = 0;

/**
 * A fresh, empty database: SQLite in memory (better-sqlite3, one connection)
 * or a dedicated PostgreSQL database created for this run.
 */
export async function benchDatabase(
  engine: 'sqlite' | 'postgres',
  postgres?: string,
): Promise<BenchDatabase> {
  if (engine === 'sqlite') {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    return {
      knex,
      settle: () => settle(knex),
      close: () => knex.destroy(),
    };
  }
  if (!postgres) throw new Error('no PostgreSQL server');
  sequence += 1;
  const name = `peer_bench_${process.pid}_${sequence}`;
  const admin = knexFactory({ client: 'pg', connection: postgres });
  await admin.raw(`CREATE DATABASE ${name}`);
  const connection = `${postgres.replace(/\/$/, '')}/${name}`;
  const knex = knexFactory({
    client: 'pg',
    connection,
    pool: { min: 0, max: 10 },
  });
  return {
    knex,
    connection,
    settle: () => settle(knex),
    flushStatistics: async () => {
      await settle(knex);
      await knex.destroy();
      knex.initialize();
    },
    close: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    },
  };
}
