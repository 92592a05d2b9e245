import type {
  CampaignBurnUpResponse,
  CampaignPhase,
  Rubric,
} from '@roadmap/plugin-maturity-common';
import type { CampaignMember } from '../database/CampaignStore';
import type { StandingPoint } from '../database/SnapshotStore';
import { phaseJudge } from './phaseJudge';

const DAY_MS = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Services meeting each phase per day, from the history step function:
 * on each day a service counts with its last snapshot of that day (or
 * before), and only while it is a member of the scope.
 */
export function computeBurnUp(options: {
  phases: CampaignPhase[];
  rubric: Rubric;
  members: CampaignMember[];
  history: Map<string, StandingPoint[]>;
  /** The last day, YYYY-MM-DD (today). */
  until: string;
  days: number;
}): CampaignBurnUpResponse {
  const judges = options.phases.map(p => phaseJudge(p, options.rubric));
  const ranks = new Map(options.rubric.levels.map((l, i) => [l.id, i]));
  const lastDay = Date.parse(`${options.until}T00:00:00Z`);
  const dates = Array.from({ length: options.days }, (_, i) =>
    new Date(lastDay - (options.days - 1 - i) * DAY_MS)
      .toISOString()
      .slice(0, 10),
  );
  const days = dates.map(date => ({
    date,
    total: 0,
    met: options.phases.map(() => 0),
  }));
  for (const member of options.members) {
    const points = options.history.get(member.entityRef) ?? [];
    const joined = dayOf(member.joinedAt);
    const left = member.leftAt ? dayOf(member.leftAt) : undefined;
    let next = 0;
    let current: StandingPoint | undefined;
    for (let d = 0; d < dates.length; d++) {
      const date = dates[d];
      // The last point on or before the end of this day.
      while (next < points.length && dayOf(points[next].at) <= date) {
        current = points[next++];
      }
      // Members count from the day they joined (those in scope when the
      // campaign was first read count from its start).
      if (date < joined) continue;
      if (left && date >= left) continue;
      days[d].total += 1;
      if (!current) continue;
      const standing = {
        levelRank: current.level ? ranks.get(current.level) ?? -1 : -1,
        passed: current.passed,
      };
      judges.forEach((judge, p) => {
        if (judge.met(standing, date)) days[d].met[p] += 1;
      });
    }
  }
  return { days };
}
