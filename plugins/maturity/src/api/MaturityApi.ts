import { createApiRef } from '@backstage/frontend-plugin-api';
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

/**
 * Client of the maturity backend (`/api/maturity`).
 *
 * @public
 */
export interface MaturityApi {
  /** The effective rubric: the default one with the adopter's overrides. */
  getRubric(): Promise<Rubric>;
  /**
   * What proposed rubric overrides would do to the levels of the services
   * the caller may see, from stored facts; writes nothing. A 400 names the
   * bad key of an invalid proposal.
   */
  dryRunRubric(overrides: RubricDryRunRequest): Promise<RubricDryRunResponse>;
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

  /** Every campaign the caller may see, with its overall progress. */
  listCampaigns(): Promise<CampaignListResponse>;
  getCampaign(id: string): Promise<Campaign>;
  /** Needs `maturity.campaign.create`; a 400 names the field at fault. */
  createCampaign(input: CampaignInput): Promise<Campaign>;
  /**
   * Needs `maturity.campaign.update`. `version` is the one read: a 409
   * says someone else changed the campaign since.
   */
  updateCampaign(
    id: string,
    version: number,
    input: CampaignInput,
  ): Promise<Campaign>;
  /** Archives a campaign; its history is kept. */
  archiveCampaign(id: string, version: number): Promise<Campaign>;
  /** Per phase, team and service: who meets what, and the forecast. */
  getCampaignProgress(id: string): Promise<CampaignProgressResponse>;
  /** Services meeting each phase per day, over the last `days` days. */
  getCampaignBurnUp(id: string, days: number): Promise<CampaignBurnUpResponse>;
  /** A roadmap document (Markdown) proposed as a campaign, for review. */
  importRoadmap(body: {
    markdown: string;
    startsOn: string;
  }): Promise<RoadmapImportResponse>;
  /** The active and scheduled campaigns an entity is in. */
  getEntityCampaigns(entityRef: string): Promise<EntityCampaignsResponse>;

  /** Exemption requests of entities the caller may see, newest first. */
  listExemptionRequests(filter?: {
    status?: ExemptionRequestStatus;
    entityRef?: string;
  }): Promise<ExemptionRequest[]>;
  /** Needs `maturity.exemption.request` on the entity. */
  requestExemption(body: {
    entityRef: string;
    checkId: string;
    reason: string;
    expires: string;
  }): Promise<ExemptionRequest>;
  /** Needs `maturity.exemption.approve`. */
  decideExemptionRequest(
    id: string,
    decision: 'approve' | 'deny' | 'revoke',
    options?: { comment?: string },
  ): Promise<ExemptionRequest>;
}

/**
 * API reference for {@link MaturityApi}.
 *
 * @public
 */
export const maturityApiRef = createApiRef<MaturityApi>({
  id: 'plugin.maturity.api',
});
