import type { Document } from 'yaml';
import type {
  GeneratorResult,
  RemediationContext,
  RemediationGenerator,
} from '../RemediationGenerator';
import { helmValuesChange } from '../kubernetes/helmValues';
import { editWorkloads } from '../kubernetes/workloads';

const RESOURCES = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { memory: '256Mi' },
};
const POD_SECURITY = { runAsNonRoot: true, runAsUser: 65532 };

type PodEdit = (
  doc: Document,
  containerPath: (index: number) => (string | number)[],
  workload: any,
) => boolean;

function containersOf(workload: any): any[] {
  return Array.isArray(workload?.spec?.template?.spec?.containers)
    ? workload.spec.template.spec.containers
    : [];
}

/**
 * A workload change: in the manifests (in place), or through the chart's
 * values when a template reads them; otherwise skipped with the reason.
 */
function workloadGenerator(
  checkId: string,
  spec: {
    edit: PodEdit;
    describe: string;
    helm?: { keys: string[]; value: unknown; describe: string };
  },
): RemediationGenerator {
  return {
    checkId,
    async generate(context: RemediationContext): Promise<GeneratorResult> {
      const layout = context.profile.kubernetes;
      if (layout.kind === 'helm') {
        const change = spec.helm
          ? await helmValuesChange(context, spec.helm.keys, spec.helm.value)
          : undefined;
        if (!change)
          return {
            skipped: `the chart in ${layout.dir} does not read this from its values; change its templates`,
          };
        return {
          files: [
            {
              path: change.path,
              content: change.content,
              action: 'update',
              description: `${spec.helm!.describe} (\`${change.key}\`).`,
            },
          ],
        };
      }
      if (layout.kind === 'none')
        return {
          skipped:
            'the repository has no Kubernetes manifests (fix infra.k8s first)',
        };
      const files = await editWorkloads(context, (doc, workload) =>
        spec.edit(
          doc,
          i => ['spec', 'template', 'spec', 'containers', i],
          workload,
        ),
      );
      if (files.length === 0)
        return { skipped: 'no Deployment or StatefulSet to change' };
      return {
        files: files.map(f => ({
          ...f,
          action: 'update' as const,
          description: spec.describe,
        })),
      };
    },
  };
}

/** Probes on the first port, at the conventional health path. */
function probesFor(port: string | number, path: string) {
  return {
    readinessProbe: { httpGet: { path, port }, periodSeconds: 10 },
    livenessProbe: {
      httpGet: { path, port },
      initialDelaySeconds: 10,
      periodSeconds: 20,
    },
  };
}

/**
 * Generators that change the workloads themselves: probes, requests and
 * limits, replicas and a non-root security context.
 *
 * @public
 */
export function workloadGenerators(): RemediationGenerator[] {
  return [
    workloadGenerator('obs.health', {
      describe:
        'Adds readiness and liveness probes (HTTP /healthz on the service port) to containers that had none; point them at the real health endpoint.',
      edit: (doc, at, workload) => {
        let changed = false;
        containersOf(workload).forEach((c, i) => {
          if (c?.readinessProbe || c?.livenessProbe || c?.startupProbe) return;
          const port =
            c?.ports?.[0]?.name ?? c?.ports?.[0]?.containerPort ?? 8080;
          for (const [key, value] of Object.entries(
            probesFor(port, '/healthz'),
          ))
            doc.setIn([...at(i), key], doc.createNode(value));
          changed = true;
        });
        return changed;
      },
    }),
    workloadGenerator('rel.resources', {
      describe:
        'Adds CPU/memory requests and a memory limit to containers without them (starting points: adjust to measured usage).',
      helm: {
        keys: ['resources'],
        value: RESOURCES,
        describe:
          'Sets CPU/memory requests and a memory limit in the chart values',
      },
      edit: (doc, at, workload) => {
        let changed = false;
        containersOf(workload).forEach((c, i) => {
          const r = c?.resources ?? {};
          const hasRequests = r.requests?.cpu || r.requests?.memory;
          const hasLimits = r.limits?.cpu || r.limits?.memory;
          if (!hasRequests) {
            doc.setIn(
              [...at(i), 'resources', 'requests'],
              doc.createNode(RESOURCES.requests),
            );
            changed = true;
          }
          if (!hasLimits) {
            doc.setIn(
              [...at(i), 'resources', 'limits'],
              doc.createNode(RESOURCES.limits),
            );
            changed = true;
          }
        });
        return changed;
      },
    }),
    workloadGenerator('rel.replicas', {
      describe: 'Runs two replicas, so one can fail or roll without downtime.',
      helm: {
        keys: ['replicaCount', 'replicas'],
        value: 2,
        describe: 'Runs two replicas',
      },
      edit: (doc, _at, workload) => {
        const replicas = workload?.spec?.replicas;
        if (typeof replicas === 'number' && replicas >= 2) return false;
        doc.setIn(['spec', 'replicas'], 2);
        return true;
      },
    }),
    workloadGenerator('sec.non-root', {
      describe:
        'Runs the pods as a non-root user (runAsNonRoot, UID 65532); the image must not need root.',
      helm: {
        keys: ['podSecurityContext', 'securityContext'],
        value: POD_SECURITY,
        describe: 'Runs the pods as a non-root user',
      },
      edit: (doc, _at, workload) => {
        const ctx = workload?.spec?.template?.spec?.securityContext ?? {};
        if (ctx.runAsNonRoot === true) return false;
        for (const [key, value] of Object.entries(POD_SECURITY))
          doc.setIn(
            ['spec', 'template', 'spec', 'securityContext', key],
            value,
          );
        return true;
      },
    }),
  ];
}
