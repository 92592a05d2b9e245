/**
 * What a phase asks of every service in scope: a level (and all below), or
 * an explicit set of checks.
 *
 * @public
 */
export type CampaignTarget = { level: string } | { checks: string[] };

/**
 * One step of a campaign, due on a date.
 *
 * @public
 */
export interface CampaignPhase {
  title: string;
  /** Last day of the phase, YYYY-MM-DD. */
  dueDate: string;
  target: CampaignTarget;
  /**
   * Before this day (YYYY-MM-DD) the phase's checks show as upcoming and do
   * not count: the grace period teams get to prepare.
   */
  enabledFrom?: string;
}

/**
 * Which entities a campaign is about. Every given list must match (each
 * matches any of its values); owners include their child groups.
 *
 * @public
 */
export interface CampaignScope {
  kinds?: string[];
  types?: string[];
  lifecycles?: string[];
  /** Group refs; a group's child groups are in scope too. */
  owners?: string[];
  /** System refs. */
  systems?: string[];
  tags?: string[];
}

/**
 * Where a campaign is in its life: a draft; published and waiting for its
 * start; running; met by every service in scope (last phase); or archived.
 *
 * @public
 */
export type CampaignState =
  | 'draft'
  | 'scheduled'
  | 'active'
  | 'completed'
  | 'archived';

/**
 * What an author writes: the campaign without what the backend keeps.
 *
 * @public
 */
export interface CampaignInput {
  title: string;
  description?: string;
  /** The Group that runs the campaign, e.g. `group:default/platform`. */
  owner: string;
  scope: CampaignScope;
  /** In order; due dates ascend. */
  phases: CampaignPhase[];
  /** First day of the campaign, YYYY-MM-DD. */
  startsOn: string;
  /** Published campaigns are scheduled, then active; drafts are not. */
  published?: boolean;
}

/**
 * A campaign as the API serves it.
 *
 * @public
 */
export interface Campaign extends CampaignInput {
  id: string;
  state: CampaignState;
  /** `config`: declared in app-config (`maturity.campaigns`), read-only. */
  source: 'database' | 'config';
  /** Increases with every change; send it back to update (409 if stale). */
  version: number;
  createdBy?: string;
  createdAt: string;
  updatedAt: string;
  archivedAt?: string;
}
