import { servedRubric } from '../../__testUtils__/mockMaturityApi';
import { campaignStripText } from './EntityCampaignStrip';

const campaign = {
  id: 'c1',
  title: 'Silver',
  state: 'active' as const,
  owner: 'group:default/platform',
};
const options = { rubric: servedRubric, today: '2027-03-17' };

describe('campaignStripText', () => {
  it('says the target, what is left and when it is due', () => {
    const phase = {
      index: 2,
      title: 'Security',
      dueDate: '2027-03-31',
      target: { level: 'silver' },
    };
    expect(
      campaignStripText(
        {
          campaign,
          phase,
          met: false,
          upcoming: false,
          checksLeft: ['a', 'b'],
        },
        options,
      ),
    ).toBe('Silver by 31 Mar 2027: 2 checks left, due in 14 days');
    expect(
      campaignStripText(
        {
          campaign,
          phase: { ...phase, target: { checks: ['a'] }, title: 'CI/CD' },
          met: false,
          upcoming: false,
          checksLeft: ['a'],
        },
        options,
      ),
    ).toBe('CI/CD by 31 Mar 2027: 1 check left, due in 14 days');
    expect(
      campaignStripText(
        {
          campaign,
          phase: { ...phase, enabledFrom: '2027-03-20' },
          met: true,
          upcoming: true,
          checksLeft: [],
        },
        options,
      ),
    ).toBe('Silver by 31 Mar 2027: upcoming, counts from 20 Mar 2027');
    expect(
      campaignStripText(
        { campaign, phase: null, met: true, upcoming: false, checksLeft: [] },
        options,
      ),
    ).toBe('every phase met');
  });
});
