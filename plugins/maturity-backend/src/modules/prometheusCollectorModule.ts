import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { maturityCollectorsExtensionPoint } from '@roadmap/plugin-maturity-node';
import { PrometheusCollector } from '@roadmap/plugin-maturity-node';

/**
 * Adds the Prometheus collector when `maturity.prometheus.servers` is set.
 *
 * @public
 */
export const maturityModulePrometheusCollector = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'prometheus-collector',
  register(env) {
    env.registerInit({
      deps: {
        collectors: maturityCollectorsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ collectors, config, logger }) {
        const collector = PrometheusCollector.fromConfig(config);
        if (collector) {
          collectors.addCollector(collector);
        } else {
          logger.info(
            'No maturity.prometheus.servers configured; Prometheus checks will be unknown',
          );
        }
      },
    });
  },
});
