import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Rubric,
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
  ): Promise<{ since: string; items: ScoreMoverResponse[] }>;
}

/**
 * API reference for {@link MaturityApi}.
 *
 * @public
 */
export const maturityApiRef = createApiRef<MaturityApi>({
  id: 'plugin.maturity.api',
});
