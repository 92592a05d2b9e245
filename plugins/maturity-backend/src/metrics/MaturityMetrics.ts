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
// What the gauges keep of one entity: its numbers only (pillar scores by
// the index of the pillar in #pillars), never the scoring's results, so
// 100,000 entities cost a few MB.
type CompactSample = {
  owner: string;
  score: number;
  levelRank: number;
  pillars: Float32Array;
};

export class MaturityMetrics {
  #scores = new Map<string, CompactSample>();
  readonly #pillars: string[] = [];
  readonly #pillarIndex = new Map<string, number>();
  readonly #refreshDuration;
  readonly #sourceErrors;
  readonly #entitiesScored;

  constructor(metrics: MetricsService) {
    const score = metrics.createObservableGauge('maturity.entity.score', {
      description: 'Maturity score (0-100) per entity, overall and per pillar',
      unit: '1',
    });
    score.addCallback(result => {
      for (const [entityRef, s] of this.#scores) {
        result.observe(s.score, {
          entity_ref: entityRef,
          owner: s.owner,
          pillar: 'overall',
        });
        s.pillars.forEach((value, i) => {
          if (Number.isNaN(value)) return;
          result.observe(value, {
            entity_ref: entityRef,
            owner: s.owner,
            pillar: this.#pillars[i],
          });
        });
      }
    });
    const level = metrics.createObservableGauge('maturity.entity.level', {
      description:
        'Rank of the maturity level reached per entity (-1 none, 0 first level, ...)',
      unit: '1',
    });
    level.addCallback(result => {
      for (const [entityRef, s] of this.#scores) {
        result.observe(s.levelRank, { entity_ref: entityRef, owner: s.owner });
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
  setScores(samples: Iterable<EntityScoreSample>): void {
    for (const s of samples) {
      const pillars = Object.entries(s.pillars);
      for (const [pillar] of pillars) this.#indexOf(pillar);
      // NaN: no score for that pillar.
      const values = new Float32Array(this.#pillars.length).fill(NaN);
      for (const [pillar, value] of pillars) {
        values[this.#indexOf(pillar)] = value;
      }
      this.#scores.set(s.entityRef, {
        owner: s.owner ?? '',
        score: s.score,
        levelRank: s.levelRank,
        pillars: values,
      });
    }
  }

  #indexOf(pillar: string): number {
    let index = this.#pillarIndex.get(pillar);
    if (index === undefined) {
      index = this.#pillars.length;
      this.#pillars.push(pillar);
      this.#pillarIndex.set(pillar, index);
    }
    return index;
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
