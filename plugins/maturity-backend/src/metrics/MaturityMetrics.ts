import type { MetricsService } from '@backstage/backend-plugin-api/alpha';

/** What the score gauges report for one entity. */
export interface EntityScoreSample {
  entityRef: string;
  owner?: string;
  score: number;
  /** Rank of the level reached: -1 none, 0 the first level, ... */
  levelRank: number;
  pillars: Record<string, number>;
}

/**
 * The plugin's metrics, through Backstage's metrics service (OpenTelemetry):
 * scraped by Prometheus from the portal, they let Grafana chart maturity per
 * entity and pillar over time, next to refresh health.
 *
 * Score gauges are observable and read an in-memory copy of the current
 * scores, so a scrape never touches the database.
 */
export class MaturityMetrics {
  #scores = new Map<string, EntityScoreSample>();
  readonly #refreshDuration;
  readonly #sourceErrors;
  readonly #entitiesScored;

  constructor(metrics: MetricsService) {
    const score = metrics.createObservableGauge('maturity.entity.score', {
      description: 'Maturity score (0-100) per entity, overall and per pillar',
      unit: '1',
    });
    score.addCallback(result => {
      for (const s of this.#scores.values()) {
        result.observe(s.score, {
          entity_ref: s.entityRef,
          owner: s.owner ?? '',
          pillar: 'overall',
        });
        for (const [pillar, value] of Object.entries(s.pillars)) {
          result.observe(value, {
            entity_ref: s.entityRef,
            owner: s.owner ?? '',
            pillar,
          });
        }
      }
    });
    const level = metrics.createObservableGauge('maturity.entity.level', {
      description:
        'Rank of the maturity level reached per entity (-1 none, 0 first level, ...)',
      unit: '1',
    });
    level.addCallback(result => {
      for (const s of this.#scores.values()) {
        result.observe(s.levelRank, {
          entity_ref: s.entityRef,
          owner: s.owner ?? '',
        });
      }
    });
    this.#refreshDuration = metrics.createHistogram(
      'maturity.refresh.duration',
      {
        description:
          'Duration of refresh work: whole runs (scope=run) and per source (scope=source)',
        unit: 's',
      },
    );
    this.#sourceErrors = metrics.createCounter('maturity.source.errors', {
      description: 'Entities for which a fact source failed during a refresh',
    });
    this.#entitiesScored = metrics.createCounter('maturity.refresh.entities', {
      description: 'Entities scored by refreshes',
    });
  }

  /** Replaces the current score of entities (after a refresh or at start). */
  setScores(samples: EntityScoreSample[]): void {
    for (const s of samples) this.#scores.set(s.entityRef, s);
  }

  forget(entityRef: string): void {
    this.#scores.delete(entityRef);
  }

  /** A refresh run ended: `completed`, or `stopped` by a database error. */
  recordRun(
    seconds: number,
    entities: number,
    outcome: 'completed' | 'stopped' = 'completed',
  ): void {
    this.#refreshDuration.record(seconds, {
      scope: 'run',
      source: 'all',
      outcome,
    });
    this.#entitiesScored.add(entities);
  }

  recordSource(source: string, seconds: number, failedEntities: number): void {
    this.#refreshDuration.record(seconds, { scope: 'source', source });
    if (failedEntities > 0) this.#sourceErrors.add(failedEntities, { source });
  }
}
