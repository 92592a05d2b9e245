import { testCampaignProgress } from '../__testUtils__/campaignFixtures';
import { servedRubric } from '../__testUtils__/mockMaturityApi';
import { campaignProgressToMarkdown } from './campaignProgressToMarkdown';

describe('campaignProgressToMarkdown', () => {
  it('reports phases with forecast, teams, what is left and scope changes', () => {
    const progress = testCampaignProgress();
    progress.services[1].title = 'Ledger <b>|</b>';
    const md = campaignProgressToMarkdown(progress, {
      rubric: servedRubric,
      today: '2026-12-01',
    });
    expect(md).toContain('# Payments and search reach Silver');
    expect(md).toContain(
      'State: **active** · owner platform · starts 2 Nov 2026 · 4 services in scope · as of 1 Dec 2026',
    );
    expect(md).toContain(
      '| 1 | CI/CD | pass 2 checks | 29 Jan 2027 | 3/4 (75%) | 10 Dec 2026 |',
    );
    expect(md).toContain(
      '| 2 | Monitoring | pass 2 checks | 31 Mar 2027 | 1/4 (25%) | 12 Apr 2027 — at risk |',
    );
    expect(md).toContain(
      '| 3 | Security | reach Silver | 28 May 2027 | 0/4 (0%) | no progress — at risk |',
    );
    expect(md).toContain(
      '| payments | 2 | 2/2 (100%) | 1/2 (50%) | 0/2 (0%) |',
    );
    // catalog text is escaped
    expect(md).toContain(
      '- **Ledger &lt;b&gt;\\|&lt;/b&gt;** (payments): phase 2 Monitoring — Prometheus metrics',
    );
    expect(md).toContain(
      '- **search-api** (search): phase 1 CI/CD — Automated tests in CI',
    );
    expect(md).toContain('- joined 20 Nov 2026: Search indexer');
    expect(md).toContain('- left 15 Nov 2026: legacy-billing');
  });

  it('lists no scope changes for a campaign that has not started', () => {
    const progress = testCampaignProgress();
    progress.campaign = { ...progress.campaign, state: 'scheduled' };
    const md = campaignProgressToMarkdown(progress, {
      rubric: servedRubric,
      today: '2026-12-01',
    });
    expect(md).not.toContain('## Scope changes');
  });
});
