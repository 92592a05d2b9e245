/** Longest source error message stored and shown beside a score. */
const MAX_LENGTH = 300;

// Driver errors (node-postgres, better-sqlite3, Knex) name tables and
// carry the statement: never text for a service owner's page.
function isDatabaseError(error: Error): boolean {
  const e = error as Error & {
    severity?: unknown;
    routine?: unknown;
    code?: unknown;
  };
  return (
    (typeof e.severity === 'string' && typeof e.routine === 'string') ||
    (typeof e.code === 'string' && e.code.startsWith('SQLITE_')) ||
    /\b(insert into|update|delete from|select)\b.*\b(from|set|values)\b/i.test(
      e.message,
    )
  );
}

/**
 * What a service owner reads when a source failed for their entity: one
 * line, bounded, and never a database statement.
 */
export function sourceErrorMessage(source: string, error: unknown): string {
  const err = error instanceof Error ? error : new Error(String(error));
  const reason = isDatabaseError(err)
    ? 'an internal error; the plugin logs have the details'
    : err.message.replace(/\s+/g, ' ').trim();
  const message = `${source} is unavailable: ${reason}`;
  return message.length > MAX_LENGTH
    ? `${message.slice(0, MAX_LENGTH - 1)}…`
    : message;
}
