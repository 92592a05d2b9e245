import type { ScmIntegrationRegistry } from '@backstage/integration';
import { InputError } from '@backstage/errors';
import gitUrlParse from 'git-url-parse';

/** Where a pull (or merge) request for a repository goes. */
export interface PullRequestTarget {
  /** `github`, `gitlab`, or the integration type of another host. */
  provider: string;
  /** In the publish actions' format: `host?owner=…&repo=…`. */
  repoUrl: string;
}

/**
 * The pull-request target of a source location URL (e.g.
 * `https://github.com/acme/payments/tree/main/`), told apart by the
 * integration configured for its host.
 */
export function pullRequestTarget(
  sourceLocation: string,
  integrations: ScmIntegrationRegistry,
): PullRequestTarget {
  const url = sourceLocation.replace(/^url:/, '');
  let parsed: ReturnType<typeof gitUrlParse>;
  try {
    parsed = gitUrlParse(url);
  } catch {
    throw new InputError(
      `The source location "${url}" is not a repository URL; set the backstage.io/source-location annotation to the repository's URL`,
    );
  }
  if (!parsed.owner || !parsed.name) {
    throw new InputError(
      `Cannot tell the owner and repository of "${url}"; set the backstage.io/source-location annotation to the repository's URL`,
    );
  }
  const provider = integrations.byUrl(url)?.type ?? parsed.source;
  const params = new URLSearchParams({
    owner: parsed.owner,
    repo: parsed.name,
  });
  return { provider, repoUrl: `${parsed.resource}?${params}` };
}
