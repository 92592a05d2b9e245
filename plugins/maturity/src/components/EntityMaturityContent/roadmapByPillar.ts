import type { CheckResult, Rubric } from '@roadmap/plugin-maturity-common';
import type { RoadmapGroup } from './RoadmapGroup';

/**
 * The roadmap by pillar, in the rubric's order; pillars without an
 * applicable check are left out.
 */
export function roadmapByPillar(
  rubric: Pick<Rubric, 'pillars'>,
  score: { detail: { results: CheckResult[] } },
): RoadmapGroup[] {
  return rubric.pillars
    .map(p => ({
      id: p.id,
      title: p.title,
      hint: p.description,
      checks: score.detail.results.filter(
        r => r.pillar === p.id && r.status !== 'not-applicable',
      ),
    }))
    .filter(group => group.checks.length > 0);
}
