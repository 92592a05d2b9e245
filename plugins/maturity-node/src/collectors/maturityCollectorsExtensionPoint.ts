import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { MaturityCollector } from './MaturityCollector';

/**
 * Lets backend modules add fact collectors to the maturity plugin. The
 * plugin's own catalog, repository, Kubernetes and Prometheus collectors are
 * registered through this same extension point.
 *
 * @public
 */
export interface MaturityCollectorsExtensionPoint {
  addCollector(...collectors: MaturityCollector[]): void;
}

/**
 * Extension point `maturity.collectors`.
 *
 * @public
 */
export const maturityCollectorsExtensionPoint =
  createExtensionPoint<MaturityCollectorsExtensionPoint>({
    id: 'maturity.collectors',
  });
