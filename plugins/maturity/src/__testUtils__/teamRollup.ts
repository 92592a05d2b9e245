import type {
  GroupRollupResponse,
  ScoreSummary,
} from '@roadmap/plugin-maturity-common';

/**
 * The payments team's roll-up of the given services: their count and
 * levels counted, the rest of the summary as the test gives it.
 */
export function teamRollup(
  services: ScoreSummary[],
  summary: Partial<GroupRollupResponse['summary']> = {},
): GroupRollupResponse {
  const levels: Record<string, number> = {};
  for (const s of services) {
    levels[s.level ?? 'none'] = (levels[s.level ?? 'none'] ?? 0) + 1;
  }
  return {
    group: { entityRef: 'group:default/payments', title: 'Payments' },
    services,
    summary: {
      count: services.length,
      averageScore: null,
      levels,
      pillars: {},
      ...summary,
    },
  };
}
