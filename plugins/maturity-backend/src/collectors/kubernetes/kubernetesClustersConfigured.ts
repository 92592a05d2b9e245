import type { Config } from '@backstage/config';

/**
 * Whether the installed Kubernetes plugin can know any cluster, read from its
 * own config: a locator other than `config` (catalog, GKE, local proxy)
 * finds clusters at run time, a `config` locator lists them. A stock app
 * ships the plugin with `clusters: []`; there nothing is observed, and
 * asking the plugin would make every entity look like a Kubernetes outage.
 */
export function kubernetesClustersConfigured(config: Config): boolean {
  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return locators.some(
    locator =>
      locator.getString('type') !== 'config' ||
      (locator.getOptionalConfigArray('clusters') ?? []).length > 0,
  );
}
