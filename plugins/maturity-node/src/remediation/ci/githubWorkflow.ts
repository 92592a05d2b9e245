import { stringify } from 'yaml';
import type { RepositoryTree } from '../../tree/RepositoryTree';
import type { RepositoryProfile } from '../RepositoryProfile';
import type { BuildStack } from '../stack/buildStack';

// Fresh objects each time: a shared one would be written as a YAML alias.
const checkout = () => ({ uses: 'actions/checkout@v4' });
const onPushAndPullRequest = () => ({
  push: { branches: ['main'] },
  pull_request: {},
});

/** A workflow file's text, with a header saying where it came from. */
export function workflowText(content: Record<string, unknown>): string {
  return `# Added by Roadmap Maturity. Edit freely: it is yours now.\n${stringify(
    content,
    { lineWidth: 0, aliasDuplicateObjects: false },
  )}`;
}

/** A free path under .github/workflows/ (never an existing file). */
export async function freeWorkflowPath(
  tree: RepositoryTree,
  name: string,
): Promise<string> {
  const files = new Set(await tree.listFiles());
  for (const candidate of [name, `maturity-${name}`, `maturity-${name}-2`]) {
    if (
      !files.has(`.github/workflows/${candidate}.yml`) &&
      !files.has(`.github/workflows/${candidate}.yaml`)
    )
      return `.github/workflows/${candidate}.yml`;
  }
  throw new Error(`no free workflow name for ${name}`);
}

/**
 * A job that installs the toolchain and runs the service's own test
 * command (or, with none, builds it), in the service's folder.
 */
export function testJob(
  stack: BuildStack,
  commands: { run: string[]; name: string },
  root: string,
): Record<string, unknown> {
  return {
    'runs-on': 'ubuntu-latest',
    ...(root === ''
      ? {}
      : { defaults: { run: { 'working-directory': root } } }),
    steps: [
      checkout(),
      ...JSON.parse(JSON.stringify(stack.githubSetup)),
      ...stack.install.map(run => ({ run })),
      ...commands.run.map(run => ({ name: commands.name, run })),
    ],
  };
}

/**
 * A job that builds the image on every change and pushes it, tagged with
 * the commit and the branch, on pushes to main.
 */
export function imageJob(
  profile: RepositoryProfile,
  image: string,
  root: string,
  dockerfile = root === '' ? 'Dockerfile' : `${root}/Dockerfile`,
): Record<string, unknown> {
  const ghcr = profile.registry === 'ghcr.io';
  const standard = root === '' ? 'Dockerfile' : `${root}/Dockerfile`;
  // `root` here is the build context.
  return {
    'runs-on': 'ubuntu-latest',
    permissions: { contents: 'read', packages: 'write' },
    steps: [
      checkout(),
      { uses: 'docker/setup-buildx-action@v3' },
      {
        if: "github.event_name == 'push'",
        uses: 'docker/login-action@v3',
        with: {
          registry: profile.registry,
          username: ghcr
            ? '${{ github.actor }}'
            : '${{ secrets.REGISTRY_USERNAME }}',
          password: ghcr
            ? '${{ secrets.GITHUB_TOKEN }}'
            : '${{ secrets.REGISTRY_PASSWORD }}',
        },
      },
      {
        id: 'meta',
        uses: 'docker/metadata-action@v5',
        with: {
          images: image,
          // `latest` on the default branch: the tag generated manifests pull.
          tags: 'type=sha\ntype=ref,event=branch\ntype=raw,value=latest,enable={{is_default_branch}}\n',
        },
      },
      {
        uses: 'docker/build-push-action@v6',
        with: {
          context: root === '' ? '.' : root,
          ...(dockerfile === standard ? {} : { file: dockerfile }),
          push: "${{ github.event_name == 'push' }}",
          tags: '${{ steps.meta.outputs.tags }}',
          labels: '${{ steps.meta.outputs.labels }}',
        },
      },
    ],
  };
}

/** A workflow that runs on pushes to main and on pull requests. */
export function workflow(
  name: string,
  jobs: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): string {
  return workflowText({
    name,
    on: onPushAndPullRequest(),
    permissions: { contents: 'read' },
    ...extra,
    jobs,
  });
}
