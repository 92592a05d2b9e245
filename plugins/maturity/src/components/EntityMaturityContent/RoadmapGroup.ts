import type { CheckResult } from '@roadmap/plugin-maturity-common';

/** One section of the roadmap tab: a level band or a pillar, and its checks. */
export interface RoadmapGroup {
  id: string;
  title: string;
  hint?: string;
  checks: CheckResult[];
}
