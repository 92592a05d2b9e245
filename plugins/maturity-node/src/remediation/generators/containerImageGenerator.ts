import type {
  GeneratorResult,
  RemediationContext,
  RemediationGenerator,
} from '../RemediationGenerator';
import { stackOf } from '../stack/buildStack';
import { inRoot } from '../stack/serviceRoot';
import { serviceRuntime } from '../stack/serviceRuntime';

const DOCKERIGNORE = [
  '.git',
  'node_modules',
  'target',
  'dist',
  '.venv',
  '',
].join('\n');

/**
 * A Dockerfile (and .dockerignore) in the service's folder, for its build
 * tool, starting it with the repository's own start command on the port
 * its code listens on; skipped with the reason when the repository does
 * not tell how the service starts.
 */
export async function containerImageFiles(
  context: RemediationContext,
): Promise<GeneratorResult> {
  const runtime = await serviceRuntime(context);
  const stack = stackOf(runtime.buildTool);
  if (!stack)
    return {
      skipped:
        'no build tool recognised, so there is no Dockerfile to propose; add one for the stack',
    };
  if ('none' in runtime.start)
    return {
      skipped: `cannot tell how the service starts: ${runtime.start.none}`,
    };
  const all = await context.tree.listFiles();
  const prefix = runtime.root === '' ? '' : `${runtime.root}/`;
  const files = new Set(
    all.filter(f => f.startsWith(prefix)).map(f => f.slice(prefix.length)),
  );
  const path = inRoot(runtime.root, 'Dockerfile');
  if (files.has('Dockerfile')) return { skipped: `${path} exists already` };
  const content = stack.dockerfile({
    start: runtime.start,
    port: runtime.port?.port,
    files,
  });
  if (!content)
    return {
      skipped: `the ${stack.tool} build does not produce what the start command needs`,
    };
  const port = runtime.port
    ? ` on port ${runtime.port.port} (from ${runtime.port.from})`
    : '';
  return {
    files: [
      {
        path,
        content,
        action: 'create',
        description: `A ${stack.tool} build that starts the service as a non-root user${port}.`,
      },
      ...(files.has('.dockerignore')
        ? []
        : [
            {
              path: inRoot(runtime.root, '.dockerignore'),
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
