import type {
  Rubric,
  RubricDryRunRequest,
} from '@roadmap/plugin-maturity-common';

/**
 * One change of the "What if" form: a check and the level, weight and
 * enabled state proposed for it (the weight as typed).
 */
export interface WhatIfChange {
  key: number;
  checkId: string;
  level: string;
  weight: string;
  enabled: boolean;
}

/** A change of `checkId` that proposes what the rubric has now. */
export function unchangedCheck(
  rubric: Rubric,
  checkId: string,
  key: number,
): WhatIfChange {
  const check = rubric.checks.find(c => c.id === checkId);
  return {
    key,
    checkId,
    level: check?.level ?? '',
    weight: check ? String(check.weight) : '',
    enabled: true,
  };
}

/**
 * The form's changes as rubric overrides (the shape of `maturity.rubric`):
 * each check with only the fields that differ from the rubric, and a
 * disabled check as `enabled: false` alone. Changes that change nothing
 * are left out.
 */
export function whatIfOverrides(
  rubric: Rubric,
  changes: WhatIfChange[],
): RubricDryRunRequest {
  const checks: NonNullable<RubricDryRunRequest['checks']> = [];
  for (const change of changes) {
    const check = rubric.checks.find(c => c.id === change.checkId);
    if (!check) continue;
    if (!change.enabled) {
      checks.push({ id: check.id, enabled: false });
      continue;
    }
    const override: NonNullable<RubricDryRunRequest['checks']>[number] = {
      id: check.id,
    };
    if (change.level && change.level !== check.level) {
      override.level = change.level;
    }
    const weight = Number(change.weight);
    if (change.weight.trim() !== '' && weight !== check.weight) {
      // Sent as typed: the backend's 400 names a weight out of range.
      override.weight = weight;
    }
    if (Object.keys(override).length > 1) checks.push(override);
  }
  return { checks };
}
