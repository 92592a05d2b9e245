import type { CurrentOf, ScoreRecord } from '../database/ScoreStore';

/**
 * A scoring whose results differ from the entity's previous ones (a new
 * point of history), with what it replaced.
 */
export interface ScoreChange {
  record: ScoreRecord;
  snapshotId: string;
  /** The previous current score; absent for an entity's first scoring. */
  before?: CurrentOf;
}

/**
 * Told about every stored change of score, after its transaction committed
 * (notifications of regressions, events). A listener's failure is logged and
 * never undoes or delays the refresh.
 */
export interface ScoreChangeListener {
  onScoreChanges(changes: ScoreChange[]): Promise<void>;
}
