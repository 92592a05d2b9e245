import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import path from 'node:path';
import { startKubernetesApiReplay } from '../../__testUtils__/startKubernetesApiReplay';
import { KubernetesCollector } from './KubernetesCollector';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';

// The Kubernetes backend imports the ESM @kubernetes/client-node at run time,
// which Jest allows only with --experimental-vm-modules (set by the test
// scripts in package.json and scripts/test.sh).
jest.setTimeout(60_000);

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/platform',
      lifecycle: 'production',
    },
  };
}

const entities = [
  component('payments-api', { 'backstage.io/kubernetes-id': 'payments-api' }),
  component('ledger-worker', { 'backstage.io/kubernetes-id': 'ledger-worker' }),
  component('docs-site', {}),
];

const values = (facts: { id: string; value: unknown }[] | undefined) =>
  Object.fromEntries((facts ?? []).map(f => [f.id, f.value]));

describe('KubernetesCollector through the real Kubernetes backend plugin', () => {
  it('turns each entity’s live objects into facts, and says why others have none', async () => {
    const cluster = await startKubernetesApiReplay(
      path.join(__dirname, '__fixtures__'),
    );
    try {
      const { server } = await startTestBackend({
        features: [
          kubernetesPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: {
              kubernetes: {
                serviceLocatorMethod: { type: 'multiTenant' },
                clusterLocatorMethods: [
                  {
                    type: 'config',
                    clusters: [
                      {
                        name: 'eu-west-1-prod',
                        url: cluster.url,
                        authProvider: 'serviceAccount',
                        serviceAccountToken: 'replay',
                        skipTLSVerify: true,
                        skipMetricsLookup: true,
                      },
                    ],
                  },
                ],
              },
            },
          }),
        ],
      });
      const port = server.port();
      const collector = new KubernetesCollector({
        discovery: {
          getBaseUrl: async id => `http://localhost:${port}/api/${id}`,
          getExternalBaseUrl: async id => `http://localhost:${port}/api/${id}`,
        },
        auth: mockServices.auth(),
      });

      const result = await collector.collect({
        entities,
        now: new Date('2026-11-24T12:00:00Z'),
        logger: mockServices.logger.mock(),
        signal: new AbortController().signal,
        previous: new Map(),
      });

      expect(
        values(result.facts.get('component:default/payments-api')),
      ).toEqual({
        'kubernetes.workloads': 1,
        'kubernetes.ready-replicas': true,
        'kubernetes.restarts': 1,
        'kubernetes.crash-looping': false,
        'kubernetes.probes': true,
        'kubernetes.resources': true,
        'kubernetes.non-root': true,
        'kubernetes.hpa': true,
        'kubernetes.pdb': true,
      });
      expect(
        values(result.facts.get('component:default/ledger-worker')),
      ).toEqual({
        'kubernetes.workloads': 1,
        'kubernetes.ready-replicas': false,
        'kubernetes.restarts': 27,
        'kubernetes.crash-looping': true,
        // A crash-looping pod is still in phase Running, so it is judged.
        'kubernetes.probes': false,
        'kubernetes.resources': false,
        'kubernetes.non-root': false,
        'kubernetes.hpa': false,
        'kubernetes.pdb': false,
      });
      const crash = result.facts
        .get('component:default/ledger-worker')!
        .find(f => f.id === 'kubernetes.crash-looping')!;
      expect(crash.evidence[0].object).toEqual({
        kind: 'Pod',
        name: 'ledger-worker-5c8d7f6b9-h2lwd',
        namespace: 'ledger',
        cluster: 'eu-west-1-prod',
      });
      expect(result.facts.has('component:default/docs-site')).toBe(false);
      expect(result.failures?.get('component:default/docs-site')).toMatch(
        /kubernetes-id/,
      );
      // The PDBs came through the custom-resources endpoint.
      expect(
        cluster.requests.some(r =>
          r.startsWith('/apis/policy/v1/poddisruptionbudgets'),
        ),
      ).toBe(true);
    } finally {
      await cluster.stop();
    }
  });

  it('fails every entity, without facts, when the Kubernetes backend is unreachable', async () => {
    const collector = new KubernetesCollector({
      discovery: {
        getBaseUrl: async () => 'http://127.0.0.1:1/api/kubernetes',
        getExternalBaseUrl: async () => '',
      },
      auth: mockServices.auth(),
    });
    const result = await collector.collect({
      entities: entities.slice(0, 2),
      now: new Date(),
      logger: mockServices.logger.mock(),
      signal: new AbortController().signal,
      previous: new Map(),
    });
    expect(result.facts.size).toBe(0);
    expect([...result.failures!.values()]).toEqual([
      expect.stringMatching(/Kubernetes could not be queried/),
      expect.stringMatching(/Kubernetes could not be queried/),
    ]);
  });
});
