import type { FactDescriptor } from '../types/Check';

/**
 * The repository check ids whose facts are `repository.<id>` booleans.
 *
 * @public
 */
export const REPOSITORY_CHECK_IDS = [
  'ci.pipeline',
  'ci.tests',
  'ci.container-build',
  'ci.image-publish',
  'cd.deploy',
  'cd.gitops',
  'cd.progressive',
  'sec.dependency-updates',
  'sec.image-scan',
  'sec.sast',
  'sec.secret-scan',
  'sec.non-root',
  'sec.signing',
  'sec.policy',
  'obs.metrics',
  'obs.dashboards',
  'obs.alerts',
  'obs.tracing',
  'obs.logging',
  'obs.health',
  'rel.resources',
  'rel.replicas',
  'rel.autoscaling',
  'rel.pdb',
  'rel.load-test',
  'rel.chaos',
  'rel.backups',
  'infra.container',
  'infra.k8s',
  'infra.iac',
  'docs.readme',
  'docs.techdocs',
  'docs.runbook',
  'docs.api-spec',
  'docs.codeowners',
  'docs.contributing',
] as const;

const repositoryFacts: FactDescriptor[] = REPOSITORY_CHECK_IDS.map(id => ({
  id: `repository.${id}`,
  source: 'repository',
  type: 'boolean',
  description: `Whether the repository shows the signal of check ${id}`,
}));

/**
 * Every fact the default collectors produce: id, source, value type and
 * meaning. Adopter checks may only read facts listed here or declared in
 * their rubric overrides.
 *
 * @public
 */
export const FACT_CATALOG: FactDescriptor[] = [
  ...repositoryFacts,
  {
    id: 'repository.languages',
    source: 'repository',
    type: 'string[]',
    description: 'Languages detected, e.g. typescript, go',
  },
  {
    id: 'repository.ci.systems',
    source: 'repository',
    type: 'string[]',
    description: 'CI systems in use, e.g. github-actions, gitlab-ci',
  },
  {
    id: 'repository.build-tools',
    source: 'repository',
    type: 'string[]',
    description: 'Build tools, e.g. npm, maven',
  },
  {
    id: 'repository.k8s.layout',
    source: 'repository',
    type: 'string[]',
    description: 'Where Kubernetes config lives, e.g. helm:charts/api',
  },
  {
    id: 'repository.container.registry',
    source: 'repository',
    type: 'string',
    description: 'Container registry images are pushed to, e.g. ghcr.io',
  },
  {
    id: 'repository.service.port',
    source: 'repository',
    type: 'number',
    description: 'The port the service listens on',
  },
  {
    id: 'repository.infra.iac.state-locking',
    source: 'repository',
    type: 'boolean',
    description: 'Terraform remote state uses locking',
  },

  {
    id: 'catalog.owner',
    source: 'catalog',
    type: 'string',
    description: 'Entity ref of spec.owner (empty when unset)',
  },
  {
    id: 'catalog.owner-is-group',
    source: 'catalog',
    type: 'boolean',
    description: 'spec.owner resolves to a Group in the catalog',
  },
  {
    id: 'catalog.lifecycle',
    source: 'catalog',
    type: 'string',
    description: 'spec.lifecycle (empty when unset)',
  },
  {
    id: 'catalog.system',
    source: 'catalog',
    type: 'string',
    description: 'spec.system (empty when unset)',
  },
  {
    id: 'catalog.techdocs',
    source: 'catalog',
    type: 'boolean',
    description: 'backstage.io/techdocs-ref annotation is set',
  },
  {
    id: 'catalog.oncall',
    source: 'catalog',
    type: 'boolean',
    description:
      'An on-call integration is annotated (PagerDuty, Opsgenie, or maturity.roadmap.dev/oncall)',
  },
  {
    id: 'catalog.runbook',
    source: 'catalog',
    type: 'boolean',
    description:
      'A runbook link in metadata.links or maturity.roadmap.dev/runbook',
  },
  {
    id: 'catalog.provided-apis',
    source: 'catalog',
    type: 'number',
    description: 'Number of APIs in spec.providesApis',
  },
  {
    id: 'catalog.source-location',
    source: 'catalog',
    type: 'boolean',
    description: 'The entity says where its source is',
  },
  {
    id: 'catalog.kubernetes',
    source: 'catalog',
    type: 'boolean',
    description:
      'backstage.io/kubernetes-id or -label-selector annotation is set',
  },
  {
    id: 'catalog.monitoring',
    source: 'catalog',
    type: 'boolean',
    description: 'Prometheus or Grafana annotations are set',
  },

  {
    id: 'kubernetes.workloads',
    source: 'kubernetes',
    type: 'number',
    description: 'Deployments and StatefulSets found for the entity',
  },
  {
    id: 'kubernetes.ready-replicas',
    source: 'kubernetes',
    type: 'boolean',
    description: 'Every workload has all desired replicas ready',
  },
  {
    id: 'kubernetes.restarts',
    source: 'kubernetes',
    type: 'number',
    description: 'Highest container restart count among the pods',
  },
  {
    id: 'kubernetes.crash-looping',
    source: 'kubernetes',
    type: 'boolean',
    description: 'A container is in CrashLoopBackOff',
  },
  {
    id: 'kubernetes.probes',
    source: 'kubernetes',
    type: 'boolean',
    description: 'Every running container has liveness and readiness probes',
  },
  {
    id: 'kubernetes.resources',
    source: 'kubernetes',
    type: 'boolean',
    description:
      'Every running container has CPU/memory requests and a memory limit',
  },
  {
    id: 'kubernetes.non-root',
    source: 'kubernetes',
    type: 'boolean',
    description: 'Every running pod runs as non-root',
  },
  {
    id: 'kubernetes.hpa',
    source: 'kubernetes',
    type: 'boolean',
    description: 'A HorizontalPodAutoscaler is present and active',
  },
  {
    id: 'kubernetes.pdb',
    source: 'kubernetes',
    type: 'boolean',
    description: 'A PodDisruptionBudget is present',
  },

  {
    id: 'prometheus.scraped',
    source: 'prometheus',
    type: 'boolean',
    description: 'Prometheus scrapes the service (up == 1)',
  },
  {
    id: 'prometheus.availability',
    source: 'prometheus',
    type: 'number',
    description:
      'Percentage of successful scrapes over the availability window',
  },
  {
    id: 'prometheus.alert-rules',
    source: 'prometheus',
    type: 'number',
    description: 'Loaded alerting rules that select the service',
  },
  {
    id: 'prometheus.recording-rules',
    source: 'prometheus',
    type: 'number',
    description: 'Loaded recording (SLO) rules that select the service',
  },
  // The roll-up of Systems, Domains and Groups over their children (a
  // System's Components, a Domain's Systems, a Group's and its sub-groups'
  // Components), from the children's stored scores.
  {
    id: 'rollup.children',
    source: 'rollup',
    type: 'number',
    description:
      "Children in the catalog: a System's Components, a Domain's Systems, the Components a Group or its sub-groups own",
  },
  {
    id: 'rollup.children-scored',
    source: 'rollup',
    type: 'number',
    description: 'Children that have a stored score',
  },
  {
    id: 'rollup.share-scored',
    source: 'rollup',
    type: 'number',
    description:
      'Percentage of the children that have a stored score (absent without children)',
  },
  ...['bronze', 'silver', 'gold'].map(
    (level): FactDescriptor => ({
      id: `rollup.share-${level}`,
      source: 'rollup',
      type: 'number',
      description: `Percentage of the children whose stored level is ${level} or higher; unscored children count as below (absent without children)`,
    }),
  ),
  {
    id: 'rollup.lowest-level-rank',
    source: 'rollup',
    type: 'number',
    description:
      'Lowest stored level among the scored children, as its position in the level order (0 = the first level, -1 = none)',
  },
  {
    id: 'rollup.missing-apis',
    source: 'rollup',
    type: 'number',
    description:
      "Systems: APIs the system's Components provide (providesApis) that have no API entity in the catalog",
  },
];
