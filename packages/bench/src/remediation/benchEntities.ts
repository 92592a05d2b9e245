import {
  FileSystemRepositoryTree,
  notFirstParty,
  type RemediationService,
  workloadCandidates,
} from '@roadmap/plugin-maturity-node';
import type { CorpusRepository } from './remediationCorpus';

/**
 * The catalog entities a repository stands for: those its label names, else
 * one per first-party workload in a repository of several services (as a
 * catalog has one Component per service), else one named after the
 * repository.
 */
export async function benchEntities(
  repository: CorpusRepository,
): Promise<RemediationService[]> {
  const sourceLocation = `url:https://github.com/${repository.repo}/tree/main/`;
  const base = {
    kind: 'Component',
    type: 'service',
    owner: 'group:default/team',
    sourceLocation,
  };
  if (repository.entities?.length)
    return repository.entities.map(e => ({ ...base, ...e }));
  const candidates = (
    await workloadCandidates(new FileSystemRepositoryTree(repository.dir))
  ).filter(c => !notFirstParty(c));
  // One entity per image: a repository may run one image in several roles
  // (podinfo's frontend and backend), or one image per service.
  const names = new Map<string, string>();
  // Stock language images run scripts, and kustomize placeholders name no
  // image: neither is a service of its own.
  const generic =
    /^(python|node|golang|alpine|ubuntu|debian|busybox|openjdk|eclipse-temurin|ignored-by-kustomize)$/;
  for (const c of candidates) {
    const image = (c.containers[0]?.image ?? '')
      .replace(/[:@].*$/, '')
      .split('/')
      .pop();
    const key = image && !generic.test(image) ? image : c.name;
    if (generic.test(key)) continue;
    if (!names.has(key)) names.set(key, key);
  }
  if (names.size > 1)
    return [...names.values()].sort().map(name => ({ ...base, name }));
  return [{ ...base, name: repository.repo.split('/')[1].toLowerCase() }];
}
