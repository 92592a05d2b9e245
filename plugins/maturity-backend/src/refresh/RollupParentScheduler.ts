import type { RefreshQueue } from '../database/RefreshQueue';
import type { ScoreChange, ScoreChangeListener } from './ScoreChange';

/**
 * Makes an entity's parents due when its level changes — its System (or a
 * System's Domain, both through `partOf`) and its owner — so that their
 * roll-up facts catch up with the new level in the same refresh run if they
 * are still to come on its page, else at the next run, instead of only
 * when they go stale. Parents whose rubric scores nothing are not in the
 * queue, and marking them is a no-op.
 */
export class RollupParentScheduler implements ScoreChangeListener {
  constructor(
    private readonly deps: {
      queue: Pick<RefreshQueue, 'markDue'>;
      now?: () => Date;
    },
  ) {}

  async onScoreChanges(changes: ScoreChange[]): Promise<void> {
    const parents = new Set<string>();
    for (const { record, before } of changes) {
      if (before && before.levelRank === record.levelRank) continue;
      if (record.system) parents.add(record.system);
      if (record.owner) parents.add(record.owner);
    }
    if (parents.size === 0) return;
    await this.deps.queue.markDue(
      [...parents],
      this.deps.now?.() ?? new Date(),
    );
  }
}
