import type { Evidence } from '@roadmap/plugin-maturity-common';
import type { Signals } from './Signals';
import { lineOf } from './lineOf';
import { detectTektonDocument } from './ci/otherCiSystems';
import { notFirstPartyBecause } from './firstParty';
import { type KubernetesObject } from './isKubernetesObject';
import { detectKubernetesWorkload, WORKLOAD_KINDS } from './kubernetesWorkload';

export { isKubernetesObject } from './isKubernetesObject';

/**
 * Turns one Kubernetes object (from a manifest, a Kustomize patch or a
 * rendered Helm template) into signals: workloads' probes, resources,
 * replicas and security context; autoscalers, PDBs, network policies,
 * monitoring, GitOps, progressive delivery, backups, chaos, secrets and
 * policy engines.
 *
 * @public
 */
export function detectKubernetesObject(
  path: string,
  text: string,
  obj: KubernetesObject,
  signals: Signals,
  origin = '',
): void {
  const kind = String(obj.kind);
  const api = String(obj.apiVersion);
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
  const at = (note: string, needle = `kind: ${kind}`): Evidence => ({
    path,
    line: lineOf(text, needle) ?? lineOf(text, kind),
    note,
  });
  const group = api.includes('/') ? api.split('/')[0] : '';

  if (group === 'tekton.dev') {
    detectTektonDocument(path, text, obj, signals);
    return;
  }
  if (WORKLOAD_KINDS.has(kind)) {
    detectKubernetesWorkload(obj, at, signals, path, origin);
    return;
  }
  if (notFirstPartyBecause(path, obj)) return;

  switch (kind) {
    case 'HorizontalPodAutoscaler': {
      signals.add('rel.autoscaling', at(`HPA ${name}`));
      const min = obj.spec?.minReplicas;
      if (typeof min === 'number' && min >= 2)
        signals.add(
          'rel.replicas',
          at(`HPA ${name}: minReplicas ${min}`, 'minReplicas'),
        );
      signals.add('infra.k8s', at(`HPA ${name}`));
      return;
    }
    case 'ScaledObject':
      if (group === 'keda.sh') {
        signals.add('rel.autoscaling', at(`KEDA ScaledObject ${name}`));
        const min = obj.spec?.minReplicaCount;
        if (typeof min === 'number' && min >= 2)
          signals.add(
            'rel.replicas',
            at(
              `ScaledObject ${name}: minReplicaCount ${min}`,
              'minReplicaCount',
            ),
          );
      }
      return;
    case 'PodDisruptionBudget':
      signals.add('rel.pdb', at(`PodDisruptionBudget ${name}`));
      return;
    case 'NetworkPolicy':
    case 'CiliumNetworkPolicy':
    case 'AuthorizationPolicy':
      signals.add('sec.policy', at(`${kind} ${name}`));
      return;
    case 'ServiceMonitor':
    case 'PodMonitor':
    case 'ScrapeConfig':
    case 'VMServiceScrape':
      signals.add('obs.metrics', at(`${kind} ${name}`));
      return;
    case 'PrometheusRule':
    case 'VMRule': {
      const groups: any[] = obj.spec?.groups ?? [];
      const alerts = groups
        .flatMap(g => (Array.isArray(g?.rules) ? g.rules : []))
        .filter(r => typeof r?.alert === 'string');
      if (alerts.length > 0)
        signals.add(
          'obs.alerts',
          at(
            `${kind} ${name}: ${alerts.length} alert${
              alerts.length > 1 ? 's' : ''
            }`,
            'alert:',
          ),
        );
      else
        signals.nearMiss(
          'obs.alerts',
          at(`${kind} ${name} has no alert rules`),
        );
      return;
    }
    case 'GrafanaDashboard':
      signals.add('obs.dashboards', at(`GrafanaDashboard ${name}`));
      return;
    case 'ConfigMap': {
      const labels = obj.metadata?.labels ?? {};
      if (
        labels.grafana_dashboard !== undefined ||
        Object.keys(obj.data ?? {}).some(
          k => k.endsWith('.json') && /"panels"/.test(String(obj.data[k])),
        )
      ) {
        signals.add('obs.dashboards', at(`dashboard ConfigMap ${name}`));
      }
      return;
    }
    case 'Service':
    case 'Ingress':
      signals.add('infra.k8s', at(`${kind} ${name}`));
      if (
        String(obj.metadata?.annotations?.['prometheus.io/scrape']) === 'true'
      )
        signals.add(
          'obs.metrics',
          at('prometheus.io/scrape annotation', 'prometheus.io/scrape'),
        );
      return;
    case 'Application':
    case 'ApplicationSet':
      if (group === 'argoproj.io') {
        signals.add('cd.gitops', at(`Argo CD ${kind} ${name}`));
        signals.add('cd.deploy', at(`Argo CD ${kind} ${name} deploys it`));
      }
      return;
    case 'Kustomization':
    case 'HelmRelease':
    case 'GitRepository':
    case 'OCIRepository':
      if (group.endsWith('toolkit.fluxcd.io')) {
        if (kind !== 'GitRepository' && kind !== 'OCIRepository') {
          signals.add('cd.gitops', at(`Flux ${kind} ${name}`));
          signals.add('cd.deploy', at(`Flux ${kind} ${name} deploys it`));
        }
      }
      return;
    case 'Canary':
      if (group === 'flagger.app')
        signals.add('cd.progressive', at(`Flagger Canary ${name}`));
      return;
    case 'Schedule':
    case 'Backup':
      if (group === 'velero.io')
        signals.add('rel.backups', at(`Velero ${kind} ${name}`));
      return;
    case 'ChaosEngine':
    case 'ChaosExperiment':
    case 'ChaosSchedule':
      if (group.includes('litmuschaos.io'))
        signals.add('rel.chaos', at(`LitmusChaos ${kind} ${name}`));
      return;
    case 'ExternalSecret':
    case 'SecretStore':
    case 'ClusterSecretStore':
    case 'SealedSecret':
    case 'VaultStaticSecret':
    case 'VaultDynamicSecret':
      signals.add(
        'sec.policy',
        at(`${kind} ${name}: secrets managed outside Git`),
      );
      return;
    case 'ClusterPolicy':
    case 'Policy':
      if (group === 'kyverno.io')
        signals.add('sec.policy', at(`Kyverno ${kind} ${name}`));
      return;
    case 'ConstraintTemplate':
      signals.add('sec.policy', at(`Gatekeeper ConstraintTemplate ${name}`));
      return;
    case 'Composition':
    case 'CompositeResourceDefinition':
      if (group.includes('crossplane.io'))
        signals.add('infra.iac', at(`Crossplane ${kind} ${name}`));
      return;
    case 'OpenTelemetryCollector':
    case 'Instrumentation':
      if (group.includes('opentelemetry.io'))
        signals.add('obs.tracing', at(`OpenTelemetry ${kind} ${name}`));
      return;
    default:
      if (group === 'chaos-mesh.org')
        signals.add('rel.chaos', at(`Chaos Mesh ${kind} ${name}`));
      else if (group.endsWith('.crossplane.io') || group.includes('upbound.io'))
        signals.add('infra.iac', at(`Crossplane ${kind} ${name}`));
      else if (group.startsWith('constraints.gatekeeper.sh'))
        signals.add('sec.policy', at(`Gatekeeper constraint ${kind} ${name}`));
  }
}
