import type {
  CampaignProgressResponse,
  CampaignServiceProgress,
} from '@roadmap/plugin-maturity-common';

/**
 * The services that entered the scope after the campaign started (a new
 * service, a changed owner or lifecycle), and those that left it. Before a
 * campaign starts nobody is tracked, so nothing has joined yet.
 */
export function scopeChanges(progress: CampaignProgressResponse): {
  joined: CampaignServiceProgress[];
  left: CampaignProgressResponse['left'];
} {
  const { campaign } = progress;
  if (campaign.state === 'draft' || campaign.state === 'scheduled') {
    return { joined: [], left: [] };
  }
  return {
    joined: progress.services.filter(
      s => s.joinedAt && s.joinedAt.slice(0, 10) > campaign.startsOn,
    ),
    left: progress.left,
  };
}
