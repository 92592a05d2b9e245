import type {
  GeneratorResult,
  RemediationContext,
  RemediationGenerator,
} from '../RemediationGenerator';
import { buildStack } from '../stack/buildStack';

const DOCKERIGNORE = [
  '.git',
  'node_modules',
  'target',
  'dist',
  '.venv',
  '',
].join('\n');

/** A Dockerfile (and .dockerignore) for the repository's build tool. */
export async function containerImageFiles(
  context: RemediationContext,
): Promise<GeneratorResult> {
  const stack = buildStack(context.profile);
  if (!stack)
    return {
      skipped:
        'no build tool recognised, so there is no Dockerfile to propose; add one for the stack',
    };
  const files = new Set(await context.tree.listFiles());
  if (files.has('Dockerfile'))
    return { skipped: 'a Dockerfile exists already' };
  return {
    files: [
      {
        path: 'Dockerfile',
        content: stack.dockerfile(context.profile.port),
        action: 'create',
        description: `A multi-stage ${stack.tool} build that runs the service as a non-root user on port ${context.profile.port}; check the start command.`,
      },
      ...(files.has('.dockerignore')
        ? []
        : [
            {
              path: '.dockerignore',
              content: DOCKERIGNORE,
              action: 'create' as const,
              description:
                'Keeps Git metadata and build output out of the image.',
            },
          ]),
    ],
  };
}

/**
 * `infra.container`: a Dockerfile for the detected stack.
 *
 * @public
 */
export const containerImageGenerator: RemediationGenerator = {
  checkId: 'infra.container',
  generate: containerImageFiles,
};
