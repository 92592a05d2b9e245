import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { Fact } from '@roadmap/plugin-maturity-common';
import type {
  CollectRequest,
  CollectResult,
  MaturityCollector,
} from '@roadmap/plugin-maturity-node';
import pLimit from 'p-limit';
import {
  type ClusterObjectsForEntity,
  kubernetesFactsFromObjects,
} from './kubernetesFactsFromObjects';

/** The annotations the Kubernetes plugin selects an entity's objects by. */
export const KUBERNETES_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
];

const PDB_RESOURCE = {
  group: 'policy',
  apiVersion: 'v1',
  plural: 'poddisruptionbudgets',
};

/**
 * Facts from the entity's live objects, fetched through the installed
 * Kubernetes backend plugin (its clusters, its auth), never through a second
 * cluster configuration.
 */
export class KubernetesCollector implements MaturityCollector {
  readonly source = 'kubernetes';

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      concurrency?: number;
    },
  ) {}

  async collect(request: CollectRequest): Promise<CollectResult> {
    const facts = new Map<string, Fact[]>();
    const failures = new Map<string, string>();
    const baseUrl = await this.options.discovery.getBaseUrl('kubernetes');
    const { token } = await this.options.auth.getPluginRequestToken({
      onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
      targetPluginId: 'kubernetes',
    });
    const limit = pLimit(this.options.concurrency ?? 4);

    await Promise.all(
      request.entities.map(entity =>
        limit(async () => {
          const entityRef = stringifyEntityRef(entity);
          if (!this.isAnnotated(entity)) {
            failures.set(
              entityRef,
              'no backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector annotation',
            );
            return;
          }
          try {
            const [workloads, custom] = await Promise.all([
              this.post(
                `${baseUrl}/resources/workloads/query`,
                token,
                request.signal,
                {
                  entityRef,
                  auth: {},
                },
              ),
              this.post(
                `${baseUrl}/resources/custom/query`,
                token,
                request.signal,
                {
                  entityRef,
                  auth: {},
                  customResources: [PDB_RESOURCE],
                },
              ),
            ]);
            const clusters = this.toClusterObjects(workloads, custom);
            const clusterErrors = [
              ...(workloads.items ?? []),
              ...(custom.items ?? []),
            ].flatMap((i: any) => i.errors ?? []);
            if (clusters.length === 0 && clusterErrors.length > 0) {
              failures.set(
                entityRef,
                `Kubernetes answered with errors: ${JSON.stringify(
                  clusterErrors[0],
                )}`,
              );
              return;
            }
            facts.set(
              entityRef,
              kubernetesFactsFromObjects(clusters, request.now),
            );
          } catch (error) {
            const cause = (error as ResponseError).body?.error?.message;
            failures.set(
              entityRef,
              `Kubernetes could not be queried: ${(error as Error).message}${
                cause ? ` (${cause})` : ''
              }`,
            );
          }
        }),
      ),
    );
    return { facts, failures };
  }

  private isAnnotated(entity: Entity): boolean {
    const annotations = entity.metadata.annotations ?? {};
    return KUBERNETES_ANNOTATIONS.some(a => Boolean(annotations[a]));
  }

  private toClusterObjects(
    workloads: any,
    custom: any,
  ): ClusterObjectsForEntity[] {
    const byCluster = new Map<string, ClusterObjectsForEntity>();
    const get = (name: string) => {
      let c = byCluster.get(name);
      if (!c) {
        c = { cluster: name, resources: {}, podDisruptionBudgets: [] };
        byCluster.set(name, c);
      }
      return c;
    };
    for (const item of workloads.items ?? []) {
      if ((item.errors ?? []).length > 0 && (item.resources ?? []).length === 0)
        continue;
      const c = get(item.cluster.name);
      for (const r of item.resources ?? []) {
        c.resources[r.type] = [...(c.resources[r.type] ?? []), ...r.resources];
      }
    }
    for (const item of custom.items ?? []) {
      const c = byCluster.get(item.cluster.name);
      if (!c) continue;
      for (const r of item.resources ?? []) {
        c.podDisruptionBudgets.push(...r.resources);
      }
    }
    return [...byCluster.values()];
  }

  private async post(
    url: string,
    token: string,
    signal: AbortSignal,
    body: unknown,
  ): Promise<any> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
      signal,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }
}
