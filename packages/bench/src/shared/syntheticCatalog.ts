import type { Entity } from '@backstage/catalog-model';

/** The demo repositories the synthetic services point at, in turn. */
const REPOS = [
  'payments-api',
  'ledger-worker',
  'checkout-web',
  'search-indexer',
  'search-api',
  'edge-gateway',
  'data-exporter',
  'shared-ui-kit',
];
const TEAMS = 40;
const SYSTEMS = 25;

/**
 * A catalog for benchmarks: `n` services (`svc-<i>`) spread over the demo's
 * example repositories, 40 teams and 25 systems, plus the teams' Groups.
 * With `prometheusServices`, service i reports its series as
 * `svc-<i mod prometheusServices>`.
 */
export function syntheticCatalog(
  n: number,
  options: { prometheusServices?: number } = {},
): Entity[] {
  const services: Entity[] = Array.from({ length: n }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `svc-${i}`,
      namespace: 'default',
      annotations: {
        'backstage.io/source-location': `url:https://github.com/roadmap-demo/${
          REPOS[i % REPOS.length]
        }/tree/main/`,
        ...(options.prometheusServices
          ? {
              'prometheus.io/service-name': `svc-${
                i % options.prometheusServices
              }`,
            }
          : {}),
      },
    },
    spec: {
      type: 'service',
      lifecycle: i % 7 === 0 ? 'experimental' : 'production',
      owner: `group:default/team-${i % TEAMS}`,
      system: `system:default/sys-${i % SYSTEMS}`,
    },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/team-${i % TEAMS}` },
    ],
  }));
  const teams: Entity[] = Array.from({ length: TEAMS }, (_, t) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: `team-${t}`, namespace: 'default' },
    spec: { type: 'team', children: [] },
  }));
  return [...services, ...teams];
}
