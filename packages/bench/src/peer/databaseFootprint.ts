import type { Knex } from 'knex';

/** What one table holds at one moment. */
export interface TableFootprint {
  rows: number;
  /** Sum of the byte length of every column value, as text (NULLs count 0). */
  payloadBytes: number;
  /** Pages of the table and its indexes: `dbstat` on SQLite, `pg_total_relation_size` on PostgreSQL. */
  storageBytes: number;
}

/** Every table of the database at one moment, plus the engine's count of row writes. */
export interface DatabaseFootprint {
  tables: Record<string, TableFootprint>;
  /**
   * Rows inserted, updated or deleted so far: `total_changes()` of the
   * single SQLite connection, or the sum of `n_tup_ins + n_tup_upd +
   * n_tup_del` of `pg_stat_user_tables` on PostgreSQL.
   */
  rowWrites: number;
}

/** What changed between two footprints. */
export interface FootprintDelta {
  /** Rows added (after − before), summed over the tables. */
  rows: number;
  /** Rows inserted, updated or deleted. */
  rowWrites: number;
  payloadBytes: number;
  storageBytes: number;
  perTable: Record<string, TableFootprint>;
}

const isMigrationTable = (name: string) => /knex_migrations/.test(name);

function isPostgres(knex: Knex) {
  return /^(pg|postgres)/.test(String(knex.client.config.client));
}

async function sqliteFootprint(knex: Knex): Promise<DatabaseFootprint> {
  const tables = (
    (await knex.raw(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )) as { name: string }[]
  )
    .map(t => t.name)
    .filter(t => !isMigrationTable(t));
  const result: Record<string, TableFootprint> = {};
  for (const table of tables) {
    const columns = (
      (await knex.raw(`PRAGMA table_info(${JSON.stringify(table)})`)) as {
        name: string;
      }[]
    ).map(c => c.name);
    const payload = columns
      .map(c => `COALESCE(length(CAST(${JSON.stringify(c)} AS BLOB)), 0)`)
      .join(' + ');
    const [{ rows, bytes }] = (await knex.raw(
      `SELECT COUNT(*) AS rows, COALESCE(SUM(${payload}), 0) AS bytes FROM ${JSON.stringify(
        table,
      )}`,
    )) as { rows: number; bytes: number }[];
    const [{ size }] = (await knex.raw(
      `SELECT COALESCE(SUM(pgsize), 0) AS size FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = ?)`,
      [table],
    )) as { size: number }[];
    result[table] = {
      rows: Number(rows),
      payloadBytes: Number(bytes),
      storageBytes: Number(size),
    };
  }
  const [{ changes }] = (await knex.raw(
    'SELECT total_changes() AS changes',
  )) as { changes: number }[];
  return { tables: result, rowWrites: Number(changes) };
}

async function postgresFootprint(
  knex: Knex,
  flushStatistics?: () => Promise<void>,
): Promise<DatabaseFootprint> {
  // Server processes report their counters when idle (rate-limited to one
  // report a second, and up to 10 s late) and always when they exit.
  await flushStatistics?.();
  const tables = (
    (
      await knex.raw(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
      )
    ).rows as { tablename: string }[]
  )
    .map(t => t.tablename)
    .filter(t => !isMigrationTable(t));
  const result: Record<string, TableFootprint> = {};
  for (const table of tables) {
    const columns = (
      (
        await knex.raw(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`,
          [table],
        )
      ).rows as { column_name: string }[]
    ).map(c => c.column_name);
    const payload = columns
      .map(c => `COALESCE(octet_length(${JSON.stringify(c)}::text), 0)`)
      .join(' + ');
    const row = (
      await knex.raw(
        `SELECT COUNT(*) AS rows, COALESCE(SUM(${payload}), 0) AS bytes, pg_total_relation_size(?::regclass) AS size FROM ${JSON.stringify(
          table,
        )}`,
        [JSON.stringify(table)],
      )
    ).rows[0];
    result[table] = {
      rows: Number(row.rows),
      payloadBytes: Number(row.bytes),
      storageBytes: Number(row.size),
    };
  }
  return { tables: result, rowWrites: await postgresRowWrites(knex) };
}

async function postgresRowWrites(knex: Knex): Promise<number> {
  const read = async () =>
    Number(
      (
        await knex.raw(
          `SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) AS n FROM pg_stat_user_tables WHERE relname NOT LIKE '%knex_migrations%'`,
        )
      ).rows[0].n,
    );
  // Read until the count is stable (the exiting processes report within
  // milliseconds).
  let last = await read();
  for (let stableFor = 0, waited = 0; stableFor < 2 && waited < 20; waited++) {
    await new Promise(resolve => setTimeout(resolve, 250));
    await knex.raw('SELECT pg_stat_clear_snapshot()');
    const now = await read();
    stableFor = now === last ? stableFor + 1 : 0;
    last = now;
  }
  return last;
}

/** Rows and bytes of every table of the plugin's database (migration bookkeeping left out). */
export async function databaseFootprint(
  knex: Knex,
  flushStatistics?: () => Promise<void>,
): Promise<DatabaseFootprint> {
  return isPostgres(knex)
    ? postgresFootprint(knex, flushStatistics)
    : sqliteFootprint(knex);
}

/** `after` − `before`, per table and in total. */
export function footprintDelta(
  before: DatabaseFootprint,
  after: DatabaseFootprint,
): FootprintDelta {
  const perTable: Record<string, TableFootprint> = {};
  let rows = 0;
  let payloadBytes = 0;
  let storageBytes = 0;
  for (const [table, a] of Object.entries(after.tables)) {
    const b = before.tables[table] ?? {
      rows: 0,
      payloadBytes: 0,
      storageBytes: 0,
    };
    const d = {
      rows: a.rows - b.rows,
      payloadBytes: a.payloadBytes - b.payloadBytes,
      storageBytes: a.storageBytes - b.storageBytes,
    };
    perTable[table] = d;
    rows += d.rows;
    payloadBytes += d.payloadBytes;
    storageBytes += d.storageBytes;
  }
  return {
    rows,
    rowWrites: after.rowWrites - before.rowWrites,
    payloadBytes,
    storageBytes,
    perTable,
  };
}
