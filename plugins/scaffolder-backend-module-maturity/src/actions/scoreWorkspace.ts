import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  createEvaluator,
  defaultRubric,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import {
  detectRepositoryFacts,
  FileSystemRepositoryTree,
} from '@roadmap/plugin-maturity-node';

/**
 * `maturity:workspace:score`: scores the files in the template's workspace
 * with the repository detectors and the rubric, so a template can show (or
 * require) the level a repository reaches — e.g. a golden-path service
 * checked before it is published, or a fetched repository before a fix.
 *
 * @public
 */
export function createScoreWorkspaceAction(options: { rubric?: Rubric } = {}) {
  const rubric = options.rubric ?? defaultRubric;
  const levels = rubric.levels.map(l => l.id);
  return createTemplateAction({
    id: 'maturity:workspace:score',
    description:
      'Scores the repository in the workspace against the maturity rubric (repository checks only) and outputs its level and failing checks.',
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string({
              description:
                'Folder inside the workspace to score; defaults to the workspace itself',
            })
            .default('.'),
        minLevel: z =>
          z
            .string({
              description: `Fail the step when the repository is below this level (${levels.join(
                ', ',
              )})`,
            })
            .optional(),
      },
      output: {
        level: z => z.string({ description: 'Level reached, or "none"' }),
        score: z =>
          z.number({ description: 'Score 0–100 over the repository checks' }),
        nextLevel: z =>
          z.string({ description: 'The next level, or "none" at the top' }),
        failingChecks: z =>
          z.array(z.string(), {
            description: 'Ids of repository checks that fail',
          }),
      },
    },
    async handler(ctx) {
      if (ctx.input.minLevel && !levels.includes(ctx.input.minLevel)) {
        throw new InputError(
          `minLevel "${
            ctx.input.minLevel
          }" is not a level; levels are ${levels.join(', ')}`,
        );
      }
      // Refuses `..` and absolute paths that would leave the workspace.
      const dir = resolveSafeChildPath(ctx.workspacePath, ctx.input.path);
      const now = new Date();
      const { facts } = await detectRepositoryFacts(
        new FileSystemRepositoryTree(dir),
        { now },
      );
      const score = createEvaluator(rubric).evaluate({
        facts,
        now,
        availableSources: ['repository'],
      });
      const failingChecks = score.results
        .filter(r => r.status === 'fail')
        .map(r => r.checkId);
      ctx.logger.info(
        `Maturity of ${ctx.input.path}: ${score.level ?? 'no level'} (${
          score.score
        }/100); ${failingChecks.length} repository checks fail`,
      );
      ctx.output('level', score.level ?? 'none');
      ctx.output('score', score.score);
      ctx.output('nextLevel', score.nextLevel ?? 'none');
      ctx.output('failingChecks', failingChecks);
      if (
        ctx.input.minLevel &&
        levels.indexOf(score.level ?? '') < levels.indexOf(ctx.input.minLevel)
      ) {
        throw new Error(
          `The repository reaches ${
            score.level ?? 'no level'
          }, below the required ${
            ctx.input.minLevel
          }; failing: ${failingChecks.join(', ')}`,
        );
      }
    },
  });
}
