import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { Rubric } from '@roadmap/plugin-maturity-common';
import type { CampaignService } from '../campaigns/CampaignService';
import type { RemediationPlanService } from '../service/RemediationPlanService';
import type { ScoreService } from '../service/ScoreService';
import { registerPlanningActions } from './planningActions';
import { registerScoreActions } from './scoreActions';

/**
 * Registers the plugin's actions with Backstage's actions registry, where
 * the MCP actions backend (and any other consumer) finds them as
 * `maturity:<name>`. They run on the services the REST API uses, with the
 * caller's credentials.
 */
export function registerMaturityActions(
  actions: ActionsRegistryService,
  deps: {
    scores: ScoreService;
    rubric: Rubric;
    remediation: RemediationPlanService;
    campaigns: CampaignService;
  },
) {
  registerScoreActions(actions, deps);
  registerPlanningActions(actions, deps);
}
