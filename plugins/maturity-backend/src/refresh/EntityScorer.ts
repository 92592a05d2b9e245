import type { Entity } from '@backstage/catalog-model';
import type {
  Exemption,
  Fact,
  ScoreSourceStatus,
} from '@roadmap/plugin-maturity-common';
import type { StoredScoreDetail } from '../scoring/scoreDetailCodec';

/** A scoring's outcome, ready to store. */
export interface EntityScore {
  score: number;
  level: string | null;
  levelRank: number;
  nextLevel: string | null;
  pillars: Record<string, number>;
  /** Results, next steps and source status, as stored. */
  detail: StoredScoreDetail;
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
    options: {
      now: Date;
      sources: ScoreSourceStatus[];
      /** Approved exemption requests of this entity. */
      exemptions?: Exemption[];
      /**
       * Sources this entity has facts from beyond the registered collectors
       * (facts pushed from CI): their checks count for it.
       */
      extraSources?: string[];
    },
  ): EntityScore;
}
