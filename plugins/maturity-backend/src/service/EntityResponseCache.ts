import { LRUCache } from 'lru-cache';

/**
 * Serialised entity responses, keyed by their validator (snapshot, last
 * confirmation, rubric): a key names one exact response, so an entry is
 * never stale — a new scoring makes a new key, and the old entry ages out.
 * Bounded by total size, so a large catalog cannot grow it without limit.
 */
export class EntityResponseCache {
  readonly #entries: LRUCache<string, string>;

  constructor(options: { maxBytes?: number } = {}) {
    this.#entries = new LRUCache<string, string>({
      maxSize: options.maxBytes ?? 32 * 1024 * 1024,
      sizeCalculation: body => Math.max(1, body.length),
    });
  }

  get(key: string): string | undefined {
    return this.#entries.get(key);
  }

  set(key: string, body: string): void {
    this.#entries.set(key, body);
  }
}
