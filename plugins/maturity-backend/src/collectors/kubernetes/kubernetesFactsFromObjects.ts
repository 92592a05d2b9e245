import type {
  Evidence,
  Fact,
  FactValue,
} from '@roadmap/plugin-maturity-common';

type Obj = {
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    ownerReferences?: { kind: string; name: string }[];
  };
  spec?: any;
  status?: any;
};

/** The Kubernetes backend's answer for one entity, per cluster. */
export interface ClusterObjectsForEntity {
  cluster: string;
  /** Resources by the backend's type name: pods, deployments, horizontalpodautoscalers, ... */
  resources: Record<string, Obj[]>;
  /** PodDisruptionBudgets fetched as custom resources. */
  podDisruptionBudgets: Obj[];
}

const WORKLOAD_TYPES: [string, string][] = [
  ['deployments', 'Deployment'],
  ['statefulsets', 'StatefulSet'],
];

function ref(cluster: string, kind: string, obj: Obj): Evidence {
  return {
    object: {
      kind,
      name: obj.metadata?.name ?? '?',
      namespace: obj.metadata?.namespace,
      cluster,
    },
  };
}

function containersOf(pod: Obj): any[] {
  return [...(pod.spec?.containers ?? [])];
}

function runsAsNonRoot(pod: Obj): boolean {
  const podCtx = pod.spec?.securityContext ?? {};
  return containersOf(pod).every(c => {
    const ctx = { ...podCtx, ...(c.securityContext ?? {}) };
    if (ctx.runAsUser === 0) return false;
    return (
      ctx.runAsNonRoot === true ||
      (typeof ctx.runAsUser === 'number' && ctx.runAsUser > 0)
    );
  });
}

function hasResources(container: any): boolean {
  const r = container.resources ?? {};
  return Boolean(
    r.requests?.cpu &&
      r.requests?.memory &&
      r.limits?.memory &&
      (r.limits?.cpu || r.requests?.cpu),
  );
}

/**
 * Turns the live objects of an entity into `kubernetes.*` facts. With no
 * workload at all there is nothing to judge, so only `kubernetes.workloads`
 * (0) is reported and the other checks stay unknown.
 */
export function kubernetesFactsFromObjects(
  clusters: ClusterObjectsForEntity[],
  now: Date,
): Fact[] {
  const observedAt = now.toISOString();
  const fact = (id: string, value: FactValue, evidence: Evidence[]): Fact => ({
    id: `kubernetes.${id}`,
    value,
    source: 'kubernetes',
    observedAt,
    evidence,
  });

  const workloads: { cluster: string; kind: string; obj: Obj }[] = [];
  const pods: { cluster: string; obj: Obj }[] = [];
  const hpas: { cluster: string; obj: Obj }[] = [];
  const pdbs: { cluster: string; obj: Obj }[] = [];
  for (const c of clusters) {
    for (const [type, kind] of WORKLOAD_TYPES) {
      for (const obj of c.resources[type] ?? [])
        workloads.push({ cluster: c.cluster, kind, obj });
    }
    for (const obj of c.resources.pods ?? [])
      pods.push({ cluster: c.cluster, obj });
    for (const obj of c.resources.horizontalpodautoscalers ?? [])
      hpas.push({ cluster: c.cluster, obj });
    for (const obj of c.podDisruptionBudgets)
      pdbs.push({ cluster: c.cluster, obj });
  }

  const facts: Fact[] = [
    fact(
      'workloads',
      workloads.length,
      workloads.map(w => ref(w.cluster, w.kind, w.obj)),
    ),
  ];
  if (workloads.length === 0) return facts;

  const notReady = workloads.filter(w => {
    const desired = w.obj.spec?.replicas ?? 1;
    const ready = w.obj.status?.readyReplicas ?? 0;
    return desired === 0 || ready < desired;
  });
  facts.push(
    fact(
      'ready-replicas',
      notReady.length === 0,
      (notReady.length ? notReady : workloads).map(w => ({
        ...ref(w.cluster, w.kind, w.obj),
        note: `${w.obj.status?.readyReplicas ?? 0}/${
          w.obj.spec?.replicas ?? 1
        } ready`,
      })),
    ),
  );

  const running = pods.filter(p => p.obj.status?.phase === 'Running');
  let maxRestarts = 0;
  const crashLooping: Evidence[] = [];
  for (const p of pods) {
    for (const status of p.obj.status?.containerStatuses ?? []) {
      maxRestarts = Math.max(maxRestarts, status.restartCount ?? 0);
      if (status.state?.waiting?.reason === 'CrashLoopBackOff') {
        crashLooping.push({
          ...ref(p.cluster, 'Pod', p.obj),
          note: `container ${status.name} in CrashLoopBackOff`,
        });
      }
    }
  }
  facts.push(fact('restarts', maxRestarts, []));
  facts.push(fact('crash-looping', crashLooping.length > 0, crashLooping));

  if (running.length > 0) {
    const withoutProbes = running.filter(p =>
      containersOf(p.obj).some(c => !c.livenessProbe || !c.readinessProbe),
    );
    facts.push(
      fact(
        'probes',
        withoutProbes.length === 0,
        withoutProbes.map(p => ({
          ...ref(p.cluster, 'Pod', p.obj),
          note: 'a container lacks a liveness or readiness probe',
        })),
      ),
    );
    const withoutResources = running.filter(p =>
      containersOf(p.obj).some(c => !hasResources(c)),
    );
    facts.push(
      fact(
        'resources',
        withoutResources.length === 0,
        withoutResources.map(p => ({
          ...ref(p.cluster, 'Pod', p.obj),
          note: 'a container lacks CPU/memory requests or a memory limit',
        })),
      ),
    );
    const root = running.filter(p => !runsAsNonRoot(p.obj));
    facts.push(
      fact(
        'non-root',
        root.length === 0,
        root.map(p => ({
          ...ref(p.cluster, 'Pod', p.obj),
          note: 'may run as root (no runAsNonRoot / runAsUser > 0)',
        })),
      ),
    );
  }

  const activeHpas = hpas.filter(h => {
    const conditions: any[] = h.obj.status?.conditions ?? [];
    const scalingActive = conditions.find(c => c.type === 'ScalingActive');
    return (
      (h.obj.status?.currentReplicas ?? 0) >= 1 &&
      scalingActive?.status !== 'False'
    );
  });
  facts.push(
    fact(
      'hpa',
      activeHpas.length > 0,
      (activeHpas.length ? activeHpas : hpas).map(h =>
        ref(h.cluster, 'HorizontalPodAutoscaler', h.obj),
      ),
    ),
  );
  facts.push(
    fact(
      'pdb',
      pdbs.length > 0,
      pdbs.map(p => ref(p.cluster, 'PodDisruptionBudget', p.obj)),
    ),
  );
  return facts;
}
