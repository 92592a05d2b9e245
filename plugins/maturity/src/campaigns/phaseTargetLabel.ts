import type { CampaignPhase, Rubric } from '@roadmap/plugin-maturity-common';

/**
 * What a phase asks, in a few words: the level's title ("Silver"), or the
 * phase's own title for a set of checks ("CI/CD").
 */
export function phaseTargetLabel(
  phase: Pick<CampaignPhase, 'title' | 'target'>,
  rubric?: Pick<Rubric, 'levels'>,
): string {
  if ('level' in phase.target) {
    const id = phase.target.level;
    return rubric?.levels.find(l => l.id === id)?.title ?? id;
  }
  return phase.title;
}

/** The target spelled out: "reach Silver" or "pass 5 checks". */
export function phaseTargetDescription(
  phase: Pick<CampaignPhase, 'target'>,
  rubric?: Pick<Rubric, 'levels'>,
): string {
  if ('level' in phase.target) {
    const id = phase.target.level;
    return `reach ${rubric?.levels.find(l => l.id === id)?.title ?? id}`;
  }
  const n = phase.target.checks.length;
  return `pass ${n} check${n === 1 ? '' : 's'}`;
}
