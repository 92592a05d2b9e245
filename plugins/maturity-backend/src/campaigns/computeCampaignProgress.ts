import {
  type CampaignPhase,
  type CampaignProgressResponse,
  type CampaignServiceProgress,
  type CampaignTally,
  forecastCompletion,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import type { CampaignMember } from '../database/CampaignStore';
import type { CampaignStanding } from '../database/ScoreStore';
import { phaseJudge } from './phaseJudge';

/**
 * Where a campaign stands today: per phase, team and service, met or not
 * with the checks left; the phase due next that is not met by all; who left
 * the scope; and a forecast per phase from the burn-up series.
 */
export function computeCampaignProgress(options: {
  phases: CampaignPhase[];
  rubric: Rubric;
  standings: CampaignStanding[];
  members: CampaignMember[];
  today: string;
  /** Services meeting each phase per day, oldest first, ending today. */
  series: { date: string; total: number; met: number[] }[];
}): Omit<CampaignProgressResponse, 'campaign'> {
  const { phases, today } = options;
  const judges = phases.map(p => phaseJudge(p, options.rubric));
  const joined = new Map(options.members.map(m => [m.entityRef, m.joinedAt]));
  const tally = (): CampaignTally => ({ total: 0, met: phases.map(() => 0) });
  const overall = tally();
  const teams = new Map<string, CampaignTally>();

  const services: CampaignServiceProgress[] = options.standings.map(s => {
    const progress = judges.map(judge => {
      const met = judge.met(s, today);
      return {
        met,
        upcoming: judge.upcoming(today),
        checksLeft: met ? [] : judge.left(s),
        exempt: judge.required.filter(id => s.exempt.has(id)),
      };
    });
    const team = teams.get(s.owner ?? '') ?? tally();
    teams.set(s.owner ?? '', team);
    for (const t of [overall, team]) {
      t.total += 1;
      progress.forEach((p, i) => {
        if (p.met) t.met[i] += 1;
      });
    }
    return {
      entityRef: s.entityRef,
      name: s.name,
      title: s.title,
      owner: s.owner,
      level: s.level,
      phases: progress,
      joinedAt: joined.get(s.entityRef)?.toISOString(),
    };
  });

  const open = phases.findIndex((_, i) => overall.met[i] < overall.total);
  return {
    currentPhase: open < 0 ? null : open,
    overall,
    teams: [...teams]
      .map(([owner, t]) => ({ owner, ...t }))
      .sort((a, b) => a.owner.localeCompare(b.owner)),
    services,
    left: options.members
      .filter(m => m.leftAt)
      .map(m => ({ entityRef: m.entityRef, leftAt: m.leftAt!.toISOString() })),
    forecasts: phases.map((phase, i) =>
      forecastCompletion({
        series: options.series.map(d => ({
          date: d.date,
          met: d.met[i],
          total: d.total,
        })),
        dueDate: phase.dueDate,
      }),
    ),
  };
}
