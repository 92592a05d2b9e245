import type { Knex } from 'knex';
import type { EntityScoreSample } from '../metrics/MaturityMetrics';
import { whereRefIn } from './applyScoreFilters';
import {
  checkSet,
  SCORED_ENTITY_COLUMNS,
  scoredEntityFieldsOf,
} from './scoredEntityRow';
import type { ScoredEntityFields } from './ScoreStore';

/**
 * A scored entity's catalog fields as stored, and the checks its current
 * snapshot had waived: what re-evaluating it from stored facts needs.
 */
export interface ScoredEntity extends ScoredEntityFields {
  level: string | null;
  exempt: Set<string>;
}

/**
 * Keyset-paged scans over every current score (`maturity_scores`), for the
 * readers that need all of them — the metrics gauges at start, the rubric
 * dry run — one index range per page, whatever the catalog's size.
 */
export class ScoreScans {
  constructor(private readonly db: Knex) {}

  /**
   * Every current score's overall, level and pillar scores, for the metrics
   * gauges: only those columns, in pages by entity ref, never the results.
   */
  async *samples(pageSize = 5_000): AsyncGenerator<EntityScoreSample[]> {
    let after: string | undefined;
    for (;;) {
      const query = this.db('maturity_scores');
      if (after !== undefined) query.where('entity_ref', '>', after);
      const rows: Record<string, any>[] = await query
        .orderBy('entity_ref')
        .limit(pageSize)
        .select('entity_ref', 'owner', 'score', 'level_rank', 'summary');
      if (rows.length === 0) return;
      const last = rows[rows.length - 1].entity_ref;
      yield rows.map(r => ({
        entityRef: r.entity_ref,
        owner: r.owner ?? undefined,
        score: Number(r.score),
        levelRank: Number(r.level_rank),
        // The pillar scores live in the summary (absent only on rows no
        // migration could summarise).
        pillars: (r.summary
          ? JSON.parse(r.summary).pillars ?? {}
          : {}) as Record<string, number>,
      }));
      if (rows.length < pageSize) return;
      after = last;
    }
  }

  /**
   * Up to `limit` scored entities in entity ref order, after `after` when
   * given, among `entityRefs` when given: a keyset page, so reading every
   * entity costs one index range scan per page however many there are.
   */
  async entityPage(options: {
    limit: number;
    after?: string;
    entityRefs?: string[];
  }): Promise<ScoredEntity[]> {
    const qb = this.db('maturity_scores').leftJoin(
      'maturity_snapshots',
      'maturity_snapshots.id',
      'maturity_scores.snapshot_id',
    );
    if (options.entityRefs) whereRefIn(qb, options.entityRefs);
    if (options.after !== undefined) {
      qb.where('maturity_scores.entity_ref', '>', options.after);
    }
    const rows: Record<string, any>[] = await qb
      .orderBy('maturity_scores.entity_ref')
      .limit(Math.max(0, Math.trunc(options.limit)), { skipBinding: true })
      .select(
        ...SCORED_ENTITY_COLUMNS,
        'maturity_scores.level',
        'maturity_snapshots.exempt_checks',
      );
    return rows.map(r => ({
      ...scoredEntityFieldsOf(r),
      level: r.level,
      exempt: checkSet(r.exempt_checks),
    }));
  }
}
