import { servedRubric } from '../__testUtils__/mockMaturityApi';
import { emptyDraft, emptyPhase } from './campaignDraft';
import { campaignIssues } from './campaignIssues';
import { fieldLabel, issueAt, issuesByPath } from './issueMessages';

const options = { rubric: servedRubric, today: '2026-12-01', isNew: true };

describe('campaignIssues', () => {
  it('names each field of the wrong shape, as the API does', () => {
    const draft = emptyDraft('2026-12-01');
    draft.phases = [
      { ...emptyPhase(), title: 'CI', dueDate: '2027-02-01', level: '' },
      {
        ...emptyPhase(),
        title: 'x',
        dueDate: '2027-03-01',
        targetType: 'checks',
      },
    ];
    const issues = campaignIssues(draft, options);
    expect(issues.map(i => i.path)).toEqual([
      'title',
      'owner',
      'owner',
      'phases[0].target.level',
      'phases[1].target.checks',
    ]);
    expect(issuesByPath(issues).get('owner')).toBe('owner is required');
    expect(fieldLabel('phases[1].target.checks')).toBe('Phase 2 checks');
  });

  it('then checks order, past dates, unknown checks and an empty scope', () => {
    const draft = {
      ...emptyDraft('2026-12-01'),
      title: 'Silver',
      owner: 'group:default/platform',
    };
    draft.scope = { ...draft.scope, kinds: [], lifecycles: [] };
    draft.phases = [
      { ...emptyPhase('bronze'), title: 'CI', dueDate: '2027-02-01' },
      {
        ...emptyPhase(),
        title: 'Monitoring',
        dueDate: '2027-01-01',
        targetType: 'checks',
        checks: ['ci.pipeline', 'nope'],
      },
      { ...emptyPhase('silver'), title: 'Late', dueDate: '2026-11-01' },
    ];
    const byPath = issuesByPath(campaignIssues(draft, options));
    expect([...byPath.keys()]).toEqual([
      'scope',
      'phases[1].target.checks[1]',
      'phases[1].dueDate',
      'phases[2].dueDate',
    ]);
    expect(issueAt(byPath, 'phases[1].target')).toBe(
      '"nope" is not a check of the rubric',
    );
    expect(fieldLabel('phases[1].target.checks[1]')).toBe('Phase 2 checks');
    expect(fieldLabel('scope')).toBe('Scope');
  });

  it('accepts a valid campaign; an edit may keep a past due date', () => {
    const draft = {
      ...emptyDraft('2026-10-01'),
      title: 'Silver',
      owner: 'group:default/platform',
    };
    draft.phases = [
      { ...emptyPhase('bronze'), title: 'Bronze', dueDate: '2026-11-01' },
    ];
    expect(campaignIssues(draft, options)).toHaveLength(1);
    expect(campaignIssues(draft, { ...options, isNew: false })).toEqual([]);
  });
});
