import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { kubernetesClustersConfigured } from './kubernetesClustersConfigured';

const withLocators = (clusterLocatorMethods: JsonValue[]) =>
  new ConfigReader({ kubernetes: { clusterLocatorMethods } });

describe('kubernetesClustersConfigured', () => {
  it('is false without the Kubernetes plugin config and for the stock app’s empty cluster list', () => {
    expect(kubernetesClustersConfigured(new ConfigReader({}))).toBe(false);
    expect(
      kubernetesClustersConfigured(
        withLocators([{ type: 'config', clusters: [] }]),
      ),
    ).toBe(false);
  });

  it('is true for a listed cluster or a locator that finds clusters at run time', () => {
    expect(
      kubernetesClustersConfigured(
        withLocators([
          {
            type: 'config',
            clusters: [{ name: 'prod', url: 'https://k8s.example.com' }],
          },
        ]),
      ),
    ).toBe(true);
    expect(
      kubernetesClustersConfigured(
        withLocators([{ type: 'config', clusters: [] }, { type: 'catalog' }]),
      ),
    ).toBe(true);
  });
});
