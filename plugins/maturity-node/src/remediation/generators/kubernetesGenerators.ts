import { stringify } from 'yaml';
import type {
  GeneratorResult,
  RemediationContext,
  RemediationGenerator,
} from '../RemediationGenerator';
import { kubernetesName } from '../escaping/kubernetesName';
import { relabelReplacement } from '../escaping/relabelReplacement';
import { kubernetesObjectFiles } from '../kubernetes/kubernetesObjectFiles';
import { findWorkloads, type Workload } from '../kubernetes/workloads';
import { alertRuleGroups } from '../monitoring/alertRuleGroups';
import { grafanaDashboard } from '../monitoring/grafanaDashboard';

const PART_OF = 'app.kubernetes.io/name';

/** The labels that select the service's pods: its workload's, or the conventional name label. */
function podSelector(
  context: RemediationContext,
  workload: Workload | undefined,
): Record<string, string> {
  return workload && Object.keys(workload.selector).length > 0
    ? workload.selector
    : { [PART_OF]: context.profile.name };
}

async function mainWorkload(
  context: RemediationContext,
): Promise<Workload | undefined> {
  const workloads = await findWorkloads(context);
  return (
    workloads.find(w => w.name === context.profile.name) ??
    workloads.find(w => w.kind === 'Deployment') ??
    workloads[0]
  );
}

const metadata = (name: string, labels: Record<string, string>) => ({
  name,
  labels,
});

/** `infra.k8s`: a Kustomize base with a Deployment and a Service. */
const kubernetesManifests: RemediationGenerator = {
  checkId: 'infra.k8s',
  async generate(context): Promise<GeneratorResult> {
    const { name, port, registry } = context.profile;
    if (context.facts.get('repository.infra.container')?.value !== true)
      return {
        skipped:
          'the service has no container image to deploy (fix infra.container first)',
      };
    const files = new Set(await context.tree.listFiles());
    if ([...files].some(f => f.startsWith('deploy/')))
      return {
        skipped: 'deploy/ exists already; add the manifests there by hand',
      };
    const labels = { [PART_OF]: name, 'backstage.io/kubernetes-id': name };
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadata(name, labels),
      spec: {
        replicas: 2,
        selector: { matchLabels: { [PART_OF]: name } },
        template: {
          metadata: { labels },
          spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 65532 },
            containers: [
              {
                name,
                image: `${registry}/${name}:latest`,
                ports: [{ name: 'http', containerPort: port }],
                readinessProbe: {
                  httpGet: { path: '/healthz', port: 'http' },
                  periodSeconds: 10,
                },
                livenessProbe: {
                  httpGet: { path: '/healthz', port: 'http' },
                  initialDelaySeconds: 10,
                  periodSeconds: 20,
                },
                resources: {
                  requests: { cpu: '100m', memory: '128Mi' },
                  limits: { memory: '256Mi' },
                },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                },
              },
            ],
          },
        },
      },
    };
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(name, labels),
      spec: {
        selector: { [PART_OF]: name },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      },
    };
    const kustomization = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['deployment.yaml', 'service.yaml'],
    };
    const header = `# Added by Roadmap Maturity for ${name}: review the image, port and health path.\n`;
    return {
      files: [
        {
          path: 'deploy/kustomization.yaml',
          content: header + stringify(kustomization),
          action: 'create',
          description: 'A Kustomize base for the service.',
        },
        {
          path: 'deploy/deployment.yaml',
          content: header + stringify(deployment, { lineWidth: 0 }),
          action: 'create',
          description: `A Deployment: two replicas, probes on /healthz, requests and limits, non-root, port ${port}.`,
        },
        {
          path: 'deploy/service.yaml',
          content: header + stringify(service),
          action: 'create',
          description: 'A Service in front of it.',
        },
      ],
    };
  },
};

/** `rel.autoscaling`: a HorizontalPodAutoscaler on CPU. */
const autoscaler: RemediationGenerator = {
  checkId: 'rel.autoscaling',
  async generate(context) {
    const workload = await mainWorkload(context);
    if (!workload) return { skipped: 'no Deployment or StatefulSet to scale' };
    return kubernetesObjectFiles(
      context,
      'hpa.yaml',
      [
        {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: workload.name },
          spec: {
            scaleTargetRef: {
              apiVersion: workload.apiVersion,
              kind: workload.kind,
              name: workload.name,
            },
            minReplicas: 2,
            maxReplicas: 6,
            metrics: [
              {
                type: 'Resource',
                resource: {
                  name: 'cpu',
                  target: { type: 'Utilization', averageUtilization: 70 },
                },
              },
            ],
          },
        },
      ],
      `Scales ${workload.kind} ${workload.name} between 2 and 6 replicas at 70% CPU (needs CPU requests).`,
    );
  },
};

/** `rel.pdb`: a PodDisruptionBudget keeping one pod up during drains. */
const disruptionBudget: RemediationGenerator = {
  checkId: 'rel.pdb',
  async generate(context) {
    const workload = await mainWorkload(context);
    const selector = podSelector(context, workload);
    return kubernetesObjectFiles(
      context,
      'pdb.yaml',
      [
        {
          apiVersion: 'policy/v1',
          kind: 'PodDisruptionBudget',
          metadata: { name: workload?.name ?? context.profile.name },
          spec: { minAvailable: 1, selector: { matchLabels: selector } },
        },
      ],
      'Keeps at least one pod running while nodes are drained.',
    );
  },
};

/** `obs.metrics`: a PodMonitor that scrapes /metrics of the service's pods. */
const metricsScrape: RemediationGenerator = {
  checkId: 'obs.metrics',
  async generate(context) {
    const workload = await mainWorkload(context);
    const selector = podSelector(context, workload);
    const portName = workload?.containers.find(c => c.portName)?.portName;
    return kubernetesObjectFiles(
      context,
      'podmonitor.yaml',
      [
        {
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'PodMonitor',
          metadata: { name: context.profile.name },
          spec: {
            selector: { matchLabels: selector },
            podMetricsEndpoints: [
              {
                ...(portName
                  ? { port: portName }
                  : { targetPort: context.profile.port }),
                path: '/metrics',
                interval: '30s',
                relabelings: [
                  {
                    targetLabel: 'service',
                    replacement: relabelReplacement(context.service.name),
                  },
                ],
              },
            ],
          },
        },
      ],
      'Lets the Prometheus Operator scrape /metrics of the pods, labelled with the service name; the service must expose Prometheus metrics there.',
    );
  },
};

/** `obs.alerts`: a PrometheusRule (or a rules file) with the key alerts. */
const alertRules: RemediationGenerator = {
  checkId: 'obs.alerts',
  async generate(context) {
    const groups = alertRuleGroups({ service: context.service.name });
    const description =
      'Alerts for targets down, a 5xx ratio above 5% and p95 latency above 500 ms, plus recording rules for an availability SLO.';
    if (context.profile.kubernetes.kind === 'none') {
      const path = `monitoring/${context.profile.name}.rules.yaml`;
      if ((await context.tree.listFiles()).includes(path))
        return { skipped: `${path} exists already` };
      return {
        files: [
          {
            path,
            content: stringify({ groups }, { lineWidth: 0 }),
            action: 'create',
            description,
          },
        ],
      };
    }
    return kubernetesObjectFiles(
      context,
      'prometheusrule.yaml',
      [
        {
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'PrometheusRule',
          metadata: { name: context.profile.name },
          spec: { groups },
        },
      ],
      description,
    );
  },
};

/** `obs.dashboards`: a Grafana dashboard JSON kept with the code. */
const dashboard: RemediationGenerator = {
  checkId: 'obs.dashboards',
  async generate(context) {
    const path = `dashboards/${context.profile.name}.json`;
    if ((await context.tree.listFiles()).includes(path))
      return { skipped: `${path} exists already` };
    return {
      files: [
        {
          path,
          content: `${JSON.stringify(
            grafanaDashboard({ service: context.service.name }),
            null,
            2,
          )}\n`,
          action: 'create',
          description:
            'A Grafana dashboard (request rate, error ratio, p95 latency, targets up); import it or provision it from this folder.',
        },
      ],
    };
  },
};

/** The Git URL of a repository from its source-location URL. */
function gitUrlOf(location: string | undefined): string | undefined {
  const url = location?.replace(/^url:/, '');
  const m = /^(https:\/\/[^/\s]+\/[^\s?#]+?)(?:\/-)?\/(?:tree|blob|src)\//.exec(
    url ?? '',
  );
  if (m) return `${m[1]}.git`;
  if (url && /^https:\/\/[^/\s]+\/[^\s?#]+$/.test(url))
    return `${url.replace(/\/$/, '').replace(/\.git$/, '')}.git`;
  return undefined;
}

/** `cd.gitops`: an Argo CD Application that syncs the manifests. */
const gitops: RemediationGenerator = {
  checkId: 'cd.gitops',
  async generate(context) {
    const layout = context.profile.kubernetes;
    if (layout.kind === 'none')
      return {
        skipped:
          'the repository has no Kubernetes manifests to sync (fix infra.k8s first)',
      };
    const repoURL = gitUrlOf(context.service.sourceLocation);
    if (!repoURL)
      return {
        skipped:
          'the repository URL is unknown (no backstage.io/source-location), so Argo CD cannot be pointed at it',
      };
    const path = `argocd/${context.profile.name}.yaml`;
    if ((await context.tree.listFiles()).includes(path))
      return { skipped: `${path} exists already` };
    const application = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: context.profile.name, namespace: 'argocd' },
      spec: {
        project: 'default',
        source: { repoURL, targetRevision: 'HEAD', path: layout.dir },
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: kubernetesName(context.service.namespace ?? 'default'),
        },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          syncOptions: ['CreateNamespace=true'],
        },
      },
    };
    return {
      files: [
        {
          path,
          content: `# Apply once to the Argo CD namespace; Argo CD then keeps the manifests in sync.\n${stringify(
            application,
          )}`,
          action: 'create',
          description: `An Argo CD Application that keeps the cluster in sync with ${layout.dir} on the default branch.`,
        },
      ],
    };
  },
};

/**
 * Generators that add Kubernetes and monitoring objects: manifests,
 * autoscaler, disruption budget, scrape config, alert rules, dashboard and
 * GitOps application.
 *
 * @public
 */
export function kubernetesGenerators(): RemediationGenerator[] {
  return [
    kubernetesManifests,
    autoscaler,
    disruptionBudget,
    metricsScrape,
    alertRules,
    dashboard,
    gitops,
  ];
}
