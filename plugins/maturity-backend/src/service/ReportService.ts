import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  renderGroupRoadmapMarkdown,
  renderRoadmapMarkdown,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import type { ScoreService } from './ScoreService';

type Options = { credentials: BackstageCredentials };

/**
 * Markdown roadmap reports for one entity or one team, from stored scores.
 */
export class ReportService {
  constructor(
    private readonly deps: { scores: ScoreService; rubric: Rubric },
  ) {}

  async entityReport(entityRef: string, options: Options): Promise<string> {
    const score = await this.deps.scores.get(entityRef, options);
    const { detail } = score;
    return renderRoadmapMarkdown({
      title: score.title ?? score.name,
      level: score.level,
      nextLevel: score.nextLevel,
      score: score.score,
      pillars: score.pillars,
      rubric: this.deps.rubric,
      scoredAt: score.scoredAt,
      results: detail.results.map(r => ({
        ...r,
        docs: r.remediation?.docs,
      })),
      nextSteps: detail.nextSteps.map(s => ({
        ...s,
        docs: s.remediation?.docs,
      })),
    });
  }

  async groupReport(
    groupRef: string,
    options: Options & { since?: Date },
  ): Promise<string> {
    const rollup = await this.deps.scores.group(groupRef, options);
    const since = options.since;
    const movers = since
      ? await this.deps.scores.movers(
          { owners: [rollup.group.entityRef] },
          { since, limit: 500 },
          options,
        )
      : [];
    const services = await Promise.all(
      rollup.services.map(async s => {
        const { detail } = await this.deps.scores.get(s.entityRef, options);
        const moved = movers.find(m => m.entityRef === s.entityRef);
        return {
          entityRef: s.entityRef,
          title: s.title ?? s.name,
          score: s.score,
          level: s.level,
          nextLevel: s.nextLevel,
          pillars: s.pillars,
          nextSteps: detail.nextSteps.map(n => ({
            checkId: n.checkId,
            title: n.title,
            quickWin: n.quickWin,
          })),
          delta: since ? moved?.delta ?? 0 : undefined,
        };
      }),
    );
    return renderGroupRoadmapMarkdown({
      title: rollup.group.title ?? rollup.group.entityRef,
      rubric: this.deps.rubric,
      services,
      since: since?.toISOString(),
    });
  }
}
