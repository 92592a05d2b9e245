import { execFileSync } from 'node:child_process';

/** Where a push comes from, as far as the CI environment tells. */
export interface CiEnvironment {
  commit?: string;
  runUrl?: string;
  /** The repository's web address, for links to files at the commit. */
  repoWebUrl?: string;
  /** How a file at a commit is addressed under `repoWebUrl`. */
  blobPath: '/blob/' | '/-/blob/';
}

/**
 * Reads the commit, run URL and repository address from the variables
 * GitHub Actions and GitLab CI set, falling back to `git rev-parse HEAD`
 * in the checkout for the commit.
 */
export function ciEnvironment(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): CiEnvironment {
  if (env.GITHUB_ACTIONS && env.GITHUB_REPOSITORY) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repoWebUrl = `${server}/${env.GITHUB_REPOSITORY}`;
    return {
      commit: env.GITHUB_SHA,
      runUrl: env.GITHUB_RUN_ID
        ? `${repoWebUrl}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
      repoWebUrl,
      blobPath: '/blob/',
    };
  }
  if (env.GITLAB_CI && env.CI_PROJECT_URL) {
    return {
      commit: env.CI_COMMIT_SHA,
      runUrl: env.CI_JOB_URL ?? env.CI_PIPELINE_URL,
      repoWebUrl: env.CI_PROJECT_URL,
      blobPath: '/-/blob/',
    };
  }
  return { commit: gitHead(dir), blobPath: '/blob/' };
}

function gitHead(dir: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
    })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}
