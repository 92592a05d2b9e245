import type { Evidence } from '@roadmap/plugin-maturity-common';
import type { Signals } from './Signals';
import { isThirdPartyImage, notFirstPartyBecause } from './firstParty';
import type { KubernetesObject } from './isKubernetesObject';

/** Kinds that run pods. */
export const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicaSet',
  'Pod',
  'Rollout',
  'DeploymentConfig',
]);

function podSpecOf(obj: KubernetesObject): any {
  const spec = obj.spec ?? {};
  if (obj.kind === 'Pod') return spec;
  if (obj.kind === 'CronJob') return spec.jobTemplate?.spec?.template?.spec;
  return spec.template?.spec;
}

function hasRequestsAndLimits(container: any): boolean {
  const r = container?.resources ?? {};
  const req = r.requests ?? {};
  const lim = r.limits ?? {};
  return Boolean((req.cpu || req.memory) && (lim.cpu || lim.memory));
}

function strategyNote(strategy: {
  canary?: unknown;
  blueGreen?: unknown;
}): string {
  if (strategy.canary) return ' (canary)';
  if (strategy.blueGreen) return ' (blue-green)';
  return '';
}

/**
 * A workload object: probes, requests and limits, security context and
 * replicas of its first-party containers (a container whose image is
 * third-party software, or a workload that is a test hook, fixture or
 * platform component, is recorded as such and decides nothing), plus
 * tracing env, scrape annotations, Vault injection, Argo Rollouts and
 * backup CronJobs.
 */
export function detectKubernetesWorkload(
  obj: KubernetesObject,
  at: (note: string, needle?: string) => Evidence,
  signals: Signals,
  path: string,
  origin = '',
): void {
  const kind = String(obj.kind);
  const group =
    String(obj.apiVersion).split('/').length > 1
      ? String(obj.apiVersion).split('/')[0]
      : '';
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
  const suffix = origin ? ` (${origin})` : '';
  signals.add('infra.k8s', at(`${kind} ${name}`));
  const excluded = notFirstPartyBecause(path, obj, { workload: true });
  const pod = podSpecOf(obj);
  const containers: any[] = Array.isArray(pod?.containers)
    ? pod.containers
    : [];
  let firstPartyContainers = 0;
  for (const c of containers) {
    const image = typeof c?.image === 'string' ? c.image : '';
    const why =
      excluded ??
      (image && isThirdPartyImage(image)
        ? `third-party image ${image}`
        : undefined);
    const label = `${kind} ${name}: container ${c?.name ?? '?'}`;
    if (why) {
      signals.thirdPartyWorkloads.push(`${label} (${why})`);
      continue;
    }
    firstPartyContainers++;
    if (c?.livenessProbe || c?.readinessProbe || c?.startupProbe) {
      const probe = ['livenessProbe', 'readinessProbe', 'startupProbe'].find(
        p => c[p],
      );
      signals.add(
        'obs.health',
        at(
          `${kind} ${name}: ${probe} on ${c.name ?? 'container'}${suffix}`,
          probe,
        ),
      );
    }
    if (kind !== 'Job' && kind !== 'CronJob') {
      signals.containers.push({
        evidence: at(`${label}${suffix}`, 'resources:'),
        resources: hasRequestsAndLimits(c),
      });
    }
    const ctx = {
      ...(pod?.securityContext ?? {}),
      ...(c?.securityContext ?? {}),
    };
    if (
      ctx.runAsNonRoot === true ||
      (typeof ctx.runAsUser === 'number' && ctx.runAsUser > 0)
    ) {
      signals.runtimeUsers.push({
        evidence: at(
          `${kind} ${name}: runAsNonRoot${suffix}`,
          ctx.runAsNonRoot ? 'runAsNonRoot' : 'runAsUser',
        ),
        nonRoot: ctx.runAsUser !== 0,
      });
    }
    for (const env of Array.isArray(c?.env) ? c.env : []) {
      if (
        typeof env?.name === 'string' &&
        /^OTEL_EXPORTER|^OTEL_TRACES|^JAEGER_|^ZIPKIN_/.test(env.name)
      )
        signals.add('obs.tracing', at(`env ${env.name}`, env.name));
    }
    const port = c?.ports?.[0]?.containerPort;
    if (typeof port === 'number') signals.port ??= port;
    const registry = /^([a-z0-9.-]+\.[a-z]{2,}(?::\d+)?)\//i.exec(image)?.[1];
    if (registry) signals.registry ??= registry.toLowerCase();
  }
  // A backup job runs the tools of its trade (kubectl, pg_dump, restic)
  // from their publishers' images: the job is the repository's own.
  if (kind === 'CronJob' && !excluded) {
    const command = JSON.stringify(podSpecOf(obj)?.containers ?? []);
    if (
      /backup|pg_dump|mysqldump|mongodump|velero|restic|borg/i.test(
        `${name} ${command}`,
      )
    )
      signals.add('rel.backups', at(`backup CronJob ${name}`));
  }
  if (excluded || (containers.length > 0 && firstPartyContainers === 0)) return;
  const replicas = obj.spec?.replicas;
  if (typeof replicas === 'number' && replicas >= 2)
    signals.add(
      'rel.replicas',
      at(`${kind} ${name}: replicas ${replicas}${suffix}`, 'replicas:'),
    );
  const annotations = {
    ...(obj.spec?.template?.metadata?.annotations ?? {}),
    ...(obj.metadata?.annotations ?? {}),
  };
  if (String(annotations['prometheus.io/scrape']) === 'true')
    signals.add(
      'obs.metrics',
      at('prometheus.io/scrape annotation', 'prometheus.io/scrape'),
    );
  if (annotations['vault.hashicorp.com/agent-inject'])
    signals.add(
      'sec.policy',
      at('Vault agent injection', 'vault.hashicorp.com'),
    );
  if (kind === 'Rollout' && group === 'argoproj.io')
    signals.add(
      'cd.progressive',
      at(`Argo Rollout ${name}${strategyNote(obj.spec?.strategy ?? {})}`),
    );
}
