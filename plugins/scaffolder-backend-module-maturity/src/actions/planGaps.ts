import {
  type BackstageCredentials,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  FileSystemRepositoryTree,
  type MaturityRubricService,
  planRemediation,
  remediationServiceOf,
} from '@roadmap/plugin-maturity-node';
import { createHash } from 'node:crypto';
import { pullRequestTarget } from '../plan/pullRequestTarget';
import { repositoryCheckFor } from '../plan/repositoryCheckFor';

/** Branch names: a prefix of safe characters. */
const BRANCH_PREFIX = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,80}$/;

function branchName(prefix: string, checkIds: string[]): string {
  if (checkIds.length === 0) return prefix;
  const digest = createHash('sha256')
    .update([...checkIds].sort().join(','))
    .digest('hex')
    .slice(0, 8);
  return `${prefix}-${digest}`;
}

/**
 * `maturity:gaps:plan`: looks at a service's checkout (fetched earlier in
 * the template) and plans the files that close its failing checks, in the
 * repository's own stack and conventions, with the pull request's title,
 * body and a stable branch name (so running it again updates the same pull
 * request).
 *
 * @public
 */
export function createPlanGapsAction(options: {
  catalog: CatalogService;
  integrations: ScmIntegrationRegistry;
  /** The effective rubric (`maturityRubricServiceRef`): only its checks are planned. */
  rubric: MaturityRubricService;
}) {
  return createTemplateAction({
    id: 'maturity:gaps:plan',
    description:
      'Plans the files that close the failing maturity checks of a service, from its repository checkout in the workspace.',
    supportsDryRun: true,
    examples: [
      {
        description: 'Plan the monitoring pieces a service is missing',
        example: [
          'steps:',
          '  - id: plan',
          '    action: maturity:gaps:plan',
          '    input:',
          '      entityRef: component:default/checkout-web',
          '      path: ./repository',
          '      checks: [obs.metrics, obs.alerts, obs.dashboards]',
          '      branchPrefix: maturity/monitoring',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        entityRef: z =>
          z.string({
            description:
              'The catalog entity whose repository is checked out, e.g. component:default/payments-api',
          }),
        path: z =>
          z
            .string({
              description:
                'Folder of the workspace holding the checkout (from fetch:plain); defaults to the workspace',
            })
            .default('.'),
        checks: z =>
          z
            .array(z.string(), {
              description:
                'Check ids to fix; empty means every failing check that can be generated',
            })
            .default([]),
        branchPrefix: z =>
          z
            .string({
              description:
                'Prefix of the pull request branch; the same checks give the same branch, so a re-run updates its pull request',
            })
            .default('maturity/fix'),
      },
      output: {
        checks: z =>
          z.array(z.string(), { description: 'Ids of the checks fixed' }),
        skipped: z =>
          z.array(z.object({ id: z.string(), reason: z.string() }), {
            description: 'Requested checks that are not fixed, and why',
          }),
        files: z =>
          z.array(
            z.object({
              path: z.string(),
              content: z.string(),
              action: z.enum(['create', 'update']),
              diff: z.string().optional(),
            }),
            {
              description:
                'Files to write, relative to the repository root; an update carries its unified diff',
            },
          ),
        unvalidated: z =>
          z.array(z.string(), {
            description:
              'Validators that could not run on this backend (their program is not installed), with the reason',
          }),
        title: z => z.string({ description: 'Pull request title' }),
        body: z => z.string({ description: 'Pull request body (Markdown)' }),
        branchName: z => z.string({ description: 'Pull request branch' }),
        repoUrl: z =>
          z.string({
            description: 'The repository, as publish actions take it',
          }),
        provider: z =>
          z.string({ description: 'github, gitlab or another host type' }),
      },
    },
    async handler(ctx) {
      // The scaffolder does not apply schema defaults to step inputs.
      const input = {
        path: ctx.input.path ?? '.',
        checks: ctx.input.checks ?? [],
        branchPrefix: ctx.input.branchPrefix ?? 'maturity/fix',
      };
      if (!BRANCH_PREFIX.test(input.branchPrefix)) {
        throw new InputError(
          `branchPrefix "${input.branchPrefix}" is not a safe branch name: use letters, digits, ".", "_", "-" and "/"`,
        );
      }
      let ref: string;
      try {
        ref = stringifyEntityRef(
          parseEntityRef(ctx.input.entityRef, { defaultKind: 'component' }),
        );
      } catch (error) {
        throw new InputError(
          `entityRef "${ctx.input.entityRef}" is not an entity reference: ${
            (error as Error).message
          }`,
        );
      }
      const credentials: BackstageCredentials =
        await ctx.getInitiatorCredentials();
      const entity: Entity | undefined = await options.catalog.getEntityByRef(
        ref,
        { credentials },
      );
      if (!entity) throw new NotFoundError(`No catalog entity ${ref}`);
      const location =
        entity.metadata.annotations?.['backstage.io/source-location'];
      if (!location) {
        throw new InputError(
          `${ref} has no backstage.io/source-location annotation, so its repository is unknown`,
        );
      }
      const target = pullRequestTarget(location, options.integrations);
      // Refuses `..` and absolute paths that would leave the workspace.
      const dir = resolveSafeChildPath(ctx.workspacePath, input.path);
      const checkIds = [...new Set(input.checks.map(repositoryCheckFor))];

      const plan = await planRemediation({
        tree: new FileSystemRepositoryTree(dir),
        service: { ...remediationServiceOf(entity), sourceLocation: location },
        checkIds: checkIds.length > 0 ? checkIds : undefined,
        rubric: options.rubric.getRubric(),
      });
      for (const skipped of plan.skipped) {
        ctx.logger.warn(`Not fixing ${skipped.id}: ${skipped.reason}`);
      }
      ctx.logger.info(
        `Planned ${plan.files.length} files for ${plan.checks.length} checks of ${ref}`,
      );
      ctx.output(
        'checks',
        plan.checks.map(c => c.id),
      );
      ctx.output('skipped', plan.skipped);
      ctx.output(
        'files',
        plan.files.map(f => ({
          path: f.path,
          content: f.content,
          action: f.action,
          ...(f.diff ? { diff: f.diff } : {}),
        })),
      );
      ctx.output('unvalidated', plan.unvalidated);
      ctx.output('title', plan.pullRequest.title);
      ctx.output('body', plan.pullRequest.body);
      ctx.output(
        'branchName',
        branchName(
          input.branchPrefix,
          plan.checks.map(c => c.id),
        ),
      );
      ctx.output('repoUrl', target.repoUrl);
      ctx.output('provider', target.provider);
    },
  });
}
