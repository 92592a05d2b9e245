/**
 * A timestamp column as read by Knex: a Date on PostgreSQL, epoch
 * milliseconds (or an ISO string) on SQLite.
 */
export function fromDatabaseTimestamp(value: Date | number | string): Date {
  return value instanceof Date ? value : new Date(value);
}
