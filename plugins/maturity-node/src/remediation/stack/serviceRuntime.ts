import type { RemediationContext } from '../RemediationGenerator';
import { publishedImage } from './publishedImage';
import { serviceBuildTool } from './serviceBuildTool';
import { servicePort } from './servicePort';
import { serviceRoot } from './serviceRoot';
import { startCommand, type StartCommand } from './startCommand';
import { testCommand } from './testCommand';

/**
 * What it takes to build, test, start and ship the service, read from its
 * repository: where its code is, its build tool, its real test command,
 * its start command and port, and the one image name CI pushes and
 * manifests pull. Each part the repository does not tell carries the
 * reason, so generators skip rather than guess.
 */
export interface ServiceRuntime {
  root: string;
  buildTool?: string;
  test: { run: string[] } | { none: string };
  start: StartCommand | { none: string };
  port?: { port: number; from: string };
  image: string;
  /** The Dockerfile that builds the image: the service folder's, else the shallowest one there is. */
  dockerfile: string;
  /** The build context that Dockerfile's COPY sources are relative to. */
  dockerContext: string;
}

/**
 * What `docker build` is given: the service's folder, with `-f` when its
 * Dockerfile lives elsewhere (docker/Dockerfile).
 */
export function dockerBuildTarget(runtime: ServiceRuntime): string {
  const context = runtime.root === '' ? '.' : runtime.root;
  const standard =
    runtime.root === '' ? 'Dockerfile' : `${runtime.root}/Dockerfile`;
  return runtime.dockerfile === standard
    ? context
    : `-f ${runtime.dockerfile} ${context}`;
}

/**
 * The folder a Dockerfile's COPY sources are relative to: the service's
 * folder, or the Dockerfile's own (backend/Dockerfile copying `./app`).
 */
async function dockerContextOf(
  context: RemediationContext,
  dockerfile: string,
  root: string,
): Promise<string> {
  const own = dockerfile.split('/').slice(0, -1).join('/');
  if (own === root) return root;
  const text = (await context.tree.readFile(dockerfile)) ?? '';
  const sources = [
    ...text.matchAll(
      /^\s*(?:COPY|ADD)\s+(?!--from)(?:--\S+\s+)*(\S+)\s+\S+\s*$/gim,
    ),
  ]
    .map(m => m[1].replace(/^\.\//, '').replace(/\/$/, ''))
    .filter(src => src !== '.' && !src.includes('*') && !src.startsWith('$'));
  if (sources.length === 0) return root;
  const files = await context.tree.listFiles();
  const exists = (dir: string, src: string) => {
    const p = dir === '' ? src : `${dir}/${src}`;
    return files.some(f => f === p || f.startsWith(`${p}/`));
  };
  return sources.every(src => exists(own, src)) &&
    !sources.every(src => exists(root, src))
    ? own
    : root;
}

export async function serviceRuntime(
  context: RemediationContext,
): Promise<ServiceRuntime> {
  const root = await serviceRoot(context.tree, context.service.name);
  const buildTool =
    (await serviceBuildTool(context.tree, root)) ??
    (root === '' ? context.profile.buildTool : undefined);
  const known =
    root === ''
      ? context.facts.get('repository.service.port')?.value
      : undefined;
  const port = await servicePort(
    context.tree,
    root,
    typeof known === 'number' ? known : undefined,
  );
  const prefix = root === '' ? '' : `${root}/`;
  const standard = `${prefix}Dockerfile`;
  const existing = (await context.tree.listFiles())
    .filter(
      f =>
        f.startsWith(prefix) &&
        /(^|\/)Dockerfile$/.test(f) &&
        !/(^|\/)(tests?|e2e|examples?)\//.test(f),
    )
    .sort((a, b) => a.split('/').length - b.split('/').length);
  const dockerfile =
    existing.includes(standard) || existing.length === 0
      ? standard
      : existing[0];
  return {
    root,
    dockerfile,
    dockerContext: await dockerContextOf(context, dockerfile, root),
    buildTool,
    test: buildTool
      ? await testCommand(context.tree, root, buildTool)
      : { none: 'no build tool recognised' },
    start: buildTool
      ? await startCommand(context.tree, root, buildTool, port?.port)
      : { none: 'no build tool recognised' },
    port,
    image: publishedImage(context.profile, context.service, root),
  };
}
