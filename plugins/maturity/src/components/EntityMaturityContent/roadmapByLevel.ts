import type {
  CheckResult,
  Rubric,
  ScoreDetailResponse,
} from '@roadmap/plugin-maturity-common';
import type { RoadmapGroup } from './RoadmapGroup';

/**
 * The roadmap by level: done (the checks of the levels reached), next (the
 * next level's) and later (the rest). Checks that do not apply are left out.
 */
export function roadmapByLevel(
  rubric: Pick<Rubric, 'levels'>,
  score: Pick<ScoreDetailResponse, 'level'> & {
    detail: { results: CheckResult[] };
  },
): RoadmapGroup[] {
  const rankOf = (level: string | null) =>
    rubric.levels.findIndex(l => l.id === level);
  const reached = score.level ? rankOf(score.level) : -1;
  const next = rubric.levels[reached + 1];
  const applicable = score.detail.results.filter(
    r => r.status !== 'not-applicable',
  );
  return [
    {
      id: 'done',
      title: 'Done',
      hint:
        reached >= 0
          ? `Levels reached, up to ${rubric.levels[reached].title}`
          : 'No level reached yet',
      checks: applicable.filter(r => rankOf(r.level) <= reached),
    },
    {
      id: 'next',
      title: next ? `Next: ${next.title}` : 'Next',
      hint: next
        ? `Pass these to reach ${next.title}`
        : 'The top level is reached',
      checks: applicable.filter(r => rankOf(r.level) === reached + 1),
    },
    {
      id: 'later',
      title: 'Later',
      hint: 'Higher levels',
      checks: applicable.filter(r => rankOf(r.level) > reached + 1),
    },
  ];
}
