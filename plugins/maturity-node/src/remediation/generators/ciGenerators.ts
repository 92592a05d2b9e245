import type {
  GeneratorResult,
  RemediationContext,
  RemediationGenerator,
} from '../RemediationGenerator';
import { extendGitlabPipeline } from '../ci/gitlabPipeline';
import {
  freeWorkflowPath,
  imageJob,
  testJob,
  workflow,
} from '../ci/githubWorkflow';
import { buildStack } from '../stack/buildStack';
import { containerImageFiles } from './containerImageGenerator';

const passes = (context: RemediationContext, check: string) =>
  context.facts.get(`repository.${check}`)?.value === true;

function unsupportedCi(
  context: RemediationContext,
): GeneratorResult | undefined {
  if (context.profile.ci === 'other')
    return {
      skipped: `CI runs on ${
        context.profile.otherCi ?? 'another system'
      }; only GitHub Actions and GitLab CI pipelines are generated: add the stage to that pipeline`,
    };
  return undefined;
}

function noStack(): GeneratorResult {
  return {
    skipped:
      'no build tool recognised (npm, yarn, pnpm, pip, poetry, maven, gradle, go, cargo), so the build and test commands are unknown',
  };
}

/** Test (and image) jobs for a repository, in its CI system. */
async function pipelineFiles(
  context: RemediationContext,
  want: { tests: boolean; image: boolean },
): Promise<GeneratorResult> {
  const unsupported = unsupportedCi(context);
  if (unsupported) return unsupported;
  const stack = buildStack(context.profile);
  if (want.tests && !stack) return noStack();
  // An image needs a Dockerfile: add one for the stack when there is none.
  const container =
    want.image && !passes(context, 'infra.container')
      ? await containerImageFiles(context)
      : undefined;
  if (container && 'skipped' in container) return container;
  const extra = container?.files ?? [];

  if (context.profile.ci === 'gitlab-ci') {
    const jobs: Record<string, Record<string, unknown>> = {};
    if (want.tests && stack)
      jobs.test = {
        stage: 'test',
        image: stack.gitlabImage,
        script: [...stack.install, ...stack.test],
      };
    if (want.image)
      jobs['build-image'] = {
        stage: 'build',
        image: {
          name: 'gcr.io/kaniko-project/executor:debug',
          entrypoint: [''],
        },
        script: [
          '/kaniko/executor --context "$CI_PROJECT_DIR" --dockerfile "$CI_PROJECT_DIR/Dockerfile" --destination "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"',
        ],
        rules: [{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }],
      };
    const file = await extendGitlabPipeline(context.tree, { jobs });
    return {
      files: [
        ...extra,
        {
          ...file,
          description: [
            want.tests ? 'a test job' : '',
            want.image
              ? 'a job that builds the image with Kaniko and pushes it to the GitLab registry'
              : '',
          ]
            .filter(Boolean)
            .join(' and ')
            .replace(/^./, c => `Adds ${c}`)
            .concat(' to the GitLab pipeline.'),
        },
      ],
    };
  }

  const jobs: Record<string, unknown> = {};
  if (want.tests && stack) jobs.test = testJob(stack);
  if (want.image)
    jobs.image = {
      ...(want.tests && stack ? { needs: 'test' } : {}),
      ...imageJob(context.profile),
    };
  const name = want.tests ? 'ci' : 'image';
  return {
    files: [
      ...extra,
      {
        path: await freeWorkflowPath(context.tree, name),
        content: workflow(want.tests ? 'CI' : 'Image', jobs),
        action: 'create',
        description: [
          want.tests && stack
            ? `runs \`${stack.test.join(' && ')}\` on every pull request`
            : '',
          want.image
            ? `builds the container image and pushes it to ${context.profile.registry} on main`
            : '',
        ]
          .filter(Boolean)
          .join(', and ')
          .replace(/^/, 'A GitHub Actions workflow that ')
          .concat('.'),
      },
    ],
  };
}

const runnable = (context: RemediationContext) =>
  !context.service.type ||
  ['service', 'website'].includes(context.service.type);

/**
 * Generators for the CI checks: a pipeline that tests, and builds and
 * publishes the image, for the repository's build tool and CI system.
 *
 * @public
 */
export function ciGenerators(): RemediationGenerator[] {
  return [
    {
      checkId: 'ci.pipeline',
      generate: context =>
        pipelineFiles(context, {
          tests: true,
          image: runnable(context) && !passes(context, 'ci.container-build'),
        }),
    },
    {
      checkId: 'ci.tests',
      generate: context =>
        pipelineFiles(context, { tests: true, image: false }),
    },
    {
      checkId: 'ci.container-build',
      generate: context =>
        pipelineFiles(context, { tests: false, image: true }),
    },
    {
      checkId: 'ci.image-publish',
      generate: context =>
        pipelineFiles(context, { tests: false, image: true }),
    },
  ];
}
