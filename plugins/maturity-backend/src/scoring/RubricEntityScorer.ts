import type { Entity } from '@backstage/catalog-model';
import {
  createEvaluator,
  type Exemption,
  type Fact,
  type Rubric,
  type RubricEvaluator,
  type ScoreSourceStatus,
} from '@roadmap/plugin-maturity-common';
import type { EntityScore, EntityScorer } from '../refresh/EntityScorer';
import { compactScoreDetail } from './scoreDetailCodec';

/**
 * {@link EntityScorer} over the effective rubric, with the exemptions from
 * config (entities' own exemption annotations are read by the evaluator).
 */
export class RubricEntityScorer implements EntityScorer {
  readonly #evaluator: RubricEvaluator;

  /**
   * `availableSources`: the sources a collector is registered for. Checks on
   * other sources (say, Prometheus when no server is configured) are left
   * out of the score and level instead of holding every service back.
   */
  constructor(
    rubric: Rubric,
    private readonly exemptions: Exemption[] = [],
    private readonly availableSources?: string[],
  ) {
    this.#evaluator = createEvaluator(rubric);
  }

  get rubricHash(): string {
    return this.#evaluator.hash;
  }

  get rubric(): Rubric {
    return this.#evaluator.rubric;
  }

  appliesTo(entity: Entity): boolean {
    return this.#evaluator.appliesTo(entity);
  }

  score(
    entity: Entity,
    facts: Fact[],
    options: {
      now: Date;
      sources: ScoreSourceStatus[];
      exemptions?: Exemption[];
      extraSources?: string[];
    },
  ): EntityScore {
    const score = this.#evaluator.evaluate({
      entity,
      facts,
      now: options.now,
      // Approved requests first: a config exemption of the same check wins.
      exemptions: [...(options.exemptions ?? []), ...this.exemptions],
      availableSources:
        this.availableSources && options.extraSources?.length
          ? [...this.availableSources, ...options.extraSources]
          : this.availableSources,
    });
    const levelRank = score.level
      ? this.rubric.levels.findIndex(l => l.id === score.level)
      : -1;
    return {
      score: score.score,
      level: score.level,
      levelRank,
      nextLevel: score.nextLevel,
      pillars: score.pillars,
      // Stored without the checks' own text; the API fills it back in.
      detail: compactScoreDetail({
        results: score.results,
        nextSteps: score.nextSteps,
        sources: options.sources,
      }),
    };
  }
}
