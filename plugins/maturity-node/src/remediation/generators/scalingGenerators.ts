import type {
  GeneratorResult,
  RemediationContext,
  RemediationGenerator,
} from '../RemediationGenerator';
import { chartObject } from '../kubernetes/helmToggle';
import {
  targetedObjectFiles,
  WORKLOAD_NAME,
  WORKLOAD_SELECTOR,
} from '../kubernetes/targetedObjectFiles';
import { serviceWorkload } from '../targeting/serviceWorkload';
import type { WorkloadCandidate } from '../targeting/WorkloadCandidate';

/**
 * A new object for the entity's workload — unless its chart has one of
 * that kind already: switched off, it is turned on; otherwise the check is
 * skipped rather than a second object added.
 */
async function objectForWorkload(
  context: RemediationContext,
  kind: string,
  build: (workload: WorkloadCandidate) => {
    file: string;
    object: Record<string, unknown>;
    description: string;
  },
): Promise<GeneratorResult> {
  const target = await serviceWorkload(context);
  if ('skipped' in target) return target;
  const { workload } = target;
  if (workload.source === 'chart') {
    const existing = await chartObject(context, workload.chart ?? '', kind);
    if (existing.kind === 'toggle')
      return {
        files: [
          {
            path: existing.path,
            content: existing.content,
            action: 'update',
            description: `Turns on the chart's own ${kind} (${existing.template}: \`${existing.key}: true\`).`,
          },
        ],
      };
    if (existing.kind === 'present') return { skipped: existing.reason };
  }
  const { file, object, description } = build(workload);
  return targetedObjectFiles(context, workload, file, object, description);
}

/** `rel.autoscaling`: a HorizontalPodAutoscaler on CPU for the service's workload. */
const autoscaler: RemediationGenerator = {
  checkId: 'rel.autoscaling',
  generate: context =>
    objectForWorkload(context, 'HorizontalPodAutoscaler', workload => ({
      file: 'hpa.yaml',
      description: `Scales the ${workload.kind} of ${workload.path} between 2 and 6 replicas at 70% CPU (needs CPU requests).`,
      object: {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: WORKLOAD_NAME },
        spec: {
          // Always the current API: the workload's own apiVersion may be a removed one.
          scaleTargetRef: {
            apiVersion: 'apps/v1',
            kind: workload.kind,
            name: WORKLOAD_NAME,
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
    })),
};

/** `rel.pdb`: a PodDisruptionBudget keeping one pod of the service up during drains. */
const disruptionBudget: RemediationGenerator = {
  checkId: 'rel.pdb',
  generate: context =>
    objectForWorkload(context, 'PodDisruptionBudget', workload => ({
      file: 'pdb.yaml',
      description: `Keeps at least one pod of the ${workload.kind} of ${workload.path} running while nodes are drained.`,
      object: {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: WORKLOAD_NAME },
        spec: { minAvailable: 1, selector: { matchLabels: WORKLOAD_SELECTOR } },
      },
    })),
};

/**
 * Generators that keep the service's workload available: autoscaler and
 * disruption budget.
 */
export function scalingGenerators(): RemediationGenerator[] {
  return [autoscaler, disruptionBudget];
}
