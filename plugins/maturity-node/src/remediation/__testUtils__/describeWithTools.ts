import { spawnSync } from 'node:child_process';

const VERSION_ARGS: Record<string, string[]> = {
  go: ['version'],
  kubectl: ['version', '--client'],
};

export function toolAvailable(tool: string): boolean {
  const result = spawnSync(tool, VERSION_ARGS[tool] ?? ['--version'], {
    stdio: 'ignore',
  });
  return !result.error && result.status === 0;
}

/**
 * A describe block that needs system programs (Debian's golang-go,
 * kubectl, prometheus; scripts/system-deps.sh installs them). Without them
 * it is skipped with a warning on a developer's machine, and fails in CI
 * (CI=true): a validator that silently did not run proves nothing.
 */
export function describeWithTools(
  tools: string[],
  name: string,
  fn: () => void,
): void {
  const missing = tools.filter(t => !toolAvailable(t));
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      it(`needs ${missing.join(', ')}`, () => {
        throw new Error(
          `${missing.join(
            ', ',
          )} not installed: run scripts/system-deps.sh (Debian golang-go, kubernetes-client, prometheus)`,
        );
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(
    `${name}: skipped, ${missing.join(
      ', ',
    )} not installed (scripts/system-deps.sh installs them)`,
  );
  describe.skip(name, fn);
}
