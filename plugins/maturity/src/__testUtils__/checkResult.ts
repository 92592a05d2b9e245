import type { CheckResult } from '@roadmap/plugin-maturity-common';

/** A check result with only what a test is about set; the rest is blank. */
export function checkResult(
  result: Pick<CheckResult, 'checkId'> & Partial<CheckResult>,
): CheckResult {
  return {
    title: result.checkId,
    pillar: 'cicd',
    level: 'bronze',
    status: 'fail',
    message: '',
    evidence: [],
    effort: 'S',
    weight: 1,
    description: '',
    ...result,
  };
}
