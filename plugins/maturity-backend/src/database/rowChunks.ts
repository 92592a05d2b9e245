import type { Knex } from 'knex';

// Bound parameters per statement: PostgreSQL's protocol allows 65,535 and
// the SQLite that better-sqlite3 bundles 32,766; stay well below both.
const MAX_PARAMETERS = { pg: 30_000, sqlite: 15_000 };

/**
 * Splits rows for multi-row statements so that each statement stays within
 * the database's limit on bound parameters.
 */
export function rowChunks<T extends object>(knex: Knex, rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const columns = Math.max(1, Object.keys(rows[0]).length);
  const limit =
    knex.client.config.client === 'pg'
      ? MAX_PARAMETERS.pg
      : MAX_PARAMETERS.sqlite;
  const size = Math.max(1, Math.floor(limit / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) {
    chunks.push(rows.slice(i, i + size));
  }
  return chunks;
}
