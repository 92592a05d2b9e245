/**
 * Checks observed at runtime are fixed in the repository: a service that is
 * not scraped needs metrics exposed and a ServiceMonitor, pods without probes
 * need probes in their manifests, and so on.
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

/** The repository check whose generated files fix a check. */
export function repositoryCheckFor(checkId: string): string {
  return REPOSITORY_CHECK[checkId] ?? checkId;
}
