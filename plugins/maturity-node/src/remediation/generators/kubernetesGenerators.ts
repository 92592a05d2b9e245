import type { RemediationGenerator } from '../RemediationGenerator';
import { gitopsGenerator } from './gitopsGenerator';
import { manifestGenerator } from './manifestGenerator';
import { monitoringGenerators } from './monitoringGenerators';
import { scalingGenerators } from './scalingGenerators';

/**
 * Generators that add Kubernetes and monitoring objects: manifests,
 * autoscaler, disruption budget, scrape config, alert rules, dashboard and
 * GitOps application.
 *
 * @public
 */
export function kubernetesGenerators(): RemediationGenerator[] {
  return [
    manifestGenerator,
    ...scalingGenerators(),
    ...monitoringGenerators(),
    gitopsGenerator,
  ];
}
