import type { Knex } from 'knex';

/**
 * Makes the database itself refuse writes to a table — a real storage
 * fault, raised inside the database by a trigger — until the returned
 * function is called. `when` is an SQL condition on NEW/OLD (default: every
 * row). The error text mimics a driver error that carries the statement,
 * so tests can check that no SQL reaches users.
 */
export async function failWrites(
  knex: Knex,
  table: string,
  options: { on?: ('INSERT' | 'UPDATE')[]; when?: string } = {},
): Promise<() => Promise<void>> {
  const events = options.on ?? ['INSERT', 'UPDATE'];
  const name = `maturity_test_fail_${table}`;
  const message = `insert into "${table}" ("facts") values ($1) - could not write block: No space left on device`;
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION '${message}'; END $$ LANGUAGE plpgsql`,
    );
    await knex.raw(
      `CREATE TRIGGER ${name} BEFORE ${events.join(' OR ')} ON ${table}
       FOR EACH ROW ${options.when ? `WHEN (${options.when})` : ''}
       EXECUTE FUNCTION ${name}()`,
    );
    return async () => {
      await knex.raw(`DROP TRIGGER ${name} ON ${table}`);
      await knex.raw(`DROP FUNCTION ${name}()`);
    };
  }
  for (const event of events) {
    await knex.raw(
      `CREATE TRIGGER ${name}_${event.toLowerCase()} BEFORE ${event} ON ${table}
       ${options.when ? `WHEN ${options.when}` : ''}
       BEGIN SELECT RAISE(ABORT, '${message}'); END`,
    );
  }
  return async () => {
    for (const event of events) {
      await knex.raw(`DROP TRIGGER ${name}_${event.toLowerCase()}`);
    }
  };
}
