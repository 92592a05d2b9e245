import { type StoredFacts, storedFactsColumn } from '../database/FactStore';
import type { MaturityDatabase } from '../database/MaturityDatabase';
import { entityFieldsKey, type ScoreRecord } from '../database/ScoreStore';
import { scoreDigest } from '../scoring/scoreDigest';
import type { ScoreChange } from './ScoreChange';

/** One scored entity, ready to be written with its inputs. */
export interface ScoredItem {
  record: ScoreRecord;
  /** Its last good facts after this scoring, every source's. */
  facts: StoredFacts[];
  nextDueAt: Date;
  fingerprint: string;
}

/**
 * Writes a batch of scorings in one transaction: a snapshot and a new
 * current score for each entity whose results changed (history is a step
 * function), and for every entity the end of its lease with when it was
 * scored and the facts it was scored from, in its refresh state row — all
 * of it, or (on any error) none, so a failed write leaves every previous
 * score and its history as they were. An entity whose results did not
 * change costs that one row write. Entities whose lease was taken over
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
    await stores.queue.complete(
      written.map(i => ({
        entityRef: i.record.entityRef,
        nextDueAt: i.nextDueAt,
        fingerprint: i.fingerprint,
        confirmedAt: i.record.scoredAt,
        facts: storedFactsColumn(i.facts),
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
