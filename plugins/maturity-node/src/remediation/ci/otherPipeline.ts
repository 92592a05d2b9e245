import type { RemediationContext } from '../RemediationGenerator';
import { extendCircleConfig } from './circleConfig';
import { extendJenkinsfile } from './jenkinsPipeline';
import type { PipelineStep } from './PipelineStep';
import { extendTravisConfig } from './travisConfig';

const EDITORS: Record<string, typeof extendJenkinsfile> = {
  jenkins: extendJenkinsfile,
  travis: extendTravisConfig,
  circleci: extendCircleConfig,
};

/**
 * Adds steps to a pipeline of a CI system other than GitHub Actions and
 * GitLab CI: declarative Jenkinsfile stages, Travis jobs, CircleCI jobs.
 * Other systems are skipped with the reason.
 */
export async function extendOtherPipeline(
  context: RemediationContext,
  steps: PipelineStep[],
  description: string,
) {
  const system = context.profile.otherCi ?? 'another system';
  const editor = EDITORS[system];
  if (!editor)
    return {
      skipped: `CI runs on ${system}; only GitHub Actions, GitLab CI, Jenkins (declarative), Travis and CircleCI pipelines are extended: add the stage to that pipeline`,
    };
  const result = await editor(context.tree, steps);
  if ('skipped' in result) return result;
  return {
    files: [{ ...result, action: 'update' as const, description }],
  };
}
