import type { RemediationContext } from '../RemediationGenerator';
import { serviceRuntime } from '../stack/serviceRuntime';
import { serviceTarget } from './serviceTarget';
import type { WorkloadCandidate } from './WorkloadCandidate';

/**
 * The entity's own workload, or the reason a generator that changes or
 * refers to it must skip.
 */
export async function serviceWorkload(
  context: RemediationContext,
): Promise<{ workload: WorkloadCandidate } | { skipped: string }> {
  const runtime = await serviceRuntime(context);
  const target = await serviceTarget(context, {
    publishedImages: [runtime.image],
  });
  if ('workload' in target) return target;
  return { skipped: 'none' in target ? target.none : target.ambiguous };
}
