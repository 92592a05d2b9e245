import type { RepositoryTree } from '../../tree/RepositoryTree';
import { kubernetesName } from '../escaping/kubernetesName';

const BUILD_FILES = [
  'package.json',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'requirements.txt',
  'pyproject.toml',
  'Cargo.toml',
  'Dockerfile',
];

/**
 * The folder of the repository that holds the entity's own code: the
 * repository root, or — in a repository of several services — the folder
 * named after the entity that has a build file (`src/cartservice`,
 * `services/payments`). Prefers the shallowest such folder.
 */
export async function serviceRoot(
  tree: RepositoryTree,
  serviceName: string,
): Promise<string> {
  const name = kubernetesName(serviceName);
  const files = await tree.listFiles();
  const dirs = files
    .filter(f => BUILD_FILES.includes(f.split('/').pop()!))
    .map(f => f.split('/').slice(0, -1).join('/'))
    .filter(d => d !== '' && kubernetesName(d.split('/').pop()!) === name)
    .sort((a, b) => a.split('/').length - b.split('/').length);
  const rootHasBuild = files.some(
    f => BUILD_FILES.includes(f) && f !== 'Dockerfile',
  );
  // A single-service repository keeps its build at the root.
  if (
    dirs.length === 0 ||
    (rootHasBuild &&
      !files.some(f => f.startsWith(`${dirs[0]}/`) && f.endsWith('Dockerfile')))
  )
    return '';
  return dirs[0];
}

/** A path inside the service's folder. */
export const inRoot = (root: string, file: string) =>
  root === '' ? file : `${root}/${file}`;
