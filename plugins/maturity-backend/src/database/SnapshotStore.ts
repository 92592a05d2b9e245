import type { ScoreHistoryPoint } from '@roadmap/plugin-maturity-common';
import type { Knex } from 'knex';
import { fromDatabaseTimestamp } from './fromDatabaseTimestamp';
import { rowChunks } from './rowChunks';
import type { ScoreRecord } from './ScoreStore';

// What counts as meeting a check: it passes, is waived, or does not apply.
const PASSING = new Set(['pass', 'exempt', 'not-applicable']);

/** One point of an entity's history, for progress over time. */
export interface StandingPoint {
  at: Date;
  level: string | null;
  passed: Set<string>;
}

/** An entity's score at some point in the past. */
export interface ScoreBaseline {
  score: number;
  level: string | null;
  scoredAt: Date;
}

/**
 * The history of scores (`maturity_snapshots`): one row per scoring with its
 * results, for trends, movers and reports.
 */
export class SnapshotStore {
  constructor(private readonly db: Knex) {}

  /**
   * Adds one snapshot per record (at most one per entity) and returns the
   * new snapshot ids by entity ref. Call inside a transaction.
   */
  async insert(records: ScoreRecord[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const rows = records.map(record => ({
      entity_ref: record.entityRef,
      score: record.score,
      level: record.level,
      pillar_scores: JSON.stringify(record.pillars),
      detail: JSON.stringify(record.detail),
      passed_checks: record.detail.results
        .filter(r => PASSING.has(r.status))
        .map(r => r.checkId)
        .sort()
        .join(','),
      exempt_checks: record.detail.results
        .filter(r => r.status === 'exempt')
        .map(r => r.checkId)
        .sort()
        .join(','),
      rubric_hash: record.rubricHash,
      scored_at: record.scoredAt,
    }));
    for (const chunk of rowChunks(this.db, rows)) {
      const inserted: { id: string | number; entity_ref: string }[] =
        await this.db('maturity_snapshots')
          .insert(chunk)
          .returning(['id', 'entity_ref']);
      for (const row of inserted) ids.set(row.entity_ref, String(row.id));
    }
    return ids;
  }

  /** Snapshots of one entity, oldest first (the newest `limit` of them). */
  async history(
    entityRef: string,
    options: { since?: Date; limit?: number } = {},
  ): Promise<ScoreHistoryPoint[]> {
    const rows = await this.db('maturity_snapshots')
      .where({ entity_ref: entityRef })
      .modify(qb => {
        if (options.since) qb.where('scored_at', '>=', options.since);
      })
      .orderBy([
        { column: 'scored_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit ?? 1000)
      .select(
        'id',
        'entity_ref',
        'score',
        'level',
        'pillar_scores',
        'rubric_hash',
        'scored_at',
      );
    return rows.reverse().map((row: Record<string, any>) => ({
      id: String(row.id),
      entityRef: row.entity_ref,
      score: Number(row.score),
      level: row.level,
      pillars: JSON.parse(row.pillar_scores),
      rubricHash: row.rubric_hash,
      scoredAt: fromDatabaseTimestamp(row.scored_at).toISOString(),
    }));
  }

  /**
   * Per entity, its score as of `since`: its last snapshot at or before
   * `since`, else (scored only later) its first one.
   */
  async baselines(
    entityRefs: string[],
    since: Date,
  ): Promise<Map<string, ScoreBaseline>> {
    const baseline = new Map<string, ScoreBaseline>();
    const keep = (r: Record<string, any>) =>
      baseline.set(r.entity_ref, {
        score: Number(r.score),
        level: r.level,
        scoredAt: fromDatabaseTimestamp(r.scored_at),
      });
    for (const chunk of rowChunks(
      this.db,
      entityRefs.map(ref => ({ ref })),
    ).map(c => c.map(r => r.ref))) {
      // Ascending, so the last row kept per entity is its latest.
      const before = await this.db('maturity_snapshots')
        .whereIn('entity_ref', chunk)
        .andWhere('scored_at', '<=', since)
        .orderBy([
          { column: 'entity_ref' },
          { column: 'scored_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .select('entity_ref', 'score', 'level', 'scored_at');
      before.forEach(keep);
      const missing = chunk.filter(r => !baseline.has(r));
      if (missing.length > 0) {
        // Descending, so the last row kept per entity is its first.
        const after = await this.db('maturity_snapshots')
          .whereIn('entity_ref', missing)
          .orderBy([
            { column: 'entity_ref' },
            { column: 'scored_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .select('entity_ref', 'score', 'level', 'scored_at');
        after.forEach(keep);
      }
    }
    return baseline;
  }

  /**
   * Per entity, its history from `since` on, starting with where it stood
   * at `since` (its last snapshot before, if any): the step function that
   * progress over time is read from. Entities are those of a campaign's
   * recorded members (read in the database, no long lists of refs), or the
   * given refs. The checks passed are read only when asked for.
   */
  async standingHistory(
    of: { campaignId: string } | { entityRefs: string[] },
    since: Date,
    options: { checks: boolean } = { checks: true },
  ): Promise<Map<string, StandingPoint[]>> {
    const history = new Map<string, StandingPoint[]>();
    const add = (r: Record<string, any>) => {
      const points = history.get(r.entity_ref) ?? [];
      points.push({
        at: fromDatabaseTimestamp(r.scored_at),
        level: r.level,
        passed: new Set(
          r.passed_checks ? String(r.passed_checks).split(',') : [],
        ),
      });
      history.set(r.entity_ref, points);
    };
    const columns = [
      's.entity_ref',
      's.scored_at',
      's.level',
      ...(options.checks ? ['s.passed_checks'] : []),
    ];
    const scoped = (qb: Knex.QueryBuilder, refs?: string[]) => {
      if (refs) {
        qb.whereIn('s.entity_ref', refs);
      } else {
        qb.join('maturity_campaign_members as m', join =>
          join
            .on('m.entity_ref', '=', 's.entity_ref')
            .andOnVal(
              'm.campaign_id',
              '=',
              (of as { campaignId: string }).campaignId,
            ),
        );
      }
    };
    const chunks =
      'entityRefs' in of
        ? rowChunks(
            this.db,
            of.entityRefs.map(ref => ({ ref })),
          ).map(c => c.map(r => r.ref))
        : [undefined];
    for (const refs of chunks) {
      // Where each stood at `since`: its newest snapshot before it.
      const ranked = this.db('maturity_snapshots as s')
        .modify(qb => scoped(qb, refs))
        .andWhere('s.scored_at', '<', since)
        .select(
          ...columns,
          this.db.raw(
            'ROW_NUMBER() OVER (PARTITION BY s.entity_ref ORDER BY s.scored_at DESC, s.id DESC) AS newest',
          ),
        )
        .as('ranked');
      (await this.db.from(ranked).where('newest', 1)).forEach(add);
      (
        await this.db('maturity_snapshots as s')
          .modify(qb => scoped(qb, refs))
          .andWhere('s.scored_at', '>=', since)
          .orderBy([
            { column: 's.entity_ref' },
            { column: 's.scored_at', order: 'asc' },
            { column: 's.id', order: 'asc' },
          ])
          .select(...columns)
      ).forEach(add);
    }
    return history;
  }

  /** Removes snapshots older than `before`, always keeping each entity's current one. */
  async prune(before: Date): Promise<number> {
    return this.db('maturity_snapshots')
      .where('scored_at', '<', before)
      .whereNotIn('id', this.db('maturity_scores').select('snapshot_id'))
      .delete();
  }

  async delete(entityRef: string): Promise<void> {
    await this.db('maturity_snapshots')
      .where({ entity_ref: entityRef })
      .delete();
  }
}
