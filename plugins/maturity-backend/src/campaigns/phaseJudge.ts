import {
  type CampaignPhase,
  phaseChecks,
  type Rubric,
} from '@roadmap/plugin-maturity-common';

/** Where a service stands at some moment. */
export interface Standing {
  levelRank: number;
  passed: ReadonlySet<string>;
}

/**
 * A phase compiled once for judging many standings on many days: met when
 * the level is reached (level targets) or every check passes, is waived or
 * does not apply (check targets); before `enabledFrom` a phase is upcoming
 * and counts as met.
 */
export function phaseJudge(phase: CampaignPhase, rubric: Rubric) {
  const required = phaseChecks(phase, rubric);
  const rank =
    'level' in phase.target
      ? rubric.levels.findIndex(
          l => l.id === (phase.target as { level: string }).level,
        )
      : undefined;
  return {
    required,
    upcoming: (day: string) =>
      Boolean(phase.enabledFrom && day < phase.enabledFrom),
    met(standing: Standing, day: string): boolean {
      if (phase.enabledFrom && day < phase.enabledFrom) return true;
      if (rank !== undefined) return rank >= 0 && standing.levelRank >= rank;
      return required.every(id => standing.passed.has(id));
    },
    left(standing: Standing): string[] {
      return required.filter(id => !standing.passed.has(id));
    },
  };
}
