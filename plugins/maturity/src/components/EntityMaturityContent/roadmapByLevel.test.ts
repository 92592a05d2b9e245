import type { CheckResult } from '@roadmap/plugin-maturity-common';
import { checkResult } from '../../__testUtils__/checkResult';
import { roadmapByLevel } from './roadmapByLevel';

const levels = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'silver', title: 'Silver' },
  { id: 'gold', title: 'Gold' },
];

function check(
  checkId: string,
  level: string,
  status: CheckResult['status'],
): CheckResult {
  return checkResult({ checkId, level, status });
}

const results = [
  check('b1', 'bronze', 'pass'),
  check('b2', 'bronze', 'exempt'),
  check('s1', 'silver', 'fail'),
  check('s2', 'silver', 'not-applicable'),
  check('g1', 'gold', 'unknown'),
];

const ids = (checks: CheckResult[]) => checks.map(c => c.checkId);

describe('roadmapByLevel', () => {
  it('puts the reached levels’ checks under done, the next level’s under next, the rest under later', () => {
    const [done, next, later] = roadmapByLevel(
      { levels },
      { level: 'bronze', detail: { results } },
    );
    expect(done).toMatchObject({
      id: 'done',
      hint: 'Levels reached, up to Bronze',
    });
    expect(ids(done.checks)).toEqual(['b1', 'b2']);
    expect(next).toMatchObject({
      title: 'Next: Silver',
      hint: 'Pass these to reach Silver',
    });
    // a check that does not apply is on no section
    expect(ids(next.checks)).toEqual(['s1']);
    expect(ids(later.checks)).toEqual(['g1']);
  });

  it('has nothing done and the first level next before any level is reached', () => {
    const [done, next, later] = roadmapByLevel(
      { levels },
      { level: null, detail: { results } },
    );
    expect(done.hint).toBe('No level reached yet');
    expect(done.checks).toEqual([]);
    expect(next.title).toBe('Next: Bronze');
    expect(ids(next.checks)).toEqual(['b1', 'b2']);
    expect(ids(later.checks)).toEqual(['s1', 'g1']);
  });

  it('has nothing next or later at the top level', () => {
    const [done, next, later] = roadmapByLevel(
      { levels },
      { level: 'gold', detail: { results } },
    );
    expect(ids(done.checks)).toEqual(['b1', 'b2', 's1', 'g1']);
    expect(next).toMatchObject({
      title: 'Next',
      hint: 'The top level is reached',
      checks: [],
    });
    expect(later.checks).toEqual([]);
  });
});
