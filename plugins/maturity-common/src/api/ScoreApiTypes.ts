import type { CheckResult, NextStep } from '../types/Score';

/**
 * JSON shapes of the maturity backend's HTTP API (`/api/maturity`), shared
 * by the backend, the frontend client and other callers.
 */

/**
 * One entity's current score, without its check results.
 *
 * @public
 */
export interface ScoreSummary {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** Entity ref of the owner, e.g. `group:default/payments`. */
  owner?: string;
  /** Entity ref of the system, e.g. `system:default/checkout`. */
  system?: string;
  type?: string;
  lifecycle?: string;
  /** 0–100. */
  score: number;
  /** The level reached, or null below the first level. */
  level: string | null;
  /** Position of `level` in the rubric's level order, -1 for none. */
  levelRank: number;
  nextLevel: string | null;
  /** 0–100 per pillar id. */
  pillars: Record<string, number>;
  rubricHash: string;
  snapshotId: string;
  /** When this score was computed (its snapshot's time), ISO 8601. */
  scoredAt: string;
  /**
   * When a scoring last confirmed it, ISO 8601: later than `scoredAt` when
   * refreshes since found the same results (history keeps only changes).
   */
  confirmedAt?: string;
}

/**
 * `GET /scores`.
 *
 * @public
 */
export interface ScoreListResponse {
  items: ScoreSummary[];
  totalCount: number;
  offset: number;
  limit: number;
}

/**
 * One point of `GET /scores/:kind/:namespace/:name/history`.
 *
 * @public
 */
export interface ScoreHistoryPoint {
  id: string;
  entityRef: string;
  score: number;
  level: string | null;
  pillars: Record<string, number>;
  rubricHash: string;
  scoredAt: string;
}

/**
 * `GET /facets`: the values the overview's filters can take.
 *
 * @public
 */
export interface ScoreFacetsResponse {
  owners: string[];
  systems: string[];
  kinds: string[];
  types: string[];
  lifecycles: string[];
  levels: string[];
}

/**
 * One item of `GET /movers`.
 *
 * @public
 */
export interface ScoreMoverResponse {
  entityRef: string;
  name: string;
  title?: string;
  owner?: string;
  from: { score: number; level: string | null; scoredAt: string };
  to: { score: number; level: string | null; scoredAt: string };
  delta: number;
}

/**
 * Filters, sorting and paging accepted by `GET /scores`, `/levels` and
 * `/movers`.
 *
 * @public
 */
export interface ScoreListQuery {
  owner?: string[];
  system?: string[];
  kind?: string[];
  type?: string[];
  lifecycle?: string[];
  /** Level ids; `none` for entities below the first level. */
  level?: string[];
  /** `<pillar>:<min>:<max>`, e.g. `security:40:80`. */
  pillar?: string[];
  text?: string;
  orderBy?: 'score' | 'level' | 'name' | 'scoredAt';
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/**
 * Whether a source answered when the entity was last scored.
 *
 * @public
 */
export interface ScoreSourceStatus {
  source: string;
  status: 'ok' | 'error';
  message?: string;
  /** When this source last answered for the entity, if ever (ISO 8601). */
  lastGoodAt?: string;
}

/**
 * Every check's result with its evidence, the next steps and whether each
 * source answered, of one scoring.
 *
 * @public
 */
export interface ScoreDetail {
  results: CheckResult[];
  nextSteps: NextStep[];
  sources: ScoreSourceStatus[];
}

/**
 * `GET /scores/:kind/:namespace/:name`: the current score with every check's
 * result, its evidence and the next steps.
 *
 * @public
 */
export interface ScoreDetailResponse extends ScoreSummary {
  detail: ScoreDetail;
}

/**
 * `GET /groups/:namespace/:name`: a team's services and how far they are.
 *
 * @public
 */
export interface GroupRollupResponse {
  group: { entityRef: string; title?: string; memberOf?: string[] };
  services: ScoreSummary[];
  summary: {
    count: number;
    averageScore: number | null;
    levels: Record<string, number>;
    pillars: Record<string, number>;
  };
}

/**
 * `POST /remediation/plan` (body `{ entityRef, checks }`): what the pull
 * request of "Fix it" would contain, planned without writing anything.
 *
 * @public
 */
export interface RemediationPlanResponse {
  /** The checks the files fix, verified by re-running the detectors. */
  checks: { id: string; title: string; docs?: string }[];
  /** Requested checks that are not fixed, with a reason a person can act on. */
  skipped: { id: string; reason: string }[];
  files: {
    path: string;
    action: 'create' | 'update';
    content: string;
    /** For updates: a unified diff against the repository's file. */
    diff?: string;
    description: string;
  }[];
  pullRequest: { title: string; body: string };
  /** Validators that could not run where the plan was made, with the reason. */
  unvalidated: string[];
}
