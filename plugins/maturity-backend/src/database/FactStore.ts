import type { Fact } from '@roadmap/plugin-maturity-common';
import type { Knex } from 'knex';
import { fromDatabaseTimestamp } from './fromDatabaseTimestamp';
import { rowChunks } from './rowChunks';

/** Last good facts of one source for one entity. */
export interface StoredFacts {
  source: string;
  facts: Fact[];
  etag?: string;
  observedAt: Date;
}

/**
 * The last good facts per entity and source (`maturity_facts`): kept while
 * a source is down, so its checks can say how old their evidence is, and
 * handed back to collectors with their etag.
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
      const rows = await this.db('maturity_facts')
        .whereIn(
          'entity_ref',
          chunk.map(c => c.ref),
        )
        .orderBy(['entity_ref', 'source']);
      for (const row of rows) {
        result.get(row.entity_ref)?.push({
          source: row.source,
          facts: JSON.parse(row.facts) as Fact[],
          etag: row.etag ?? undefined,
          observedAt: fromDatabaseTimestamp(row.observed_at),
        });
      }
    }
    return result;
  }

  /** Stores facts, replacing each entity's earlier facts of the same source. */
  async save(
    items: { entityRef: string; facts: StoredFacts }[],
  ): Promise<void> {
    const rows = items.map(({ entityRef, facts }) => ({
      entity_ref: entityRef,
      source: facts.source,
      facts: JSON.stringify(facts.facts),
      etag: facts.etag ?? null,
      observed_at: facts.observedAt,
    }));
    for (const chunk of rowChunks(this.db, rows)) {
      await this.db('maturity_facts')
        .insert(chunk)
        .onConflict(['entity_ref', 'source'])
        .merge();
    }
  }

  async delete(entityRef: string): Promise<void> {
    await this.db('maturity_facts').where({ entity_ref: entityRef }).delete();
  }
}
