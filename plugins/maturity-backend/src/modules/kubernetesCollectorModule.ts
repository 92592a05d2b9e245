import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { maturityCollectorsExtensionPoint } from '@roadmap/plugin-maturity-node';
import { KubernetesCollector } from '../collectors/kubernetes/KubernetesCollector';

/**
 * Adds the Kubernetes collector, which reads live objects through the
 * installed Kubernetes backend plugin. `maturity.kubernetes.enabled: false`
 * turns it off.
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
      },
      async init({ collectors, config, discovery, auth }) {
        if (config.getOptionalBoolean('maturity.kubernetes.enabled') === false)
          return;
        collectors.addCollector(new KubernetesCollector({ discovery, auth }));
      },
    });
  },
});
