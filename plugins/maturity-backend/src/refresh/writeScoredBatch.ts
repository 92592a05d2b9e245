import type { StoredFacts } from '../database/FactStore';
import type { MaturityDatabase } from '../database/MaturityDatabase';
import type { ScoreRecord } from '../database/ScoreStore';

/** One scored entity, ready to be written with its inputs. */
export interface ScoredItem {
  record: ScoreRecord;
  /** Its new last good facts, per source that answered. */
  facts: StoredFacts[];
  nextDueAt: Date;
  fingerprint: string;
}

/**
 * Writes a batch of scorings in one transaction: the snapshots, the current
 * scores, the facts they were computed from and the end of their leases —
 * all of it, or (on any error) none, so a failed write leaves every previous
 * score and its history as they were. Entities whose lease was taken over
 * meanwhile (this replica was too slow) are left out and returned as lost.
 */
export async function writeScoredBatch(
  db: MaturityDatabase,
  options: { leaseOwner: string; items: ScoredItem[] },
): Promise<{ written: ScoredItem[]; lost: string[] }> {
  return db.transaction(async stores => {
    const refs = options.items.map(i => i.record.entityRef);
    const held = await stores.queue.lockHeld(refs, options.leaseOwner);
    const written = options.items.filter(i => held.has(i.record.entityRef));
    const snapshotIds = await stores.snapshots.insert(
      written.map(i => i.record),
    );
    await stores.scores.upsert(
      written.map(i => ({
        record: i.record,
        snapshotId: snapshotIds.get(i.record.entityRef)!,
      })),
    );
    await stores.facts.save(
      written.flatMap(i =>
        i.facts.map(facts => ({ entityRef: i.record.entityRef, facts })),
      ),
    );
    await stores.queue.complete(
      written.map(i => ({
        entityRef: i.record.entityRef,
        nextDueAt: i.nextDueAt,
        fingerprint: i.fingerprint,
      })),
    );
    return { written, lost: refs.filter(r => !held.has(r)) };
  });
}
