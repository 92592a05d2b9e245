import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { Entity } from '@backstage/catalog-model';
import {
  createEvaluator,
  extractCatalogFacts,
  type Fact,
} from '@roadmap/plugin-maturity-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  detectRepositoryFacts,
  FileSystemRepositoryTree,
  type MaturityRubricService,
} from '@roadmap/plugin-maturity-node';

/**
 * The workspace's own catalog-info.yaml (its first Component), so a new
 * service is scored on its ownership and docs too.
 */
async function workspaceEntity(dir: string): Promise<Entity | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, 'catalog-info.yaml'), 'utf8');
  } catch {
    return undefined;
  }
  return parseAllDocuments(text)
    .flatMap(doc => (doc.errors.length ? [] : [doc.toJS() as Entity]))
    .find(e => e?.kind === 'Component' && e.metadata?.name);
}

function workspaceCatalogFacts(entity: Entity, now: Date): Fact[] {
  const owner = String(entity.spec?.owner ?? '');
  return extractCatalogFacts(entity, {
    now,
    // Without the catalog at hand, an owner written as group:… is a group.
    ownerIsGroup: owner.startsWith('group:'),
    file: 'catalog-info.yaml',
  });
}

/**
 * `maturity:workspace:score`: scores the files in the template's workspace
 * with the repository detectors and the rubric, so a template can show (or
 * require) the level a repository reaches — e.g. a golden-path service
 * checked before it is published, or a fetched repository before a fix.
 *
 * @public
 */
export function createScoreWorkspaceAction(options: {
  /** The effective rubric and exemptions (`maturityRubricServiceRef`). */
  rubric: MaturityRubricService;
}) {
  const rubric = options.rubric.getRubric();
  const levels = rubric.levels.map(l => l.id);
  return createTemplateAction({
    id: 'maturity:workspace:score',
    description:
      'Scores the repository in the workspace against the maturity rubric (repository checks, and catalog checks from its catalog-info.yaml) and outputs its level and failing checks.',
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
          z.number({
            description:
              'Score 0–100 over the repository checks (and catalog checks when the workspace has a catalog-info.yaml)',
          }),
        nextLevel: z =>
          z.string({ description: 'The next level, or "none" at the top' }),
        failingChecks: z =>
          z.array(z.string(), {
            description: 'Ids of the checks that fail',
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
      // The scaffolder does not apply schema defaults to step inputs.
      const where = ctx.input.path ?? '.';
      // Refuses `..` and absolute paths that would leave the workspace.
      const dir = resolveSafeChildPath(ctx.workspacePath, where);
      const now = new Date();
      const { facts } = await detectRepositoryFacts(
        new FileSystemRepositoryTree(dir),
        { now },
      );
      const entity = await workspaceEntity(dir);
      const catalogFacts = entity && workspaceCatalogFacts(entity, now);
      const score = createEvaluator(rubric).evaluate({
        entity,
        facts: [...facts, ...(catalogFacts ?? [])],
        now,
        exemptions: options.rubric.getExemptions(),
        availableSources: catalogFacts
          ? ['repository', 'catalog']
          : ['repository'],
      });
      const failingChecks = score.results
        .filter(r => r.status === 'fail')
        .map(r => r.checkId);
      ctx.logger.info(
        `Maturity of ${where}: ${score.level ?? 'no level'} (${
          score.score
        }/100); ${failingChecks.length} ${
          catalogFacts ? 'repository and catalog' : 'repository'
        } checks fail`,
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
