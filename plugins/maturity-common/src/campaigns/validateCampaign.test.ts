import { defaultRubric } from '../rubric/defaultRubric';
import { validateCampaign } from './campaignInputSchema';

const valid = {
  title: 'Silver by March',
  owner: 'group:default/platform',
  scope: { owners: ['group:default/payments'], lifecycles: ['production'] },
  startsOn: '2026-12-01',
  phases: [
    {
      title: 'CI/CD first',
      dueDate: '2027-01-15',
      target: { checks: ['ci.pipeline', 'ci.tests'] },
    },
    {
      title: 'Then Silver',
      dueDate: '2027-03-31',
      target: { level: 'silver' },
    },
  ],
};
const check = (input: unknown, isNew = true) =>
  validateCampaign(input, {
    rubric: defaultRubric,
    today: '2026-12-01',
    isNew,
  });

describe('validateCampaign', () => {
  it('accepts a campaign with ordered phases over a non-empty scope', () => {
    expect(check(valid)).toMatchObject({
      issues: [],
      campaign: { title: 'Silver by March' },
    });
  });

  it.each([
    [
      { phases: [valid.phases[1], valid.phases[0]] },
      'phases[1].dueDate',
      'must be in order',
    ],
    [
      { phases: [{ ...valid.phases[0], dueDate: '2026-11-01' }] },
      'phases[0].dueDate',
      'is in the past',
    ],
    [{ scope: {} }, 'scope', 'the scope is empty'],
    [
      { phases: [{ ...valid.phases[0], target: { checks: ['ci.nope'] } }] },
      'phases[0].target.checks[0]',
      '"ci.nope" is not a check',
    ],
    [
      { phases: [{ ...valid.phases[1], target: { level: 'platinum' } }] },
      'phases[0].target.level',
      '"platinum" is not a level',
    ],
    [{ owner: 'user:default/jane' }, 'owner', 'must be a Group'],
    [{ phases: [] }, 'phases', 'at least one phase'],
    [{ startsOn: '2026-02-30' }, 'startsOn', 'not a calendar date'],
    [{ title: '' }, 'title', 'title is required'],
    [{ colour: 'red' }, '', 'unknown key "colour"'],
  ])('names the field of %j', (change, path, message) => {
    const result = check({ ...valid, ...change });
    expect('campaign' in result).toBe(false);
    expect(result.issues).toContainEqual({
      path,
      message: expect.stringContaining(message),
    });
  });

  it('lets an existing campaign keep phases whose due date has passed', () => {
    const old = {
      ...valid,
      startsOn: '2026-01-01',
      phases: [{ ...valid.phases[0], dueDate: '2026-06-01' }],
    };
    expect(check(old, false).issues).toEqual([]);
    expect(check(old, true).issues).not.toEqual([]);
  });
});
