import { spawnSync } from 'node:child_process';

const VERSION_ARGS: Record<string, string[]> = {
  go: ['version'],
  kubectl: ['version', '--client'],
};

/** The programs of `tools` that are not installed here. */
export function missingTools(tools: string[]): string[] {
  return tools.filter(tool => {
    const result = spawnSync(tool, VERSION_ARGS[tool] ?? ['--version'], {
      stdio: 'ignore',
    });
    return Boolean(result.error) || result.status !== 0;
  });
}

/**
 * The programs a suite needs (Debian's golang-go, kubernetes-client,
 * prometheus; scripts/system-deps.sh installs them) that are missing — in CI
 * only (CI=true), where a validator that silently did not run would prove
 * nothing. On a developer's machine the suite is skipped with a warning.
 */
export function missingInCi(tools: string[]): string[] {
  const missing = missingTools(tools);
  if (missing.length > 0 && !process.env.CI) {
    // eslint-disable-next-line no-console
    console.warn(
      `skipping what needs ${missing.join(
        ', ',
      )}: not installed (scripts/system-deps.sh installs them)`,
    );
  }
  return process.env.CI ? missing : [];
}
