import type { RepositoryTree } from '../../tree/RepositoryTree';
import { inRoot } from './serviceRoot';

/** npm's placeholder `test` script (`npm init`), which always fails. */
const NPM_PLACEHOLDER = /no test specified/i;

/**
 * The command that runs the service's own tests, for its build tool — or
 * the reason there is none to run (no test script, no test files): a CI
 * step that can only fail or do nothing is not proposed.
 */
export async function testCommand(
  tree: RepositoryTree,
  root: string,
  buildTool: string,
): Promise<{ run: string[] } | { none: string }> {
  const files = (await tree.listFiles()).filter(
    f => root === '' || f.startsWith(`${root}/`),
  );
  const rel = files.map(f => (root === '' ? f : f.slice(root.length + 1)));
  switch (buildTool) {
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      let scripts: Record<string, string> = {};
      try {
        scripts =
          JSON.parse(
            (await tree.readFile(inRoot(root, 'package.json'))) ?? '{}',
          ).scripts ?? {};
      } catch {
        return { none: 'package.json does not parse' };
      }
      if (!scripts.test || NPM_PLACEHOLDER.test(scripts.test))
        return {
          none: 'package.json has no test script (only npm’s placeholder or none): add the tests first',
        };
      return { run: [buildTool === 'npm' ? 'npm test' : `${buildTool} test`] };
    }
    case 'pip':
    case 'poetry': {
      const tests = rel.filter(
        f =>
          /(^|\/)(test_[^/]*|[^/]*_test)\.py$/.test(f) ||
          /(^|\/)tests?\/[^/]+\.py$/.test(f),
      );
      if (tests.length === 0)
        return { none: 'the repository has no Python tests (test_*.py)' };
      if (buildTool === 'poetry') return { run: ['poetry run pytest'] };
      const requirements = (
        await Promise.all(
          rel
            .filter(f => /^requirements[\w.-]*\.txt$|^pyproject\.toml$/.test(f))
            .map(f => tree.readFile(inRoot(root, f))),
        )
      ).join('\n');
      return {
        run: /\bpytest\b/i.test(requirements)
          ? ['pytest']
          : ['pip install pytest', 'pytest'],
      };
    }
    case 'go':
      if (!rel.some(f => f.endsWith('_test.go')))
        return { none: 'the repository has no Go tests (*_test.go)' };
      return { run: ['go test ./...'] };
    case 'maven':
      return { run: ['mvn -B verify'] };
    case 'gradle':
      return {
        run: [rel.includes('gradlew') ? './gradlew build' : 'gradle build'],
      };
    case 'cargo':
      return { run: ['cargo test --locked'] };
    case 'dotnet':
      if (
        !rel.some(
          f => /\.csproj$/.test(f) && /(^|\/)tests?\/|Tests?\.csproj$/i.test(f),
        )
      )
        return { none: 'the repository has no .NET test project' };
      return { run: ['dotnet test'] };
    default:
      return { none: `no test command is known for ${buildTool}` };
  }
}
