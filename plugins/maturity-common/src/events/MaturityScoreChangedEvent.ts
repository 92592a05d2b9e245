import type { CheckStatus } from '../types/Check';

/**
 * The events-service topic on which the maturity backend publishes every
 * stored change of an entity's results.
 *
 * @public
 */
export const MATURITY_SCORE_CHANGED_TOPIC = 'maturity.score.changed';

/**
 * The payload of a {@link MATURITY_SCORE_CHANGED_TOPIC} event: one per entity
 * whose results changed in a refresh (a new point of its history), published
 * after the change is stored.
 *
 * @public
 */
export interface MaturityScoreChangedEventPayload {
  entityRef: string;
  /** The owner's entity ref, when the entity has one. */
  owner?: string;
  /** The snapshot of history the change was stored as. */
  snapshotId: string;
  scoredAt: string;
  /** True for an entity's first scoring (there is no `before`). */
  first: boolean;
  level: { before: string | null; after: string | null };
  /** Whether the level changed, and which way. */
  levelChange: 'up' | 'down' | 'none';
  score: number;
  /** Checks that pass now and did not before. */
  nowPassing: string[];
  /** Checks that passed before and do not now, with their new status. */
  noLongerPassing: { checkId: string; status: CheckStatus }[];
  /** Sources that could not be read this time (their checks are `unknown`). */
  sourcesDown: string[];
}
