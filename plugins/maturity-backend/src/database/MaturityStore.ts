import type { Fact } from '@roadmap/plugin-maturity-common';
import type { JsonObject } from '@backstage/types';

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
}

/** One scoring of one entity, as written by a refresh. */
export interface ScoreRecord extends ScoredEntityFields {
  score: number;
  level: string | null;
  /** Position of `level` in the rubric's level order, -1 for none. */
  levelRank: number;
  nextLevel: string | null;
  pillars: Record<string, number>;
  /** Results, next steps and source status, as JSON. */
  detail: JsonObject;
  rubricHash: string;
  scoredAt: Date;
}

/** A stored score with the id of the snapshot it came from. */
export interface StoredScore extends ScoreRecord {
  snapshotId: string;
}

/** One point of an entity's history. */
export interface ScoreSnapshot {
  id: string;
  entityRef: string;
  score: number;
  level: string | null;
  pillars: Record<string, number>;
  rubricHash: string;
  scoredAt: Date;
}

/** Filters, sorting and paging of the score list. */
export interface ScoreQuery {
  owners?: string[];
  systems?: string[];
  kinds?: string[];
  types?: string[];
  lifecycles?: string[];
  /** Level ids; `none` matches entities below the first level. */
  levels?: string[];
  /** Inclusive score ranges per pillar. */
  pillarRanges?: { pillar: string; min?: number; max?: number }[];
  /** Case-insensitive substring of name, title or entity ref. */
  text?: string;
  /** Only these entity refs (used to apply catalog read permissions). */
  entityRefs?: string[];
  orderBy?: 'score' | 'level' | 'name' | 'scoredAt';
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** A current score without its results (what lists need). */
export type StoredScoreSummary = Omit<StoredScore, 'detail'>;

/** A page of the score list. */
export interface ScorePage {
  items: StoredScoreSummary[];
  totalCount: number;
}

/** Distinct filter values among scored entities. */
export interface ScoreFacets {
  owners: string[];
  systems: string[];
  kinds: string[];
  types: string[];
  lifecycles: string[];
  levels: string[];
}

/** An entity whose score moved over a period. */
export interface ScoreMover {
  entityRef: string;
  name: string;
  title?: string;
  owner?: string;
  from: { score: number; level: string | null; scoredAt: Date };
  to: { score: number; level: string | null; scoredAt: Date };
  delta: number;
}

/** Last good facts of one source for one entity. */
export interface StoredFacts {
  source: string;
  facts: Fact[];
  etag?: string;
  observedAt: Date;
}

/** An entity claimed for scoring by one backend replica. */
export interface RefreshLease {
  entityRef: string;
  leaseOwner: string;
  fingerprint?: string;
}

/**
 * Persistence of scores, history, last good facts and refresh leases.
 */
export interface MaturityStore {
  /**
   * Writes a snapshot and makes it the entity's current score, atomically.
   * With `leaseOwner`, writes only while that owner still holds the entity's
   * lease, and throws {@link LeaseLostError} otherwise, so a replica whose
   * lease expired mid-scoring cannot add a duplicate snapshot. With
   * `release` too, the lease ends and the next refresh is scheduled in the
   * same transaction (one commit per entity instead of two).
   */
  saveScore(
    record: ScoreRecord,
    options?: {
      leaseOwner?: string;
      release?: { nextDueAt: Date; fingerprint?: string };
    },
  ): Promise<StoredScore>;
  getScore(entityRef: string): Promise<StoredScore | undefined>;
  listScores(query: ScoreQuery): Promise<ScorePage>;
  getHistory(
    entityRef: string,
    options?: { since?: Date; limit?: number },
  ): Promise<ScoreSnapshot[]>;
  /** The distinct values the overview's filters can take (among `query.entityRefs` when given). */
  facets(query?: Pick<ScoreQuery, 'entityRefs'>): Promise<ScoreFacets>;
  /** How many entities (matching the filters) sit at each level; `none` below the first. */
  levelDistribution(query: ScoreQuery): Promise<Record<string, number>>;
  /**
   * The biggest score changes since `since`: each entity's current score
   * against its last snapshot at or before `since` (entities scored only
   * after `since` are compared with their first snapshot).
   */
  movers(
    query: ScoreQuery,
    options: { since: Date; limit: number },
  ): Promise<ScoreMover[]>;
  /** Removes snapshots older than `before`, always keeping each entity's newest. */
  pruneSnapshots(before: Date): Promise<number>;
  /** Forgets an entity that left the catalog (its history included). */
  deleteEntity(entityRef: string): Promise<void>;

  saveFacts(entityRef: string, facts: StoredFacts): Promise<void>;
  getFacts(entityRef: string): Promise<StoredFacts[]>;

  /** The input fingerprint each entity was last scored with. */
  getFingerprints(): Promise<Map<string, string | undefined>>;
  /** Makes entities due at `dueAt` (e.g. now, because they changed). */
  markDue(entityRefs: string[], dueAt: Date): Promise<void>;
  /** Makes sure each entity has a refresh state; new ones are due first. */
  registerEntities(entityRefs: string[], now: Date): Promise<void>;
  /**
   * Claims up to `limit` due entities for `leaseOwner` until `leaseUntil`.
   * Never hands the same entity to two owners while a lease is live.
   */
  claimDue(options: {
    leaseOwner: string;
    limit: number;
    now: Date;
    leaseUntil: Date;
  }): Promise<RefreshLease[]>;
  /**
   * Tells the database's query planner about the tables' current sizes
   * (VACUUM ANALYZE on PostgreSQL, PRAGMA optimize on SQLite), after a run changed
   * many rows: right after a first refresh the planner would otherwise
   * still plan for empty tables and sort every row for each page.
   */
  refreshStatistics(): Promise<void>;
  /** Claims one entity now, for on-demand refresh; undefined if leased. */
  claimOne(options: {
    entityRef: string;
    leaseOwner: string;
    now: Date;
    leaseUntil: Date;
  }): Promise<RefreshLease | undefined>;
  /** Ends a lease and schedules the next refresh. */
  release(options: {
    entityRef: string;
    leaseOwner: string;
    nextDueAt: Date;
    fingerprint?: string;
    error?: string;
  }): Promise<void>;
}

/** Thrown by saveScore when the writer no longer holds the entity's lease. */
export class LeaseLostError extends Error {
  readonly name = 'LeaseLostError';
}
