import type { Campaign, CampaignPhase } from './Campaign';

/**
 * How one service stands against each phase of a campaign.
 *
 * @public
 */
export interface CampaignServiceProgress {
  entityRef: string;
  name: string;
  title?: string;
  owner?: string;
  /** The service's level now. */
  level: string | null;
  /**
   * Per phase, in order: met or not (a phase before its `enabledFrom` day is
   * upcoming and counts as met), the checks left and those waived.
   */
  phases: {
    met: boolean;
    upcoming: boolean;
    checksLeft: string[];
    exempt: string[];
  }[];
  /** When it entered the scope (first seen in it). */
  joinedAt?: string;
}

/**
 * How many services meet each phase, for a group of services.
 *
 * @public
 */
export interface CampaignTally {
  total: number;
  /** Per phase, in order. */
  met: number[];
}

/**
 * The projected completion of a phase from the observed rate.
 *
 * @public
 */
export interface CampaignForecast {
  /** Day the last service is projected to meet the phase; null without progress. */
  projectedDate: string | null;
  /** Services meeting the phase per day over the window. */
  ratePerDay: number;
  windowDays: number;
  /** Projected after the due date, or no progress while services are left. */
  atRisk: boolean;
}

/**
 * `GET /campaigns/:id/progress`.
 *
 * @public
 */
export interface CampaignProgressResponse {
  campaign: Campaign;
  /** The phase due next that is not met by every service, or null. */
  currentPhase: number | null;
  overall: CampaignTally;
  teams: ({ owner: string } & CampaignTally)[];
  services: CampaignServiceProgress[];
  /** Services that left the scope since the campaign started. */
  left: { entityRef: string; leftAt: string }[];
  /** Per phase, in order. */
  forecasts: CampaignForecast[];
}

/**
 * `GET /campaigns/:id/burnup?days=`: services meeting each phase per day.
 *
 * @public
 */
export interface CampaignBurnUpResponse {
  days: { date: string; total: number; met: number[] }[];
}

/**
 * `GET /campaigns`.
 *
 * @public
 */
export interface CampaignListResponse {
  items: (Campaign & { overall: CampaignTally; atRisk: boolean })[];
}

/**
 * One line of a roadmap document and what the import made of it.
 *
 * @public
 */
export interface RoadmapImportItem {
  /** 1-based line in the document. */
  line: number;
  text: string;
  /** The checks it maps to (empty when not mapped). */
  checks: string[];
  /** Why it is not mapped, or why it is not an action. */
  reason?: string;
}

/**
 * `POST /campaigns/import` (body `{ markdown, startsOn }`): a proposed
 * campaign for the author to review, and every item of the document with
 * what became of it.
 *
 * @public
 */
export interface RoadmapImportResponse {
  proposal: {
    title: string;
    description?: string;
    phases: (CampaignPhase & { items: RoadmapImportItem[] })[];
  };
  /** Actionable items no check observes, with the reason. */
  unmapped: RoadmapImportItem[];
  /** Lines that are not actions (status, rationale, estimates), with the reason. */
  ignored: RoadmapImportItem[];
}

/**
 * `GET /scores/:kind/:namespace/:name/campaigns`: the active and scheduled
 * campaigns an entity is in, and where it stands in each.
 *
 * @public
 */
export interface EntityCampaignsResponse {
  items: {
    campaign: Pick<Campaign, 'id' | 'title' | 'state' | 'owner'>;
    /** The phase due next that this entity does not meet, or null when it meets them all. */
    phase: (CampaignPhase & { index: number }) | null;
    met: boolean;
    upcoming: boolean;
    checksLeft: string[];
  }[];
}
