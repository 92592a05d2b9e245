import type { Entity } from '@backstage/catalog-model';
import type { RemediationService } from './RemediationGenerator';

/**
 * Checks observed at runtime are fixed in the repository: a service that is
 * not scraped needs a scrape config, pods without probes need probes in
 * their manifests, and so on.
 */
const REPOSITORY_CHECK: Record<string, string> = {
  'prom.scraped': 'obs.metrics',
  'prom.alerts': 'obs.alerts',
  'k8s.probes': 'obs.health',
  'k8s.resources': 'rel.resources',
  'k8s.non-root': 'sec.non-root',
  'k8s.hpa': 'rel.autoscaling',
  'k8s.pdb': 'rel.pdb',
};

/**
 * The repository check whose generated files fix a check (itself for
 * repository checks).
 *
 * @public
 */
export function repositoryCheckFor(checkId: string): string {
  return REPOSITORY_CHECK[checkId] ?? checkId;
}

/**
 * The service a plan is made for, from its catalog entity: name, owner,
 * type, and the annotations that say where its code and workload are.
 *
 * @public
 */
export function remediationServiceOf(entity: Entity): RemediationService {
  const annotations = entity.metadata.annotations ?? {};
  return {
    name: entity.metadata.name,
    namespace: entity.metadata.namespace ?? 'default',
    title: entity.metadata.title,
    owner: entity.spec?.owner as string | undefined,
    system: entity.spec?.system as string | undefined,
    kind: entity.kind,
    type: entity.spec?.type as string | undefined,
    sourceLocation: annotations['backstage.io/source-location'],
    kubernetesId: annotations['backstage.io/kubernetes-id'],
    kubernetesLabelSelector:
      annotations['backstage.io/kubernetes-label-selector'],
  };
}
