import type {
  ScoreFacetsResponse,
  ScoreSummary,
} from '@roadmap/plugin-maturity-common';
import type { Knex } from 'knex';
import type { StoredScoreDetail } from '../scoring/scoreDetailCodec';
import type { CampaignScope } from '@roadmap/plugin-maturity-common';
import { applyCampaignScope } from './applyCampaignScope';
import { applyScoreFilters } from './applyScoreFilters';
import { fromDatabaseTimestamp } from './fromDatabaseTimestamp';
import { rowChunks } from './rowChunks';
import {
  checkSet,
  SCORED_ENTITY_COLUMNS,
  scoredEntityFieldsOf,
  scoredEntityRowOf,
} from './scoredEntityRow';
import type { ScoreQuery } from './ScoreQuery';

/** The entity fields the overview filters and sorts on. */
export interface ScoredEntityFields {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  type?: string;
  lifecycle?: string;
  /** The entity's tags (metadata.tags). */
  tags?: string[];
}

/** One scoring of one entity, as a refresh writes it. */
export interface ScoreRecord extends ScoredEntityFields {
  score: number;
  level: string | null;
  /** Position of `level` in the rubric's level order, -1 for none. */
  levelRank: number;
  nextLevel: string | null;
  pillars: Record<string, number>;
  detail: StoredScoreDetail;
  rubricHash: string;
  scoredAt: Date;
}

/** A scoring to make current, with the id of its snapshot and its digest. */
export interface CurrentScoreWrite {
  record: ScoreRecord;
  snapshotId: string;
  digest: string;
}

/** What a refresh compares a new scoring of an entity with. */
export interface CurrentOf {
  digest: string | null;
  snapshotId: string;
  /** The entity fields, as {@link entityFieldsKey}. */
  fields: string;
  level: string | null;
  levelRank: number;
  passed: Set<string>;
}

/** A current score with its stored results. */
export interface StoredScore extends ScoreSummary {
  detail: StoredScoreDetail;
}

/** A page of the score list. */
export interface ScorePage {
  items: ScoreSummary[];
  totalCount: number;
}

/** Where an entity in a campaign's scope stands now. */
export interface CampaignStanding {
  entityRef: string;
  name: string;
  title?: string;
  owner?: string;
  level: string | null;
  levelRank: number;
  /** Checks its current score passes, has waived or that do not apply. */
  passed: Set<string>;
  exempt: Set<string>;
}

/** The current score of an entity, for movers. */
export interface CurrentScore {
  entityRef: string;
  name: string;
  title?: string;
  owner?: string;
  score: number;
  level: string | null;
  scoredAt: Date;
}

const SORT_COLUMNS: Record<NonNullable<ScoreQuery['orderBy']>, string[]> = {
  score: ['score'],
  level: ['level_rank', 'score'],
  name: ['name', 'namespace', 'kind'],
  scoredAt: ['scored_at'],
};

/** The entity fields of a score, comparable as one string. */
export function entityFieldsKey(fields: ScoredEntityFields): string {
  return JSON.stringify([
    fields.kind,
    fields.namespace,
    fields.name,
    fields.title ?? null,
    fields.owner ?? null,
    fields.system ?? null,
    fields.type ?? null,
    fields.lifecycle ?? null,
    fields.tags?.length ? fields.tags : null,
  ]);
}

/** The summary of a score as the list serves it. */
function summaryOf(record: ScoreRecord, snapshotId: string): ScoreSummary {
  const { detail: _detail, scoredAt, tags: _tags, ...fields } = record;
  return { ...fields, snapshotId, scoredAt: scoredAt.toISOString() };
}

type SummaryRow = {
  summary: string;
  confirmed_at?: Date | number | string | null;
};

/** Joins each score's refresh state, for when it was last confirmed. */
function withConfirmation(qb: Knex.QueryBuilder): void {
  qb.leftJoin(
    'maturity_refresh_state',
    'maturity_refresh_state.entity_ref',
    'maturity_scores.entity_ref',
  );
}

function parseSummary(row: SummaryRow): ScoreSummary {
  const summary = JSON.parse(row.summary) as ScoreSummary;
  if (row.confirmed_at) {
    summary.confirmedAt = fromDatabaseTimestamp(row.confirmed_at).toISOString();
  }
  return summary;
}

/**
 * The current score of every entity (`maturity_scores`: one row each, whose
 * summary JSON holds the pillar scores that pillar ranges filter on), and
 * the list, facet and level reads over it. The results of a score live in
 * the snapshot its row points at; when a scoring last found them is the
 * entity's refresh state's `confirmed_at`.
 */
export class ScoreStore {
  constructor(private readonly db: Knex) {}

  /**
   * Makes each record (with the id of its snapshot) the current score of its
   * entity: one row each. Call inside a transaction.
   */
  async upsert(records: CurrentScoreWrite[]): Promise<void> {
    if (records.length === 0) return;
    const rows = records.map(({ record, snapshotId, digest }) => ({
      ...scoredEntityRowOf(record),
      score: record.score,
      level: record.level,
      level_rank: record.levelRank,
      next_level: record.nextLevel,
      // The results live once, in the snapshot this row points at.
      detail: null,
      rubric_hash: record.rubricHash,
      snapshot_id: snapshotId,
      scored_at: record.scoredAt,
      results_digest: digest,
      summary: JSON.stringify(summaryOf(record, snapshotId)),
    }));
    for (const chunk of rowChunks(this.db, rows)) {
      await this.db('maturity_scores')
        .insert(chunk)
        .onConflict('entity_ref')
        .merge();
    }
  }

  /**
   * Each entity's current results digest, snapshot id and entity fields
   * (entities without a score are absent), to tell a changed scoring from
   * a repeat.
   */
  async currentOf(entityRefs: string[]): Promise<Map<string, CurrentOf>> {
    const result = new Map<string, CurrentOf>();
    for (const chunk of rowChunks(
      this.db,
      entityRefs.map(ref => ({ ref })),
    )) {
      const rows: Record<string, any>[] = await this.db('maturity_scores')
        .leftJoin(
          'maturity_snapshots',
          'maturity_snapshots.id',
          'maturity_scores.snapshot_id',
        )
        .whereIn(
          'maturity_scores.entity_ref',
          chunk.map(c => c.ref),
        )
        .select(
          ...SCORED_ENTITY_COLUMNS,
          'maturity_scores.results_digest',
          'maturity_scores.snapshot_id',
          'maturity_scores.level',
          'maturity_scores.level_rank',
          'maturity_snapshots.passed_checks',
        );
      for (const r of rows) {
        result.set(r.entity_ref, {
          digest: r.results_digest,
          snapshotId: String(r.snapshot_id),
          level: r.level,
          levelRank: Number(r.level_rank),
          passed: checkSet(r.passed_checks),
          fields: entityFieldsKey(scoredEntityFieldsOf(r)),
        });
      }
    }
    return result;
  }

  /**
   * The current score's summary alone (one indexed read, no results): what
   * an entity response's validator is derived from.
   */
  async summary(entityRef: string): Promise<ScoreSummary | undefined> {
    const row: SummaryRow | undefined = await this.db('maturity_scores')
      .modify(withConfirmation)
      .where({ 'maturity_scores.entity_ref': entityRef })
      .first('maturity_scores.summary', 'maturity_refresh_state.confirmed_at');
    return row ? parseSummary(row) : undefined;
  }

  /** The current score of an entity with its results. */
  async get(entityRef: string): Promise<StoredScore | undefined> {
    const row: (SummaryRow & { snapshot_detail: string | null }) | undefined =
      await this.db('maturity_scores')
        .modify(withConfirmation)
        .leftJoin(
          'maturity_snapshots',
          'maturity_snapshots.id',
          'maturity_scores.snapshot_id',
        )
        .where({ 'maturity_scores.entity_ref': entityRef })
        .first(
          'maturity_scores.summary',
          'maturity_refresh_state.confirmed_at',
          'maturity_snapshots.detail as snapshot_detail',
        );
    if (!row) return undefined;
    const detail: StoredScoreDetail = row.snapshot_detail
      ? JSON.parse(row.snapshot_detail)
      : { results: [], nextSteps: [], sources: [] };
    return { ...parseSummary(row), detail };
  }

  /**
   * Which version of the current scores this is: the newest `scored_at`,
   * read from its index. Every new or changed score moves it; a scoring
   * that only confirms scores does not.
   */
  async generation(): Promise<string> {
    const [row] = await this.db('maturity_scores').max({ at: 'scored_at' });
    return row?.at ? fromDatabaseTimestamp(row.at).toISOString() : 'empty';
  }

  /**
   * A filtered, sorted page of current scores, and how many match (not
   * counted again when the caller knows it: `totalCount`).
   */
  async list(
    query: ScoreQuery,
    options: { totalCount?: number } = {},
  ): Promise<ScorePage> {
    const base = this.db('maturity_scores');
    applyScoreFilters(base, query);
    const direction = query.order ?? 'desc';
    const sortColumns = [
      ...SORT_COLUMNS[query.orderBy ?? 'score'],
      // Same direction as the sort columns, so one index serves the whole
      // ORDER BY (read backwards for descending pages).
      'entity_ref',
    ];
    const ordered = (qb: Knex.QueryBuilder, table?: string) => {
      for (const column of sortColumns) {
        qb.orderBy(table ? `${table}.${column}` : column, direction);
      }
    };

    const count =
      options.totalCount ?? (await base.clone().count({ count: '*' }))[0].count;
    // Deferred join: the offset is walked on the sort index alone, and only
    // the page's rows are read from the table.
    const page = base
      .clone()
      .select('maturity_scores.entity_ref')
      .modify(qb => ordered(qb))
      // Inlined (they are validated integers): SQLite plans a page with a
      // bound LIMIT/OFFSET three times slower than with literal ones.
      .offset(Math.max(0, Math.trunc(query.offset ?? 0)), { skipBinding: true })
      .limit(Math.max(0, Math.trunc(query.limit ?? 100)), { skipBinding: true })
      .as('page');
    const rows: SummaryRow[] = await this.db('maturity_scores')
      .join(page, 'page.entity_ref', 'maturity_scores.entity_ref')
      .modify(withConfirmation)
      .select('maturity_scores.summary', 'maturity_refresh_state.confirmed_at')
      .modify(qb => ordered(qb, 'maturity_scores'));
    return {
      items: rows.map(parseSummary),
      totalCount: Number(count),
    };
  }

  /** The distinct values the overview's filters can take (among `entityRefs` when given). */
  async facets(
    query: Pick<ScoreQuery, 'entityRefs'> = {},
  ): Promise<ScoreFacetsResponse> {
    const distinct = async (column: string) => {
      const qb = this.db('maturity_scores')
        .distinct(column)
        .whereNotNull(column)
        .orderBy(column);
      applyScoreFilters(qb, { entityRefs: query.entityRefs });
      return (await qb).map((r: Record<string, string>) => r[column]);
    };
    // One after another: inside a read transaction they share one
    // connection, which runs one statement at a time anyway.
    const values: string[][] = [];
    for (const column of [
      'owner',
      'system',
      'kind',
      'type',
      'lifecycle',
      'level',
    ]) {
      values.push(await distinct(column));
    }
    const [owners, systems, kinds, types, lifecycles, levels] = values;
    return { owners, systems, kinds, types, lifecycles, levels };
  }

  /** How many entities (matching the filters) sit at each level; `none` below the first. */
  async levelDistribution(query: ScoreQuery): Promise<Record<string, number>> {
    const qb = this.db('maturity_scores');
    applyScoreFilters(qb, { ...query, levels: undefined });
    const rows: { level: string | null; n: string | number }[] = await qb
      .select('level')
      .count({ n: '*' })
      .groupBy('level');
    const result: Record<string, number> = {};
    for (const row of rows) result[row.level ?? 'none'] = Number(row.n);
    return result;
  }

  /** The current scores matching the filters, without their results. */
  async current(query: ScoreQuery): Promise<CurrentScore[]> {
    const qb = this.db('maturity_scores');
    applyScoreFilters(qb, query);
    const rows = await qb.select(
      'entity_ref',
      'name',
      'title',
      'owner',
      'score',
      'level',
      'scored_at',
    );
    return rows.map((r: Record<string, any>) => ({
      entityRef: r.entity_ref,
      name: r.name,
      title: r.title ?? undefined,
      owner: r.owner ?? undefined,
      score: Number(r.score),
      level: r.level,
      scoredAt: fromDatabaseTimestamp(r.scored_at),
    }));
  }

  /**
   * Every scored entity in a campaign's scope (among `entityRefs` when
   * given), with its level and the checks its current snapshot passed.
   */
  async campaignStandings(
    scope: CampaignScope,
    entityRefs?: string[],
  ): Promise<CampaignStanding[]> {
    const qb = this.db('maturity_scores').leftJoin(
      'maturity_snapshots',
      'maturity_snapshots.id',
      'maturity_scores.snapshot_id',
    );
    applyCampaignScope(qb, scope, entityRefs);
    const rows: Record<string, any>[] = await qb
      .orderBy('maturity_scores.entity_ref')
      .select(
        'maturity_scores.entity_ref',
        'maturity_scores.name',
        'maturity_scores.title',
        'maturity_scores.owner',
        'maturity_scores.level',
        'maturity_scores.level_rank',
        'maturity_snapshots.passed_checks',
        'maturity_snapshots.exempt_checks',
      );
    return rows.map(r => ({
      entityRef: r.entity_ref,
      name: r.name,
      title: r.title ?? undefined,
      owner: r.owner ?? undefined,
      level: r.level,
      levelRank: Number(r.level_rank),
      passed: checkSet(r.passed_checks),
      exempt: checkSet(r.exempt_checks),
    }));
  }

  /** The ref of every scored entity. */
  async refs(): Promise<string[]> {
    const rows: { entity_ref: string }[] = await this.db(
      'maturity_scores',
    ).select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  async delete(entityRef: string): Promise<void> {
    await this.db('maturity_scores').where({ entity_ref: entityRef }).delete();
  }
}
