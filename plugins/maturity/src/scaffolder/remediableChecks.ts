import type { CheckResult, Rubric } from '@roadmap/plugin-maturity-common';

/** A failing check that "Fix it" can write the fix for. */
export interface RemediableCheck {
  id: string;
  title: string;
  pillar: string;
  level: string;
  message: string;
}

/**
 * The entity's failing checks that a generator can fix, in rubric order,
 * plus any requested ones (from the Fix it link) the score does not list as
 * failing, so a pre-selection is never silently dropped.
 */
export function remediableChecks(
  results: CheckResult[],
  rubric: Rubric | undefined,
  requested: string[],
): RemediableCheck[] {
  const order = new Map(rubric?.checks.map((c, i) => [c.id, i]) ?? []);
  const failing = results
    .filter(
      r => r.status === 'fail' && r.remediation?.generator && !r.exemption,
    )
    .map(r => ({
      id: r.checkId,
      title: r.title,
      pillar: r.pillar,
      level: r.level,
      message: r.message,
    }));
  const known = new Set(failing.map(c => c.id));
  for (const id of requested) {
    if (known.has(id)) continue;
    const check = rubric?.checks.find(c => c.id === id);
    failing.push({
      id,
      title: check?.title ?? id,
      pillar: check?.pillar ?? '',
      level: check?.level ?? '',
      message: 'Requested; not failing in the latest score.',
    });
  }
  return failing.sort(
    (a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity),
  );
}
