import type { CheckResult } from '@roadmap/plugin-maturity-common';

// What needs doing first: failing, then not yet known, then what will count
// soon, then exempt, then done.
const STATUS_ORDER: CheckResult['status'][] = [
  'fail',
  'unknown',
  'upcoming',
  'exempt',
  'pass',
  'not-applicable',
];

/** The checks in the order a service owner works through them (stable). */
export function checksByStatus<T extends Pick<CheckResult, 'status'>>(
  checks: T[],
): T[] {
  return [...checks].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  );
}
