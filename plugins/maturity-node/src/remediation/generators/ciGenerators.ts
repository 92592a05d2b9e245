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
import { extendOtherPipeline } from '../ci/otherPipeline';
import { pipelineSteps, type PipelineStep } from '../ci/PipelineStep';
import { stackOf } from '../stack/buildStack';
import {
  dockerBuildTarget,
  serviceRuntime,
  type ServiceRuntime,
} from '../stack/serviceRuntime';
import { containerImageFiles } from './containerImageGenerator';

const passes = (context: RemediationContext, check: string) =>
  context.facts.get(`repository.${check}`)?.value === true;

function noStack(): GeneratorResult {
  return {
    skipped:
      'no build tool recognised (npm, yarn, pnpm, pip, poetry, maven, gradle, go, cargo), so the build and test commands are unknown',
  };
}

/** The commands of the test job: the real tests, or a build when `tests` is not required and there are none. */
function testCommands(
  runtime: ServiceRuntime,
  requireTests: boolean,
): { run: string[]; name: string } | { skipped: string } {
  const stack = stackOf(runtime.buildTool)!;
  if ('run' in runtime.test) return { run: runtime.test.run, name: 'Test' };
  if (requireTests) return { skipped: `no tests to run: ${runtime.test.none}` };
  return { run: stack.build, name: 'Build' };
}

/** Test (and image) jobs for a repository, in its CI system. */
async function pipelineFiles(
  context: RemediationContext,
  asked: {
    tests: boolean;
    requireTests: boolean;
    image: boolean;
    imageOptional?: boolean;
  },
): Promise<GeneratorResult> {
  const want = { ...asked };
  const runtime = await serviceRuntime(context);
  const stack = stackOf(runtime.buildTool);
  if (want.tests && !stack) return noStack();
  const commands =
    want.tests && stack ? testCommands(runtime, want.requireTests) : undefined;
  if (commands && 'skipped' in commands) return commands;
  // An image needs a Dockerfile: add one for the stack when there is none.
  const container =
    want.image && !passes(context, 'infra.container')
      ? await containerImageFiles(context)
      : undefined;
  if (container && 'skipped' in container) {
    // A pipeline that tests is worth proposing without the image.
    if (!want.imageOptional) return container;
    want.image = false;
  }
  const extra = container && 'files' in container ? container.files : [];
  const root = runtime.root;

  if (context.profile.ci === 'other') {
    const steps: PipelineStep[] = [];
    if (commands)
      steps.push({
        ...pipelineSteps.tests([...stack!.install, ...commands.run], root),
        ...(commands.name === 'Test' ? {} : { id: 'build', title: 'Build' }),
      });
    if (want.image)
      steps.push(
        pipelineSteps.publish(runtime.image, dockerBuildTarget(runtime)),
      );
    const result = await extendOtherPipeline(
      context,
      steps,
      `Adds ${steps.map(s => s.title.toLowerCase()).join(' and ')} to the ${
        context.profile.otherCi
      } pipeline${
        want.image
          ? ` (pushes ${runtime.image} from main; set the registry credentials)`
          : ''
      }.`,
    );
    if ('skipped' in result) return result;
    return { files: [...extra, ...result.files] };
  }

  if (context.profile.ci === 'gitlab-ci') {
    const jobs: Record<string, Record<string, unknown>> = {};
    if (commands)
      jobs[commands.name === 'Test' ? 'test' : 'build'] = {
        stage: commands.name === 'Test' ? 'test' : 'build',
        image: stack!.gitlabImage,
        ...(root === '' ? {} : { before_script: [`cd ${root}`] }),
        script: [...stack!.install, ...commands.run],
      };
    if (want.image)
      jobs['build-image'] = {
        stage: 'build',
        image: {
          name: 'gcr.io/kaniko-project/executor:debug',
          entrypoint: [''],
        },
        script: [
          `/kaniko/executor --context "$CI_PROJECT_DIR/${runtime.dockerContext}" --dockerfile "$CI_PROJECT_DIR/${runtime.dockerfile}" --destination "${runtime.image}:$CI_COMMIT_SHORT_SHA" --destination "${runtime.image}:latest"`,
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
            commands ? `a job that runs \`${commands.run.join(' && ')}\`` : '',
            want.image
              ? `a job that builds the image with Kaniko and pushes ${runtime.image}`
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
  // A job called `test` that runs no tests would pass for tests in CI.
  const jobId = commands?.name === 'Test' ? 'test' : 'build';
  if (commands) jobs[jobId] = testJob(stack!, commands, root);
  if (want.image)
    jobs.image = {
      ...(commands ? { needs: jobId } : {}),
      ...imageJob(
        context.profile,
        runtime.image,
        runtime.dockerContext,
        runtime.dockerfile,
      ),
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
          commands
            ? `runs \`${commands.run.join(' && ')}\` on every pull request`
            : '',
          want.image
            ? `builds the container image and pushes ${runtime.image} on main`
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
 * Generators for the CI checks: a pipeline that runs the service's own
 * tests, and builds and publishes its image, in the repository's CI system.
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
          requireTests: false,
          image: runnable(context) && !passes(context, 'ci.container-build'),
          imageOptional: true,
        }),
    },
    {
      checkId: 'ci.tests',
      generate: context =>
        pipelineFiles(context, {
          tests: true,
          requireTests: true,
          image: false,
        }),
    },
    {
      checkId: 'ci.container-build',
      generate: context =>
        pipelineFiles(context, {
          tests: false,
          requireTests: false,
          image: true,
        }),
    },
    {
      checkId: 'ci.image-publish',
      generate: context =>
        pipelineFiles(context, {
          tests: false,
          requireTests: false,
          image: true,
        }),
    },
  ];
}
