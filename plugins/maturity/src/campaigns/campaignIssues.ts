import {
  type CampaignIssue,
  type Rubric,
  validateCampaign,
} from '@roadmap/plugin-maturity-common';
import { type CampaignDraft, draftToInput } from './campaignDraft';

/**
 * What the campaign form checks before it sends: the API's own rules
 * (`validateCampaign`), so the form names the same fields with the same
 * messages as a 400 would. As there, the rules that need the rubric and
 * the calendar (order, past dates, unknown checks, empty scope) are checked
 * once the fields have the right shape.
 */
export function campaignIssues(
  draft: CampaignDraft,
  options: { rubric: Rubric; today: string; isNew: boolean },
): CampaignIssue[] {
  return validateCampaign(draftToInput(draft), options).issues;
}
