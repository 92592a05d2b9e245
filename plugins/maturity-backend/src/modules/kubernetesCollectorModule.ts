import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { maturityCollectorsExtensionPoint } from '@roadmap/plugin-maturity-node';
import { KubernetesCollector } from '../collectors/kubernetes/KubernetesCollector';
import { kubernetesClustersConfigured } from '../collectors/kubernetes/kubernetesClustersConfigured';

/**
 * Adds the Kubernetes collector, which reads live objects through the
 * installed Kubernetes backend plugin, when that plugin has clusters to ask
 * (`maturity.kubernetes.enabled: true` adds it regardless, `false` never).
 * Without it the Kubernetes checks are "not observed here" and left out of
 * levels, as for any source without a collector.
 *
 * @public
 */
export const maturityModuleKubernetesCollector = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'kubernetes-collector',
  register(env) {
    env.registerInit({
      deps: {
        collectors: maturityCollectorsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ collectors, config, discovery, auth, logger }) {
        const enabled = config.getOptionalBoolean(
          'maturity.kubernetes.enabled',
        );
        if (enabled === false) return;
        if (enabled === undefined && !kubernetesClustersConfigured(config)) {
          logger.info(
            'The Kubernetes plugin has no clusters configured (kubernetes.clusterLocatorMethods); Kubernetes checks are not observed here',
          );
          return;
        }
        collectors.addCollector(new KubernetesCollector({ discovery, auth }));
      },
    });
  },
});
