import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@roadmap/plugin-maturity-backend',
  'migrations',
);

/** Where the plugin's Knex migrations live (for tests that step through them). */
export function maturityMigrationsDirectory(): string {
  return migrationsDir;
}

// An arbitrary, fixed key: "matu" in ASCII.
const MIGRATION_LOCK_KEY = 0x6d617475;

/**
 * Runs the plugin's migrations. On PostgreSQL several replicas may start at
 * once: Knex's own migration lock makes every replica but one fail at once
 * ("Migration table is already locked"), so the replicas queue on a
 * PostgreSQL advisory lock instead, and each runs `migrate.latest` in turn
 * (a no-op for all but the first). SQLite databases belong to one process.
 */
export async function migrateMaturityDatabase(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') {
    await knex.migrate.latest({ directory: migrationsDir });
    return;
  }
  const connection = await knex.client.acquireConnection();
  try {
    await knex
      .raw('select pg_advisory_lock(?)', [MIGRATION_LOCK_KEY])
      .connection(connection);
    try {
      await knex.migrate.latest({ directory: migrationsDir });
    } finally {
      await knex
        .raw('select pg_advisory_unlock(?)', [MIGRATION_LOCK_KEY])
        .connection(connection);
    }
  } finally {
    await knex.client.releaseConnection(connection);
  }
}
