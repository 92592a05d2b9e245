import type { RepositoryTree } from '../../tree/RepositoryTree';
import { inRoot } from './serviceRoot';

/**
 * The build tool of the service's folder, from the files it has (the
 * lockfile tells npm, yarn and pnpm apart); undefined when none is known.
 */
export async function serviceBuildTool(
  tree: RepositoryTree,
  root: string,
): Promise<string | undefined> {
  const files = new Set(await tree.listFiles());
  const has = (f: string) => files.has(inRoot(root, f));
  if (has('go.mod')) return 'go';
  if (has('pom.xml')) return 'maven';
  if (has('build.gradle') || has('build.gradle.kts')) return 'gradle';
  if (has('Cargo.toml')) return 'cargo';
  if (
    has('pyproject.toml') &&
    /\[tool\.poetry\]/.test(
      (await tree.readFile(inRoot(root, 'pyproject.toml'))) ?? '',
    )
  )
    return 'poetry';
  if (has('requirements.txt') || has('pyproject.toml') || has('Pipfile'))
    return 'pip';
  if (
    [...files].some(
      f =>
        f.startsWith(root === '' ? '' : `${root}/`) &&
        /\.(csproj|sln|slnx)$/.test(f),
    ) &&
    !has('package.json')
  )
    return 'dotnet';
  if (has('package.json')) {
    if (has('pnpm-lock.yaml')) return 'pnpm';
    if (has('yarn.lock')) return 'yarn';
    return 'npm';
  }
  return undefined;
}
