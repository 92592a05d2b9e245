import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  GroupRollupResponse,
  Rubric,
  ScoreDetailResponse,
  ScoreHistoryPoint,
  ScoreFacetsResponse,
  ScoreListQuery,
  ScoreListResponse,
  ScoreMoverResponse,
} from '@roadmap/plugin-maturity-common';

/**
 * Client of the maturity backend (`/api/maturity`).
 *
 * @public
 */
export interface MaturityApi {
  /** The effective rubric: the default one with the adopter's overrides. */
  getRubric(): Promise<Rubric>;
  /** A filtered, sorted page of current scores. */
  listScores(query: ScoreListQuery): Promise<ScoreListResponse>;
  /** The values the overview's filters can take. */
  getFacets(): Promise<ScoreFacetsResponse>;
  /** How many entities matching the filters sit at each level. */
  getLevelDistribution(query: ScoreListQuery): Promise<Record<string, number>>;
  /** The biggest score changes over the last `days` days. */
  getMovers(
    query: ScoreListQuery,
    days: number,
    options?: { limit?: number },
  ): Promise<{ since: string; items: ScoreMoverResponse[] }>;
  /** One entity's score with results, evidence and next steps; undefined when it has not been scored (or may not be read). */
  getScore(entityRef: string): Promise<ScoreDetailResponse | undefined>;
  /** Snapshots of one entity's score, oldest first. */
  getHistory(
    entityRef: string,
    options?: { since?: Date },
  ): Promise<ScoreHistoryPoint[]>;
  /** Scores the entity now (needs `maturity.score.refresh`). */
  refreshScore(entityRef: string): Promise<ScoreDetailResponse>;
  /** A team's services and their levels. */
  getGroupRollup(groupRef: string): Promise<GroupRollupResponse>;
  /** The Markdown roadmap report of an entity. */
  getEntityReport(entityRef: string): Promise<string>;
  /** The Markdown roadmap report of a team, with progress since a date. */
  getGroupReport(groupRef: string, options?: { since?: Date }): Promise<string>;
}

/**
 * API reference for {@link MaturityApi}.
 *
 * @public
 */
export const maturityApiRef = createApiRef<MaturityApi>({
  id: 'plugin.maturity.api',
});
