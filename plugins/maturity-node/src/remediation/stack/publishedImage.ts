import { kubernetesName } from '../escaping/kubernetesName';
import type { RepositoryProfile } from '../RepositoryProfile';

/** `owner/name` (or `group/sub/project`) of a source-location URL. */
export function repositoryPath(
  sourceLocation: string | undefined,
): string | undefined {
  const url = (sourceLocation ?? '').replace(/^url:/, '');
  const m =
    /^https?:\/\/[^/]+\/(.+?)(?:\.git)?(?:\/-)?(?:\/(?:tree|blob|src)\/.*)?\/?$/.exec(
      url,
    );
  const path = m?.[1];
  return path && /^[\w.-]+(\/[\w.-]+)+$/.test(path) ? path : undefined;
}

/**
 * The image the service's CI pushes and its manifests pull — one name for
 * both: `ghcr.io/<owner>/<repo>` on GitHub, the project's GitLab registry
 * path on GitLab (with the service's folder appended in a repository of
 * several services), else `<registry>/<service>`. Lower case, as
 * registries require.
 */
export function publishedImage(
  profile: RepositoryProfile,
  service: { sourceLocation?: string },
  root: string,
): string {
  const path = repositoryPath(service.sourceLocation);
  const suffix =
    root === '' ? '' : `/${kubernetesName(root.split('/').pop()!)}`;
  const host = /^https?:\/\/([^/]+)/.exec(
    (service.sourceLocation ?? '').replace(/^url:/, ''),
  )?.[1];
  if (path && profile.registry === 'ghcr.io' && host === 'github.com')
    return `ghcr.io/${path}${suffix}`.toLowerCase();
  if (
    path &&
    profile.registry === 'registry.gitlab.com' &&
    host === 'gitlab.com'
  )
    return `registry.gitlab.com/${path}${suffix}`.toLowerCase();
  return `${profile.registry}/${profile.name}`.toLowerCase();
}
