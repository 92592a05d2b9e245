import type { RemediationGenerator } from '../RemediationGenerator';
import { ciGenerators } from './ciGenerators';
import { containerImageGenerator } from './containerImageGenerator';
import { docsGenerators } from './docsGenerators';
import { kubernetesGenerators } from './kubernetesGenerators';
import { securityGenerators } from './securityGenerators';
import { workloadGenerators } from './workloadGenerators';

/**
 * Every built-in generator, one per remediable repository check.
 *
 * @public
 */
export function remediationGenerators(): RemediationGenerator[] {
  return [
    ...ciGenerators(),
    containerImageGenerator,
    ...kubernetesGenerators(),
    ...workloadGenerators(),
    ...securityGenerators(),
    ...docsGenerators(),
  ];
}
