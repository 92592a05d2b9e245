import type { StoredFacts } from '../database/FactStore';
import type { MaturityDatabase } from '../database/MaturityDatabase';
import { entityFieldsKey, type ScoreRecord } from '../database/ScoreStore';
import { scoreDigest } from '../scoring/scoreDigest';
import type { ScoreChange } from './ScoreChange';

/** One scored entity, ready to be written with its inputs. */
export interface ScoredItem {
  record: ScoreRecord;
  /** Its new last good facts, per source that answered. */
  facts: StoredFacts[];
  nextDueAt: Date;
  fingerprint: string;
}

/**
 * Writes a batch of scorings in one transaction: a snapshot and a new
 * current score for each entity whose results changed (the others' current
 * scores are only confirmed, so history is a step function), the facts they
 * were computed from and the end of their leases —
 * all of it, or (on any error) none, so a failed write leaves every previous
 * score and its history as they were. Entities whose lease was taken over
 * meanwhile (this replica was too slow) are left out and returned as lost.
 */
export async function writeScoredBatch(
  db: MaturityDatabase,
  options: { leaseOwner: string; items: ScoredItem[] },
): Promise<{ written: ScoredItem[]; changes: ScoreChange[]; lost: string[] }> {
  return db.transaction(async stores => {
    const refs = options.items.map(i => i.record.entityRef);
    const held = await stores.queue.lockHeld(refs, options.leaseOwner);
    const written = options.items.filter(i => held.has(i.record.entityRef));
    const current = await stores.scores.currentOf(
      written.map(i => i.record.entityRef),
    );
    const digests = new Map(
      written.map(i => [i.record.entityRef, scoreDigest(i.record)]),
    );
    const isNew = (i: ScoredItem) =>
      current.get(i.record.entityRef)?.digest !==
      digests.get(i.record.entityRef);
    const changed = written.filter(isNew);
    const snapshotIds = await stores.snapshots.insert(
      changed.map(i => i.record),
    );
    await stores.scores.upsert(
      changed.map(i => ({
        record: i.record,
        snapshotId: snapshotIds.get(i.record.entityRef)!,
        digest: digests.get(i.record.entityRef)!,
      })),
    );
    // Same results, other entity fields (a new owner, title or tags): the
    // current row follows the entity; history keeps its point.
    const moved = written.filter(
      i =>
        !isNew(i) &&
        current.get(i.record.entityRef)?.fields !== entityFieldsKey(i.record),
    );
    await stores.scores.upsert(
      moved.map(i => ({
        record: i.record,
        snapshotId: current.get(i.record.entityRef)!.snapshotId,
        digest: digests.get(i.record.entityRef)!,
      })),
    );
    // All of a batch is scored at the same time.
    const repeats = written.filter(i => !isNew(i) && !moved.includes(i));
    if (repeats.length > 0) {
      await stores.scores.confirm(
        repeats.map(i => i.record.entityRef),
        repeats[0].record.scoredAt,
      );
    }
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
    return {
      written,
      changes: changed.map(i => ({
        record: i.record,
        snapshotId: snapshotIds.get(i.record.entityRef)!,
        before: current.get(i.record.entityRef),
      })),
      lost: refs.filter(r => !held.has(r)),
    };
  });
}
