import type { Knex } from 'knex';

// Bound parameters per statement: PostgreSQL's protocol allows 65,535 and
// the SQLite that better-sqlite3 bundles 32,766; stay well below both.
const MAX_PARAMETERS = { pg: 30_000, sqlite: 15_000 };
// Knex writes a multi-row insert on SQLite as one compound SELECT, and
// SQLite allows at most 500 terms in one (SQLITE_MAX_COMPOUND_SELECT).
const MAX_SQLITE_ROWS = 400;

/**
 * Splits rows for multi-row statements so that each statement stays within
 * the database's limit on bound parameters.
 */
export function rowChunks<T extends object>(knex: Knex, rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const columns = Math.max(1, Object.keys(rows[0]).length);
  const pg = knex.client.config.client === 'pg';
  const limit = pg ? MAX_PARAMETERS.pg : MAX_PARAMETERS.sqlite;
  const size = Math.max(
    1,
    Math.min(
      Math.floor(limit / columns),
      pg ? Number.MAX_SAFE_INTEGER : MAX_SQLITE_ROWS,
    ),
  );
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) {
    chunks.push(rows.slice(i, i + size));
  }
  return chunks;
}
