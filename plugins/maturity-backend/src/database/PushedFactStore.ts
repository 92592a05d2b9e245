import type {
  Evidence,
  FactValue,
  PushedFactProvenance,
} from '@roadmap/plugin-maturity-common';
import type { Knex } from 'knex';
import { fromDatabaseTimestamp } from './fromDatabaseTimestamp';
import { rowChunks } from './rowChunks';

/** One pushed observation of one fact of one entity. */
export interface PushedFact {
  entityRef: string;
  factId: string;
  /** The fact's source: the part of its id before the first dot. */
  source: string;
  value: FactValue;
  evidence: Evidence[];
  provenance: PushedFactProvenance;
  observedAt: Date;
  expiresAt: Date;
}

/**
 * The newest pushed observation of each fact of each entity
 * (`maturity_pushed_facts`). An older observation never replaces a newer
 * one, whatever order the pushes arrive in.
 */
export class PushedFactStore {
  constructor(private readonly db: Knex) {}

  /**
   * Stores the facts that are newer than what is stored of them, and
   * returns how many that was. Call inside a transaction so a push lands
   * whole or not at all.
   */
  async save(facts: PushedFact[], receivedAt: Date): Promise<number> {
    if (facts.length === 0) return 0;
    const stored = await this.observedAt(facts);
    const key = (ref: string, id: string) => `${ref}\u0000${id}`;
    // Within one push, the newest observation of a fact wins too.
    const newest = new Map<string, PushedFact>();
    for (const fact of facts) {
      const k = key(fact.entityRef, fact.factId);
      const seen = newest.get(k);
      if (!seen || seen.observedAt < fact.observedAt) newest.set(k, fact);
    }
    const rows = [...newest.entries()]
      .filter(([k, fact]) => {
        const before = stored.get(k);
        return before === undefined || before < fact.observedAt.getTime();
      })
      .map(([, fact]) => ({
        entity_ref: fact.entityRef,
        fact_id: fact.factId,
        source: fact.source,
        value: JSON.stringify(fact.value),
        evidence: JSON.stringify(fact.evidence),
        provenance: JSON.stringify(fact.provenance),
        observed_at: fact.observedAt,
        expires_at: fact.expiresAt,
        received_at: receivedAt,
      }));
    for (const chunk of rowChunks(this.db, rows)) {
      await this.db('maturity_pushed_facts')
        .insert(chunk)
        .onConflict(['entity_ref', 'fact_id'])
        .merge();
    }
    return rows.length;
  }

  // When each (entity, fact) of `facts` was last observed, in ms.
  private async observedAt(facts: PushedFact[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    const refs = [...new Set(facts.map(f => f.entityRef))];
    for (const chunk of rowChunks(
      this.db,
      refs.map(ref => ({ ref })),
    )) {
      const query = this.db('maturity_pushed_facts')
        .whereIn(
          'entity_ref',
          chunk.map(c => c.ref),
        )
        .select('entity_ref', 'fact_id', 'observed_at');
      // Locked until the push commits, so two pushes of the same fact
      // cannot both decide they are the newer one.
      if (this.db.client.config.client === 'pg') query.forUpdate();
      for (const row of await query) {
        result.set(
          `${row.entity_ref}\u0000${row.fact_id}`,
          fromDatabaseTimestamp(row.observed_at).getTime(),
        );
      }
    }
    return result;
  }

  /** Every stored pushed fact of these entities, live or expired, by entity ref. */
  async get(entityRefs: string[]): Promise<Map<string, PushedFact[]>> {
    const result = new Map<string, PushedFact[]>();
    for (const chunk of rowChunks(
      this.db,
      entityRefs.map(ref => ({ ref })),
    )) {
      const rows: Record<string, any>[] = await this.db('maturity_pushed_facts')
        .whereIn(
          'entity_ref',
          chunk.map(c => c.ref),
        )
        .orderBy(['entity_ref', 'fact_id']);
      for (const row of rows) {
        const list = result.get(row.entity_ref) ?? [];
        list.push({
          entityRef: row.entity_ref,
          factId: row.fact_id,
          source: row.source,
          value: JSON.parse(row.value),
          evidence: JSON.parse(row.evidence),
          provenance: JSON.parse(row.provenance),
          observedAt: fromDatabaseTimestamp(row.observed_at),
          expiresAt: fromDatabaseTimestamp(row.expires_at),
        });
        result.set(row.entity_ref, list);
      }
    }
    return result;
  }

  async delete(entityRef: string): Promise<void> {
    await this.db('maturity_pushed_facts')
      .where({ entity_ref: entityRef })
      .delete();
  }
}
