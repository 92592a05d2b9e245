import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Rubric,
  ScoreFacetsResponse,
  ScoreListQuery,
  ScoreListResponse,
  ScoreMoverResponse,
} from '@roadmap/plugin-maturity-common';
import type { MaturityApi } from './MaturityApi';

/** Serialises a score query the way the backend's parser reads it. */
export function scoreQueryParams(query: ScoreListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      for (const v of value) params.append(key, v);
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}

/**
 * Default {@link MaturityApi}: calls the backend through Backstage's
 * discovery and authenticated fetch.
 *
 * @public
 */
export class MaturityClient implements MaturityApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getRubric(): Promise<Rubric> {
    return this.#get<Rubric>('/rubric');
  }

  async listScores(query: ScoreListQuery): Promise<ScoreListResponse> {
    return this.#get(`/scores?${scoreQueryParams(query)}`);
  }

  async getFacets(): Promise<ScoreFacetsResponse> {
    return this.#get('/facets');
  }

  async getLevelDistribution(
    query: ScoreListQuery,
  ): Promise<Record<string, number>> {
    const { offset: _o, limit: _l, orderBy: _b, order: _d, ...filters } = query;
    const body = await this.#get<{ levels: Record<string, number> }>(
      `/levels?${scoreQueryParams(filters)}`,
    );
    return body.levels;
  }

  async getMovers(
    query: ScoreListQuery,
    days: number,
  ): Promise<{ since: string; items: ScoreMoverResponse[] }> {
    const { offset: _o, limit: _l, orderBy: _b, order: _d, ...filters } = query;
    const params = scoreQueryParams(filters);
    params.set('days', String(days));
    params.set('limit', '10');
    return this.#get(`/movers?${params}`);
  }

  async #get<T>(path: string): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('maturity');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
