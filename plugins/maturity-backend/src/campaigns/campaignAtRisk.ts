import type { CampaignProgressResponse } from '@roadmap/plugin-maturity-common';

/**
 * Whether an active campaign is at risk: a phase forecast to miss its date
 * while not every service meets it yet.
 */
export function campaignAtRisk(progress: CampaignProgressResponse): boolean {
  return (
    progress.campaign.state === 'active' &&
    progress.forecasts.some(
      (f, i) => f.atRisk && progress.overall.met[i] < progress.overall.total,
    )
  );
}
