import type {
  GroupRollupResponse,
  ScoreSummary,
} from '@roadmap/plugin-maturity-common';

const round = (n: number) => Math.round(n * 10) / 10;

/** A team's count, average, levels and average per pillar, over its services. */
export function summarizeGroup(
  services: ScoreSummary[],
): GroupRollupResponse['summary'] {
  const levels: Record<string, number> = {};
  const pillarSums: Record<string, { sum: number; n: number }> = {};
  for (const s of services) {
    const level = s.level ?? 'none';
    levels[level] = (levels[level] ?? 0) + 1;
    for (const [pillar, value] of Object.entries(s.pillars)) {
      const acc = (pillarSums[pillar] ??= { sum: 0, n: 0 });
      acc.sum += value;
      acc.n += 1;
    }
  }
  return {
    count: services.length,
    averageScore: services.length
      ? round(services.reduce((a, s) => a + s.score, 0) / services.length)
      : null,
    levels,
    pillars: Object.fromEntries(
      Object.entries(pillarSums).map(([p, { sum, n }]) => [p, round(sum / n)]),
    ),
  };
}
