import { testCampaignProgress } from '../__testUtils__/campaignFixtures';
import { campaignProgressToCsv } from './campaignProgressToCsv';

describe('campaignProgressToCsv', () => {
  it('has a row per service with each phase met, left and exempt, then who left', () => {
    const progress = testCampaignProgress();
    progress.services[0].title = '=HYPERLINK("x")';
    const lines = campaignProgressToCsv(progress).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'entity,title,owner,level,joined,phase 1: CI/CD (due 2027-01-29),phase 1 checks left,phase 1 exempt,phase 2: Monitoring (due 2027-03-31),phase 2 checks left,phase 2 exempt,phase 3: Security (due 2027-05-28),phase 3 checks left,phase 3 exempt',
    );
    // formula-like titles are defused
    expect(lines[1]).toBe(
      `component:default/payments-api,"'=HYPERLINK(""x"")",group:default/payments,bronze,2026-11-02,met,,,met,,obs.alerts,not met,sec.sast,`,
    );
    expect(lines[3]).toContain(',none,');
    expect(lines[5]).toMatch(
      /^component:default\/legacy-billing,,,,,left the scope 2026-11-15,,/,
    );
    expect(lines).toHaveLength(6);
  });
});
