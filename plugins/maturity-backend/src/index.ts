/**
 * Roadmap Maturity backend plugin: scores catalog entities against the
 * maturity rubric from catalog, repository, Kubernetes and Prometheus facts.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { maturityModuleCatalogCollector } from './modules/catalogCollectorModule';
import { maturityModuleKubernetesCollector } from './modules/kubernetesCollectorModule';
import { maturityModulePrometheusCollector } from './modules/prometheusCollectorModule';
import { maturityModuleRepositoryCollector } from './modules/repositoryCollectorModule';
import { maturityPlugin } from './plugin';

export { maturityPlugin } from './plugin';
export { maturityModuleCatalogCollector } from './modules/catalogCollectorModule';
export { maturityModuleKubernetesCollector } from './modules/kubernetesCollectorModule';
export { maturityModulePrometheusCollector } from './modules/prometheusCollectorModule';
export { maturityModuleRepositoryCollector } from './modules/repositoryCollectorModule';

/**
 * The plugin with its four built-in collectors, for
 * `backend.add(import('@roadmap/plugin-maturity-backend'))`.
 *
 * @public
 */
export default createBackendFeatureLoader({
  *loader() {
    yield maturityPlugin;
    yield maturityModuleCatalogCollector;
    yield maturityModuleRepositoryCollector;
    yield maturityModuleKubernetesCollector;
    yield maturityModulePrometheusCollector;
  },
});
