import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { Fact } from '@roadmap/plugin-maturity-common';
import { Knex } from 'knex';
import {
  LeaseLostError,
  type MaturityStore,
  type RefreshLease,
  type ScorePage,
  type ScoreQuery,
  type ScoreFacets,
  type ScoreMover,
  type ScoreRecord,
  type ScoreSnapshot,
  type StoredFacts,
  type StoredScore,
  type StoredScoreSummary,
} from './MaturityStore';

const migrationsDir = resolvePackagePath(
  '@roadmap/plugin-maturity-backend',
  'migrations',
);

// Knex hands back Date on PostgreSQL and epoch milliseconds on SQLite.
function toDate(value: Date | number | string): Date {
  return value instanceof Date ? value : new Date(value);
}

type ScoreRow = {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  type: string | null;
  lifecycle: string | null;
  score: number;
  level: string | null;
  level_rank: number;
  next_level: string | null;
  /** Only in rows written before the results were stored once. */
  detail: string | null;
  rubric_hash: string;
  snapshot_id: string | number;
  scored_at: Date | number | string;
  summary: string | null;
};

// Everything but the results: lists never parse them.
const SUMMARY_COLUMNS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'owner',
  'system',
  'type',
  'lifecycle',
  'score',
  'level',
  'level_rank',
  'next_level',
  'rubric_hash',
  'snapshot_id',
  'scored_at',
  'summary',
];

const SORT_COLUMNS: Record<NonNullable<ScoreQuery['orderBy']>, string[]> = {
  score: ['score'],
  level: ['level_rank', 'score'],
  name: ['name', 'namespace', 'kind'],
  scoredAt: ['scored_at'],
};

/** The summary of a score as the list serves it, for the summary column. */
function summaryOf(score: StoredScore): StoredScoreSummary {
  const { detail: _detail, ...summary } = score;
  return summary;
}

// Replicas starting together race to create Knex's own bookkeeping tables
// (and then wait on its lock); the loser retries once the winner is done.
async function migrateWithRetry(client: Knex): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      const message = String((error as Error).message);
      const race = /already exists|duplicate key|already locked/i.test(message);
      if (!race || attempt >= 10) throw error;
      await new Promise(resolve => setTimeout(resolve, 100 * attempt));
    }
  }
}

/**
 * {@link MaturityStore} on the plugin's own database (SQLite or PostgreSQL),
 * migrated by Knex on creation.
 */
export class DatabaseMaturityStore implements MaturityStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseMaturityStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await migrateWithRetry(client);
    }
    return new DatabaseMaturityStore(client);
  }

  /** For tests that manage migrations themselves. */
  static migrationsDirectory(): string {
    return migrationsDir;
  }

  private constructor(private readonly db: Knex) {}

  async saveScore(
    record: ScoreRecord,
    options: {
      leaseOwner?: string;
      release?: { nextDueAt: Date; fingerprint?: string };
    } = {},
  ): Promise<StoredScore> {
    return this.db.transaction(async tx => {
      if (options.leaseOwner) {
        // An update that only matches while we hold the lease (ending it
        // when asked to); on PostgreSQL it also locks the row until the
        // transaction ends.
        const held = await tx('maturity_refresh_state')
          .where({
            entity_ref: record.entityRef,
            lease_owner: options.leaseOwner,
          })
          .update(
            options.release
              ? {
                  lease_owner: null,
                  lease_until: null,
                  due_at: options.release.nextDueAt,
                  last_error: null,
                  ...(options.release.fingerprint !== undefined
                    ? { fingerprint: options.release.fingerprint }
                    : {}),
                }
              : { lease_owner: options.leaseOwner },
          );
        if (held !== 1) {
          throw new LeaseLostError(
            `lease on ${record.entityRef} is no longer held by ${options.leaseOwner}`,
          );
        }
      }
      const inserted = await tx('maturity_snapshots').insert(
        {
          entity_ref: record.entityRef,
          score: record.score,
          level: record.level,
          pillar_scores: JSON.stringify(record.pillars),
          detail: JSON.stringify(record.detail),
          rubric_hash: record.rubricHash,
          scored_at: record.scoredAt,
        },
        ['id'],
      );
      const first = inserted[0] as { id: string | number } | number;
      const snapshotId = String(typeof first === 'object' ? first.id : first);

      await tx('maturity_scores')
        .insert({
          entity_ref: record.entityRef,
          kind: record.kind,
          namespace: record.namespace,
          name: record.name,
          title: record.title ?? null,
          owner: record.owner ?? null,
          system: record.system ?? null,
          type: record.type ?? null,
          lifecycle: record.lifecycle ?? null,
          score: record.score,
          level: record.level,
          level_rank: record.levelRank,
          next_level: record.nextLevel,
          // The results live once, in the snapshot this row points at.
          detail: null,
          rubric_hash: record.rubricHash,
          snapshot_id: snapshotId,
          scored_at: record.scoredAt,
          summary: JSON.stringify(summaryOf({ ...record, snapshotId })),
        })
        .onConflict('entity_ref')
        .merge();

      // Pillar rows are rewritten only when a pillar's score changed: a
      // repeat scoring of an unchanged service writes none.
      const previous: { pillar: string; score: number }[] = await tx(
        'maturity_pillar_scores',
      )
        .where({ entity_ref: record.entityRef })
        .select('pillar', 'score');
      const pillarRows = Object.entries(record.pillars).map(
        ([pillar, score]) => ({ entity_ref: record.entityRef, pillar, score }),
      );
      const unchanged =
        previous.length === pillarRows.length &&
        pillarRows.every(row =>
          previous.some(
            // Pillar scores are single-precision floats on PostgreSQL.
            p =>
              p.pillar === row.pillar &&
              Math.abs(Number(p.score) - row.score) < 1e-3,
          ),
        );
      if (!unchanged) {
        await tx('maturity_pillar_scores')
          .where({ entity_ref: record.entityRef })
          .delete();
        if (pillarRows.length > 0) {
          await tx('maturity_pillar_scores').insert(pillarRows);
        }
      }
      return { ...record, snapshotId };
    });
  }

  async getScore(entityRef: string): Promise<StoredScore | undefined> {
    const row: (ScoreRow & { snapshot_detail: string | null }) | undefined =
      await this.db('maturity_scores')
        .leftJoin(
          'maturity_snapshots',
          'maturity_snapshots.id',
          'maturity_scores.snapshot_id',
        )
        .where({ 'maturity_scores.entity_ref': entityRef })
        .first(
          'maturity_scores.*',
          'maturity_snapshots.detail as snapshot_detail',
        );
    if (!row) return undefined;
    const [summary] = await this.summaries([row]);
    const detail = row.detail ?? row.snapshot_detail ?? '{}';
    return { ...summary, detail: JSON.parse(detail) as JsonObject };
  }

  async refreshStatistics(): Promise<void> {
    const client = String(this.db.client.config.client);
    if (client === 'pg') {
      // VACUUM too: index-only page reads need the visibility map it sets.
      await this.db.raw(
        'VACUUM (ANALYZE) maturity_scores, maturity_pillar_scores, maturity_snapshots, maturity_refresh_state',
      );
    } else if (client.includes('sqlite')) {
      await this.db.raw('PRAGMA optimize');
    }
  }

  async listScores(query: ScoreQuery): Promise<ScorePage> {
    const base = this.db<ScoreRow>('maturity_scores');
    this.applyFilters(base, query);
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

    const [{ count }] = await base.clone().count({ count: '*' });
    // Deferred join: the offset is walked on the sort index alone, and only
    // the page's rows are read from the table.
    const page = base
      .clone()
      .select('entity_ref')
      .modify(qb => ordered(qb))
      // Inlined (they are validated integers): SQLite plans a page with a
      // bound LIMIT/OFFSET three times slower than with literal ones.
      .offset(Math.max(0, Math.trunc(query.offset ?? 0)), { skipBinding: true })
      .limit(Math.max(0, Math.trunc(query.limit ?? 100)), { skipBinding: true })
      .as('page');
    const rows: ScoreRow[] = await this.db('maturity_scores')
      .join(page, 'page.entity_ref', 'maturity_scores.entity_ref')
      .select(SUMMARY_COLUMNS.map(c => `maturity_scores.${c}`))
      .modify(qb => ordered(qb, 'maturity_scores'));
    return { items: await this.summaries(rows), totalCount: Number(count) };
  }

  /** Summaries from their stored JSON; older rows from their columns. */
  private async summaries(
    rows: Omit<ScoreRow, 'detail'>[],
  ): Promise<StoredScoreSummary[]> {
    const legacy = rows.filter(r => !r.summary).map(r => r.entity_ref);
    const pillars = await this.pillarsOf(legacy);
    return rows.map(row => {
      if (!row.summary) {
        return this.toSummary(row, pillars.get(row.entity_ref) ?? {});
      }
      const summary = JSON.parse(row.summary);
      return { ...summary, scoredAt: new Date(summary.scoredAt) };
    });
  }

  async facets(
    query: Pick<ScoreQuery, 'entityRefs'> = {},
  ): Promise<ScoreFacets> {
    const distinct = async (column: string) =>
      (
        await this.db('maturity_scores')
          .distinct(column)
          .whereNotNull(column)
          .modify(qb => {
            if (query.entityRefs) qb.whereIn('entity_ref', query.entityRefs);
          })
          .orderBy(column)
      ).map((r: Record<string, string>) => r[column]);
    const [owners, systems, kinds, types, lifecycles, levels] =
      await Promise.all(
        ['owner', 'system', 'kind', 'type', 'lifecycle', 'level'].map(distinct),
      );
    return { owners, systems, kinds, types, lifecycles, levels };
  }

  async levelDistribution(query: ScoreQuery): Promise<Record<string, number>> {
    const qb = this.db('maturity_scores');
    this.applyFilters(qb, { ...query, levels: undefined });
    const rows: { level: string | null; n: string | number }[] = await qb
      .select('level')
      .count({ n: '*' })
      .groupBy('level');
    const result: Record<string, number> = {};
    for (const row of rows) result[row.level ?? 'none'] = Number(row.n);
    return result;
  }

  async movers(
    query: ScoreQuery,
    options: { since: Date; limit: number },
  ): Promise<ScoreMover[]> {
    const current = this.db<ScoreRow>('maturity_scores');
    this.applyFilters(current, query);
    // Only the columns a mover needs: the results (`detail`) are large.
    const rows: Pick<
      ScoreRow,
      | 'entity_ref'
      | 'name'
      | 'title'
      | 'owner'
      | 'score'
      | 'level'
      | 'scored_at'
    >[] = await current.select(
      'entity_ref',
      'name',
      'title',
      'owner',
      'score',
      'level',
      'scored_at',
    );
    if (rows.length === 0) return [];
    const refs = rows.map(r => r.entity_ref);

    // Per entity: the last snapshot at or before `since`, else its first.
    const baseline = new Map<
      string,
      { score: number; level: string | null; scored_at: any }
    >();
    for (let i = 0; i < refs.length; i += 500) {
      const chunk = refs.slice(i, i + 500);
      const before = await this.db('maturity_snapshots as s')
        .whereIn('s.entity_ref', chunk)
        .andWhere('s.scored_at', '<=', options.since)
        .orderBy([
          { column: 's.entity_ref' },
          { column: 's.scored_at', order: 'asc' },
          { column: 's.id', order: 'asc' },
        ])
        .select('s.entity_ref', 's.score', 's.level', 's.scored_at');
      for (const r of before) baseline.set(r.entity_ref, r);
      const missing = chunk.filter(r => !baseline.has(r));
      if (missing.length > 0) {
        const after = await this.db('maturity_snapshots as s')
          .whereIn('s.entity_ref', missing)
          .orderBy([
            { column: 's.entity_ref' },
            { column: 's.scored_at', order: 'desc' },
            { column: 's.id', order: 'desc' },
          ])
          .select('s.entity_ref', 's.score', 's.level', 's.scored_at');
        for (const r of after) baseline.set(r.entity_ref, r);
      }
    }

    return rows
      .map(row => {
        const from = baseline.get(row.entity_ref)!;
        return {
          entityRef: row.entity_ref,
          name: row.name,
          title: row.title ?? undefined,
          owner: row.owner ?? undefined,
          from: {
            score: Number(from.score),
            level: from.level,
            scoredAt: toDate(from.scored_at),
          },
          to: {
            score: Number(row.score),
            level: row.level,
            scoredAt: toDate(row.scored_at),
          },
          delta: Math.round((Number(row.score) - Number(from.score)) * 10) / 10,
        };
      })
      .filter(m => m.delta !== 0)
      .sort(
        (a, b) =>
          Math.abs(b.delta) - Math.abs(a.delta) ||
          a.entityRef.localeCompare(b.entityRef),
      )
      .slice(0, options.limit);
  }

  async getHistory(
    entityRef: string,
    options: { since?: Date; limit?: number } = {},
  ): Promise<ScoreSnapshot[]> {
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
      scoredAt: toDate(row.scored_at),
    }));
  }

  async pruneSnapshots(before: Date): Promise<number> {
    return this.db('maturity_snapshots')
      .where('scored_at', '<', before)
      .whereNotIn('id', this.db('maturity_scores').select('snapshot_id'))
      .delete();
  }

  async deleteEntity(entityRef: string): Promise<void> {
    await this.db.transaction(async tx => {
      for (const table of [
        'maturity_pillar_scores',
        'maturity_scores',
        'maturity_snapshots',
        'maturity_facts',
        'maturity_refresh_state',
      ]) {
        await tx(table).where({ entity_ref: entityRef }).delete();
      }
    });
  }

  async saveFacts(entityRef: string, facts: StoredFacts): Promise<void> {
    await this.db('maturity_facts')
      .insert({
        entity_ref: entityRef,
        source: facts.source,
        facts: JSON.stringify(facts.facts),
        etag: facts.etag ?? null,
        observed_at: facts.observedAt,
      })
      .onConflict(['entity_ref', 'source'])
      .merge();
  }

  async getFacts(entityRef: string): Promise<StoredFacts[]> {
    const rows = await this.db('maturity_facts')
      .where({ entity_ref: entityRef })
      .orderBy('source');
    return rows.map(row => ({
      source: row.source,
      facts: JSON.parse(row.facts) as Fact[],
      etag: row.etag ?? undefined,
      observedAt: toDate(row.observed_at),
    }));
  }

  async getFingerprints(): Promise<Map<string, string | undefined>> {
    const rows = await this.db('maturity_refresh_state').select(
      'entity_ref',
      'fingerprint',
    );
    return new Map(rows.map(r => [r.entity_ref, r.fingerprint ?? undefined]));
  }

  async markDue(entityRefs: string[], dueAt: Date): Promise<void> {
    for (let i = 0; i < entityRefs.length; i += 500) {
      await this.db('maturity_refresh_state')
        .whereIn('entity_ref', entityRefs.slice(i, i + 500))
        .update({ due_at: dueAt });
    }
  }

  async registerEntities(entityRefs: string[], _now: Date): Promise<void> {
    // Never-scored entities sort before everything that is merely stale.
    const neverScoredDue = new Date(0);
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows = entityRefs.slice(i, i + 500).map(entity_ref => ({
        entity_ref,
        due_at: neverScoredDue,
      }));
      await this.db('maturity_refresh_state')
        .insert(rows)
        .onConflict('entity_ref')
        .ignore();
    }
  }

  async claimDue(options: {
    leaseOwner: string;
    limit: number;
    now: Date;
    leaseUntil: Date;
  }): Promise<RefreshLease[]> {
    const candidates = await this.db('maturity_refresh_state')
      .where('due_at', '<=', options.now)
      .andWhere(q =>
        q.whereNull('lease_until').orWhere('lease_until', '<', options.now),
      )
      .orderBy([
        { column: 'due_at', order: 'asc' },
        { column: 'entity_ref', order: 'asc' },
      ])
      .limit(options.limit)
      .select('entity_ref', 'fingerprint');

    const claimed: RefreshLease[] = [];
    for (const candidate of candidates) {
      const lease = await this.tryLease(
        candidate.entity_ref,
        options.leaseOwner,
        options.now,
        options.leaseUntil,
      );
      if (lease)
        claimed.push({
          ...lease,
          fingerprint: candidate.fingerprint ?? undefined,
        });
    }
    return claimed;
  }

  async claimOne(options: {
    entityRef: string;
    leaseOwner: string;
    now: Date;
    leaseUntil: Date;
  }): Promise<RefreshLease | undefined> {
    await this.registerEntities([options.entityRef], options.now);
    const row = await this.db('maturity_refresh_state')
      .where({ entity_ref: options.entityRef })
      .first('fingerprint');
    const lease = await this.tryLease(
      options.entityRef,
      options.leaseOwner,
      options.now,
      options.leaseUntil,
    );
    return lease && { ...lease, fingerprint: row?.fingerprint ?? undefined };
  }

  async release(options: {
    entityRef: string;
    leaseOwner: string;
    nextDueAt: Date;
    fingerprint?: string;
    error?: string;
  }): Promise<void> {
    await this.db('maturity_refresh_state')
      .where({ entity_ref: options.entityRef, lease_owner: options.leaseOwner })
      .update({
        lease_owner: null,
        lease_until: null,
        due_at: options.nextDueAt,
        last_error: options.error ?? null,
        ...(options.fingerprint !== undefined
          ? { fingerprint: options.fingerprint }
          : {}),
      });
  }

  // The conditional update is atomic per row on every database, so two
  // replicas racing for the same entity cannot both win it.
  private async tryLease(
    entityRef: string,
    leaseOwner: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<RefreshLease | undefined> {
    const updated = await this.db('maturity_refresh_state')
      .where({ entity_ref: entityRef })
      .andWhere(q =>
        q.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .update({ lease_owner: leaseOwner, lease_until: leaseUntil });
    return updated === 1 ? { entityRef, leaseOwner } : undefined;
  }

  private applyFilters(qb: Knex.QueryBuilder, query: ScoreQuery) {
    const inList = (column: string, values?: string[]) => {
      if (values && values.length > 0) qb.whereIn(column, values);
    };
    inList('owner', query.owners);
    inList('system', query.systems);
    inList('kind', query.kinds);
    inList('type', query.types);
    inList('lifecycle', query.lifecycles);
    if (query.entityRefs) qb.whereIn('entity_ref', query.entityRefs);
    if (query.levels && query.levels.length > 0) {
      const levels = query.levels.filter(l => l !== 'none');
      qb.where(q => {
        if (levels.length > 0) q.whereIn('level', levels);
        if (query.levels!.includes('none')) q.orWhereNull('level');
      });
    }
    for (const range of query.pillarRanges ?? []) {
      qb.whereExists(sub => {
        sub
          .select(this.db.raw('1'))
          .from('maturity_pillar_scores')
          .whereRaw(
            'maturity_pillar_scores.entity_ref = maturity_scores.entity_ref',
          )
          .andWhere('maturity_pillar_scores.pillar', range.pillar);
        if (range.min !== undefined) {
          sub.andWhere('maturity_pillar_scores.score', '>=', range.min);
        }
        if (range.max !== undefined) {
          sub.andWhere('maturity_pillar_scores.score', '<=', range.max);
        }
      });
    }
    if (query.text) {
      const needle = `%${query.text
        .toLocaleLowerCase('en-US')
        .replace(/[\\%_]/g, c => `\\${c}`)}%`;
      qb.where(q =>
        q
          .whereRaw(`LOWER(name) LIKE ? ESCAPE '\\'`, [needle])
          .orWhereRaw(`LOWER(COALESCE(title, '')) LIKE ? ESCAPE '\\'`, [needle])
          .orWhereRaw(`LOWER(entity_ref) LIKE ? ESCAPE '\\'`, [needle]),
      );
    }
  }

  private async pillarsOf(
    entityRefs: string[],
  ): Promise<Map<string, Record<string, number>>> {
    const result = new Map<string, Record<string, number>>();
    if (entityRefs.length === 0) return result;
    const rows = await this.db('maturity_pillar_scores')
      .whereIn('entity_ref', entityRefs)
      .orderBy(['entity_ref', 'pillar']);
    for (const row of rows) {
      const pillars = result.get(row.entity_ref) ?? {};
      pillars[row.pillar] = Number(row.score);
      result.set(row.entity_ref, pillars);
    }
    return result;
  }

  private toSummary(
    row: Omit<ScoreRow, 'detail'>,
    pillars: Record<string, number>,
  ): StoredScoreSummary {
    return {
      entityRef: row.entity_ref,
      kind: row.kind,
      namespace: row.namespace,
      name: row.name,
      title: row.title ?? undefined,
      owner: row.owner ?? undefined,
      system: row.system ?? undefined,
      type: row.type ?? undefined,
      lifecycle: row.lifecycle ?? undefined,
      score: Number(row.score),
      level: row.level,
      levelRank: Number(row.level_rank),
      nextLevel: row.next_level,
      pillars,
      rubricHash: row.rubric_hash,
      snapshotId: String(row.snapshot_id),
      scoredAt: toDate(row.scored_at),
    };
  }
}
