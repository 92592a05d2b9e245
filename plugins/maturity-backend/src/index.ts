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
import { maturityModuleRollupCollector } from './modules/rollupCollectorModule';
import { maturityPlugin } from './plugin';

export { maturityPlugin } from './plugin';
export { maturityModuleCatalogCollector } from './modules/catalogCollectorModule';
export { maturityModuleKubernetesCollector } from './modules/kubernetesCollectorModule';
export { maturityModulePrometheusCollector } from './modules/prometheusCollectorModule';
export { maturityModuleRepositoryCollector } from './modules/repositoryCollectorModule';
export { maturityModuleRollupCollector } from './modules/rollupCollectorModule';

/**
 * The plugin with its built-in collectors (catalog, repository, Kubernetes,
 * Prometheus, and the roll-up of Systems, Domains and Groups), for
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
    yield maturityModuleRollupCollector;
  },
});
