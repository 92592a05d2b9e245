import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';

function keyOf(kind: string, generation: string, filters: unknown): string {
  const digest = createHash('sha1')
    .update(JSON.stringify(filters))
    .digest('base64url');
  return `${kind}\n${generation}\n${digest}`;
}

/**
 * Counts over the current scores — a list's total, a level distribution —
 * per filter, kept until the scores change. A key holds the scores'
 * generation (the newest `scored_at`, one indexed read), so a refresh that
 * changes a score, on this replica or another, makes every count new; a
 * refresh that only confirms scores keeps them. Entries also end after
 * `ttlMs`, which bounds how long an entity that left the catalog stays
 * counted on a replica that did not remove it.
 */
export class ListCountCache {
  readonly #entries: LRUCache<string, { value: unknown }>;

  constructor(options: { maxEntries?: number; ttlMs?: number } = {}) {
    this.#entries = new LRUCache<string, { value: unknown }>({
      max: options.maxEntries ?? 1_000,
      ttl: options.ttlMs ?? 60_000,
    });
  }

  /** The value cached for `kind` of `filters` at `generation`, if any. */
  get<T>(kind: string, generation: string, filters: unknown): T | undefined {
    return this.#entries.get(keyOf(kind, generation, filters))?.value as
      | T
      | undefined;
  }

  set(kind: string, generation: string, filters: unknown, value: unknown) {
    this.#entries.set(keyOf(kind, generation, filters), { value });
  }
}
