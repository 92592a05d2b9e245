import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { Fact } from '@roadmap/plugin-maturity-common';

/** Per-source status of one scoring, shown next to the results. */
export interface SourceStatus {
  source: string;
  status: 'ok' | 'error';
  message?: string;
  /** When this source last answered for the entity, if ever. */
  lastGoodAt?: string;
}

/** A scoring's outcome, ready to store. */
export interface EntityScore {
  score: number;
  level: string | null;
  levelRank: number;
  nextLevel: string | null;
  pillars: Record<string, number>;
  /** Results, next steps and source status, as JSON. */
  detail: JsonObject;
}

/**
 * Turns an entity and its facts into a score with the effective rubric.
 */
export interface EntityScorer {
  /** Changes when the rubric changes, so scores are recomputed. */
  readonly rubricHash: string;
  /** Whether the rubric scores entities of this kind at all. */
  appliesTo(entity: Entity): boolean;
  score(
    entity: Entity,
    facts: Fact[],
    options: { now: Date; sources: SourceStatus[] },
  ): EntityScore;
}
