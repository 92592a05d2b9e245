import type { Rubric } from '../types/Check';
import type { CampaignPhase } from './Campaign';

/**
 * Where a service stands, as stored with its current score.
 *
 * @public
 */
export interface ServiceStanding {
  /** Rank of its level in the rubric's order, -1 for none. */
  levelRank: number;
  /** Checks it passes, has waived, or that do not apply. */
  passed: ReadonlySet<string>;
  /** Checks it has waived (a subset of `passed`). */
  exempt?: ReadonlySet<string>;
}

/**
 * The checks a phase requires: every check of the target level and the
 * levels below it (those that apply to this service show up in `passed` or
 * as left), or the phase's own checks.
 *
 * @public
 */
export function phaseChecks(phase: CampaignPhase, rubric: Rubric): string[] {
  if ('checks' in phase.target) return phase.target.checks;
  const rank = rubric.levels.findIndex(
    l => l.id === (phase.target as { level: string }).level,
  );
  const ranks = new Map(rubric.levels.map((l, i) => [l.id, i]));
  return rubric.checks
    .filter(c => (ranks.get(c.level) ?? Infinity) <= rank)
    .map(c => c.id);
}

/**
 * Whether a service meets a phase, and what is left. A level target is met
 * when the service has reached that level (the evaluator's verdict, which
 * leaves out checks whose source is not observed); a check target when
 * every check passes, is waived or does not apply. Before the phase's
 * `enabledFrom` day it counts as met: its checks are upcoming.
 *
 * @public
 */
export function phaseProgress(
  phase: CampaignPhase,
  standing: ServiceStanding,
  options: { rubric: Rubric; today: string },
): { met: boolean; upcoming: boolean; checksLeft: string[]; exempt: string[] } {
  const required = phaseChecks(phase, options.rubric);
  const checksLeft = required.filter(id => !standing.passed.has(id));
  const exempt = required.filter(id => standing.exempt?.has(id));
  const upcoming = Boolean(
    phase.enabledFrom && options.today < phase.enabledFrom,
  );
  let met: boolean;
  if (upcoming) {
    met = true;
  } else if ('level' in phase.target) {
    const target = phase.target.level;
    const rank = options.rubric.levels.findIndex(l => l.id === target);
    met = rank >= 0 && standing.levelRank >= rank;
  } else {
    met = checksLeft.length === 0;
  }
  // A level reached with checks of unobserved sources left out: nothing
  // the team can act on is left.
  return { met, upcoming, checksLeft: met ? [] : checksLeft, exempt };
}
