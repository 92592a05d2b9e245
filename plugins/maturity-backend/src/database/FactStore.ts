import type { Fact } from '@roadmap/plugin-maturity-common';
import type { Knex } from 'knex';
import { rowChunks } from './rowChunks';

/** Last good facts of one source for one entity. */
export interface StoredFacts {
  source: string;
  facts: Fact[];
  etag?: string;
  observedAt: Date;
}

type StoredFactsJson = Omit<StoredFacts, 'observedAt'> & {
  observedAt: string;
};

/**
 * The value of `maturity_refresh_state.facts` for these last good facts:
 * one JSON list per entity, in source order.
 */
export function storedFactsColumn(list: StoredFacts[]): string {
  const json: StoredFactsJson[] = [...list]
    .sort((a, b) => a.source.localeCompare(b.source))
    .map(s => ({
      source: s.source,
      facts: s.facts,
      ...(s.etag ? { etag: s.etag } : {}),
      observedAt: s.observedAt.toISOString(),
    }));
  return JSON.stringify(json);
}

/**
 * An entity's last good facts after a scoring: the fresh facts of every
 * source that answered, and the earlier ones of the sources that did not.
 */
export function mergeStoredFacts(
  previous: StoredFacts[],
  fresh: StoredFacts[],
): StoredFacts[] {
  const bySource = new Map(previous.map(s => [s.source, s]));
  for (const s of fresh) bySource.set(s.source, s);
  return [...bySource.values()];
}

/**
 * The last good facts per entity and source (`maturity_refresh_state.facts`,
 * written by {@link RefreshQueue.complete} with the end of the lease): kept
 * while a source is down, so its checks can say how old their evidence is,
 * and handed back to collectors with their etag.
 */
export class FactStore {
  constructor(private readonly db: Knex) {}

  /** The stored facts of each entity, by entity ref. */
  async get(entityRefs: string[]): Promise<Map<string, StoredFacts[]>> {
    const result = new Map<string, StoredFacts[]>(
      entityRefs.map(ref => [ref, []]),
    );
    for (const chunk of rowChunks(
      this.db,
      entityRefs.map(ref => ({ ref })),
    )) {
      const rows: { entity_ref: string; facts: string | null }[] =
        await this.db('maturity_refresh_state')
          .whereIn(
            'entity_ref',
            chunk.map(c => c.ref),
          )
          .whereNotNull('facts')
          .select('entity_ref', 'facts');
      for (const row of rows) {
        const list = JSON.parse(row.facts!) as StoredFactsJson[];
        result.set(
          row.entity_ref,
          list.map(s => ({ ...s, observedAt: new Date(s.observedAt) })),
        );
      }
    }
    return result;
  }
}
