import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  Campaign,
  CampaignBurnUpResponse,
  CampaignInput,
  CampaignListResponse,
  CampaignProgressResponse,
  EntityCampaignsResponse,
  ExemptionRequest,
  ExemptionRequestStatus,
  GroupRollupResponse,
  RoadmapImportResponse,
  Rubric,
  RubricDryRunRequest,
  RubricDryRunResponse,
  ScoreDetailResponse,
  ScoreHistoryPoint,
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

function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}

function groupPath(groupRef: string): string {
  const { namespace, name } = parseEntityRef(groupRef, {
    defaultKind: 'group',
  });
  return [namespace, name].map(encodeURIComponent).join('/');
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

  async dryRunRubric(
    overrides: RubricDryRunRequest,
  ): Promise<RubricDryRunResponse> {
    return this.#send('POST', '/rubric/dry-run', overrides);
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
    options: { limit?: number } = {},
  ): Promise<{ since: string; items: ScoreMoverResponse[] }> {
    const { offset: _o, limit: _l, orderBy: _b, order: _d, ...filters } = query;
    const params = scoreQueryParams(filters);
    params.set('days', String(days));
    params.set('limit', String(options.limit ?? 10));
    return this.#get(`/movers?${params}`);
  }

  async getScore(entityRef: string): Promise<ScoreDetailResponse | undefined> {
    // Revalidated on every read: the backend answers 304 from the ETag of
    // the stored score when it has not changed, and the browser's cache
    // gives the body.
    const response = await this.#fetch(`/scores/${entityPath(entityRef)}`, {
      allowNotFound: true,
      cache: 'no-cache',
    });
    return response
      ? ((await response.json()) as ScoreDetailResponse)
      : undefined;
  }

  async getHistory(
    entityRef: string,
    options: { since?: Date } = {},
  ): Promise<ScoreHistoryPoint[]> {
    const params = new URLSearchParams({ limit: '500' });
    if (options.since) params.set('since', options.since.toISOString());
    const body = await this.#get<{ items: ScoreHistoryPoint[] }>(
      `/scores/${entityPath(entityRef)}/history?${params}`,
    );
    return body.items;
  }

  async refreshScore(entityRef: string): Promise<ScoreDetailResponse> {
    const response = await this.#fetch(
      `/scores/${entityPath(entityRef)}/refresh`,
      { method: 'POST' },
    );
    return (await response!.json()) as ScoreDetailResponse;
  }

  async getGroupRollup(groupRef: string): Promise<GroupRollupResponse> {
    return this.#get(`/groups/${groupPath(groupRef)}`);
  }

  async getEntityReport(entityRef: string): Promise<string> {
    const response = await this.#fetch(
      `/scores/${entityPath(entityRef)}/report`,
    );
    return response!.text();
  }

  async getGroupReport(
    groupRef: string,
    options: { since?: Date } = {},
  ): Promise<string> {
    const params = new URLSearchParams();
    if (options.since) params.set('since', options.since.toISOString());
    const response = await this.#fetch(
      `/groups/${groupPath(groupRef)}/report?${params}`,
    );
    return response!.text();
  }

  async listCampaigns(): Promise<CampaignListResponse> {
    return this.#get('/campaigns');
  }

  async getCampaign(id: string): Promise<Campaign> {
    return this.#get(`/campaigns/${encodeURIComponent(id)}`);
  }

  async createCampaign(input: CampaignInput): Promise<Campaign> {
    return this.#send('POST', '/campaigns', input);
  }

  async updateCampaign(
    id: string,
    version: number,
    input: CampaignInput,
  ): Promise<Campaign> {
    return this.#send('PUT', `/campaigns/${encodeURIComponent(id)}`, {
      version,
      campaign: input,
    });
  }

  async archiveCampaign(id: string, version: number): Promise<Campaign> {
    return this.#send('POST', `/campaigns/${encodeURIComponent(id)}/archive`, {
      version,
    });
  }

  async getCampaignProgress(id: string): Promise<CampaignProgressResponse> {
    return this.#get(`/campaigns/${encodeURIComponent(id)}/progress`);
  }

  async getCampaignBurnUp(
    id: string,
    days: number,
  ): Promise<CampaignBurnUpResponse> {
    return this.#get(
      `/campaigns/${encodeURIComponent(id)}/burnup?${new URLSearchParams({
        days: String(days),
      })}`,
    );
  }

  async importRoadmap(body: {
    markdown: string;
    startsOn: string;
  }): Promise<RoadmapImportResponse> {
    return this.#send('POST', '/campaigns/import', body);
  }

  async getEntityCampaigns(
    entityRef: string,
  ): Promise<EntityCampaignsResponse> {
    return this.#get(`/scores/${entityPath(entityRef)}/campaigns`);
  }

  async listExemptionRequests(
    filter: { status?: ExemptionRequestStatus; entityRef?: string } = {},
  ): Promise<ExemptionRequest[]> {
    const params = new URLSearchParams();
    if (filter.status) params.set('status', filter.status);
    if (filter.entityRef) params.set('entityRef', filter.entityRef);
    const body = await this.#get<{ items: ExemptionRequest[] }>(
      `/exemption-requests?${params}`,
    );
    return body.items;
  }

  async requestExemption(body: {
    entityRef: string;
    checkId: string;
    reason: string;
    expires: string;
  }): Promise<ExemptionRequest> {
    return this.#send('POST', '/exemption-requests', body);
  }

  async decideExemptionRequest(
    id: string,
    decision: 'approve' | 'deny' | 'revoke',
    options: { comment?: string } = {},
  ): Promise<ExemptionRequest> {
    return this.#send(
      'POST',
      `/exemption-requests/${encodeURIComponent(id)}/${decision}`,
      options.comment ? { comment: options.comment } : {},
    );
  }

  async #get<T>(path: string): Promise<T> {
    const response = await this.#fetch(path);
    return (await response!.json()) as T;
  }

  async #send<T>(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
  ): Promise<T> {
    const response = await this.#fetch(path, { method, body });
    return (await response!.json()) as T;
  }

  async #fetch(
    path: string,
    options: {
      method?: string;
      allowNotFound?: boolean;
      body?: unknown;
      cache?: RequestCache;
    } = {},
  ): Promise<Response | undefined> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('maturity');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      ...(options.cache ? { cache: options.cache } : {}),
      ...(options.body === undefined
        ? {}
        : {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(options.body),
          }),
    });
    if (response.status === 404 && options.allowNotFound) return undefined;
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
