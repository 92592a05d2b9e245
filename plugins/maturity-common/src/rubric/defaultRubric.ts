import type {
  Check,
  Condition,
  Effort,
  Level,
  Pillar,
  Rubric,
} from '../types/Check';
import { factsOfCondition } from '../conditions/compileCondition';
import { FACT_CATALOG } from './factCatalog';
import { ROLLUP_CHECKS } from './rollupChecks';

const PILLARS: Pillar[] = [
  {
    id: 'cicd',
    title: 'CI/CD',
    description: 'Every change is built, tested and delivered by a pipeline.',
  },
  {
    id: 'observability',
    title: 'Observability',
    description:
      'Metrics, dashboards, alerts, logs and traces tell the team how the service behaves.',
  },
  {
    id: 'security',
    title: 'Security',
    description:
      'Dependencies, images, code and secrets are checked automatically; the runtime is locked down.',
  },
  {
    id: 'reliability',
    title: 'Reliability',
    description:
      'The service survives load, failures and disruptions, and can be restored.',
  },
  {
    id: 'infrastructure',
    title: 'Infrastructure & Delivery',
    description:
      'Containers, Kubernetes and cloud resources are defined as code.',
  },
  {
    id: 'docs',
    title: 'Documentation & Ownership',
    description:
      'Someone owns it, and people can find how it works and how to run it.',
  },
];

const LEVELS: Level[] = [
  {
    id: 'bronze',
    title: 'Bronze',
    description:
      'Foundation: built and tested in CI, containerised, owned and documented.',
  },
  {
    id: 'silver',
    title: 'Silver',
    description:
      'Production-ready: published, deployed, monitored, alerting, scanned, sized.',
  },
  {
    id: 'gold',
    title: 'Gold',
    description:
      'Advanced: GitOps, progressive delivery, tracing, signing, resilience tested.',
  },
];

const RUNNABLE = { kinds: ['Component'], types: ['service', 'website'] };
const ANY_COMPONENT = { kinds: ['Component'] };
const SERVICE = { kinds: ['Component'], types: ['service'] };

const TEMPLATES = {
  ci: 'template:default/maturity-add-ci-pipeline',
  monitoring: 'template:default/maturity-add-monitoring',
  security: 'template:default/maturity-add-security-scanning',
  fix: 'template:default/maturity-fix-gaps',
};

type Spec = {
  pillar: string;
  level: string;
  title: string;
  description: string;
  weight: number;
  effort: Effort;
  appliesTo?: Check['appliesTo'];
  docs: string;
  template?: string;
  generator?: boolean;
  failMessage?: string;
  condition?: Condition;
};

function check(id: string, spec: Spec): Check {
  const condition = spec.condition ?? {
    fact: `repository.${id}`,
    equals: true,
  };
  return {
    id,
    pillar: spec.pillar,
    level: spec.level,
    title: spec.title,
    description: spec.description,
    weight: spec.weight,
    effort: spec.effort,
    appliesTo: spec.appliesTo ?? ANY_COMPONENT,
    condition,
    facts: factsOfCondition(condition),
    remediation: {
      docs: spec.docs,
      ...(spec.template ? { template: spec.template } : {}),
      ...(spec.generator ? { generator: id } : {}),
    },
    ...(spec.failMessage ? { failMessage: spec.failMessage } : {}),
  };
}

// The order follows the roadmaps' recommended priority: CI/CD first, then
// observability, then security, then the advanced items.
const CHECKS: Check[] = [
  // ── CI/CD ───────────────────────────────────────────────────────────
  check('ci.pipeline', {
    pillar: 'cicd',
    level: 'bronze',
    weight: 10,
    effort: 'S',
    title: 'CI pipeline',
    description:
      'Every change is built by a CI pipeline, so broken builds are caught before they reach anyone else.',
    docs: 'https://docs.github.com/actions/automating-builds-and-tests/about-continuous-integration',
    template: TEMPLATES.ci,
    generator: true,
    failMessage:
      'No CI pipeline definition found (GitHub Actions, GitLab CI, Jenkinsfile, ...)',
  }),
  check('ci.tests', {
    pillar: 'cicd',
    level: 'bronze',
    weight: 9,
    effort: 'S',
    title: 'Automated tests in CI',
    description:
      'The pipeline runs the automated tests, so a change that breaks behaviour is stopped at review time.',
    docs: 'https://docs.github.com/actions/automating-builds-and-tests',
    template: TEMPLATES.ci,
    generator: true,
    failMessage: 'No pipeline step runs the tests',
  }),
  check('ci.container-build', {
    pillar: 'cicd',
    level: 'bronze',
    weight: 6,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Container image built in CI',
    description:
      'The image that runs in production is built by the pipeline, not on a laptop.',
    docs: 'https://docs.docker.com/build/ci/github-actions/',
    template: TEMPLATES.ci,
    generator: true,
    failMessage: 'No pipeline step builds a container image',
  }),
  check('ci.image-publish', {
    pillar: 'cicd',
    level: 'silver',
    weight: 6,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Tagged image published',
    description:
      'Every release pushes a versioned image to a registry, so deployments and rollbacks name an exact build.',
    docs: 'https://docs.docker.com/build/ci/github-actions/manage-tags-labels/',
    template: TEMPLATES.ci,
    generator: true,
    failMessage: 'No pipeline step pushes a tagged image',
  }),
  check('cd.deploy', {
    pillar: 'cicd',
    level: 'silver',
    weight: 8,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'Automated deployment',
    description:
      'Merged changes reach a persistent environment without manual steps, so releases are routine and repeatable.',
    docs: 'https://docs.github.com/actions/deployment/about-deployments/deploying-with-github-actions',
    template: TEMPLATES.ci,
    failMessage: 'No automated deployment to a persistent environment found',
  }),
  check('cd.gitops', {
    pillar: 'cicd',
    level: 'gold',
    weight: 5,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'GitOps delivery',
    description:
      'An Argo CD or Flux controller keeps the cluster in sync with Git: every change is reviewed, auditable and reversible.',
    docs: 'https://argo-cd.readthedocs.io/en/stable/core_concepts/',
    generator: true,
    failMessage:
      'No Argo CD Application or Flux Kustomization/HelmRelease found',
  }),
  check('cd.progressive', {
    pillar: 'cicd',
    level: 'gold',
    weight: 5,
    effort: 'L',
    appliesTo: RUNNABLE,
    title: 'Progressive delivery',
    description:
      'Canary or blue-green releases (Argo Rollouts, Flagger) limit the blast radius of a bad release and roll back on their own.',
    docs: 'https://argo-rollouts.readthedocs.io/en/stable/',
    failMessage: 'No canary or blue-green configuration found',
  }),

  // ── Observability ───────────────────────────────────────────────────
  check('obs.health', {
    pillar: 'observability',
    level: 'bronze',
    weight: 6,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Health checks',
    description:
      'Liveness and readiness probes (or a HEALTHCHECK) let the platform restart a stuck instance and keep traffic away from one that is not ready.',
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
    generator: true,
    failMessage: 'No probes, HEALTHCHECK or health endpoint found',
  }),
  check('obs.metrics', {
    pillar: 'observability',
    level: 'silver',
    weight: 8,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'Prometheus metrics',
    description:
      'The service exposes metrics (a client library or /metrics endpoint, scraped by a ServiceMonitor or annotations), so its behaviour is measurable.',
    docs: 'https://prometheus.io/docs/instrumenting/clientlibs/',
    template: TEMPLATES.monitoring,
    generator: true,
    failMessage:
      'No Prometheus client library, /metrics handler or scrape configuration found',
  }),
  check('obs.dashboards', {
    pillar: 'observability',
    level: 'silver',
    weight: 5,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Dashboards as code',
    description:
      'A Grafana dashboard kept with the code shows latency, errors and saturation at a glance, and survives a Grafana rebuild.',
    docs: 'https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/',
    template: TEMPLATES.monitoring,
    generator: true,
    failMessage: 'No Grafana dashboard JSON or provisioning found',
  }),
  check('obs.alerts', {
    pillar: 'observability',
    level: 'silver',
    weight: 8,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Alerting rules as code',
    description:
      'Alerts for a service that is down, erroring or slow tell the team before users do.',
    docs: 'https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/',
    template: TEMPLATES.monitoring,
    generator: true,
    failMessage:
      'No alerting rules (PrometheusRule, rules file with alert:) found',
  }),
  check('obs.logging', {
    pillar: 'observability',
    level: 'silver',
    weight: 4,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'Structured logging',
    description:
      'Structured (JSON) logs can be searched and correlated; free-text logs cannot.',
    docs: 'https://opentelemetry.io/docs/concepts/signals/logs/',
    failMessage:
      'No structured logging library or log pipeline configuration found',
  }),
  check('obs.tracing', {
    pillar: 'observability',
    level: 'gold',
    weight: 5,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'Distributed tracing',
    description:
      'OpenTelemetry traces follow a request across services and show where time is spent.',
    docs: 'https://opentelemetry.io/docs/concepts/signals/traces/',
    failMessage: 'No OpenTelemetry, Jaeger or Zipkin instrumentation found',
  }),

  // ── Security ────────────────────────────────────────────────────────
  check('sec.dependency-updates', {
    pillar: 'security',
    level: 'bronze',
    weight: 6,
    effort: 'S',
    title: 'Automated dependency updates',
    description:
      'Dependabot or Renovate proposes updates, so known vulnerabilities in dependencies get fixed by routine merges.',
    docs: 'https://docs.github.com/code-security/dependabot/dependabot-version-updates/about-dependabot-version-updates',
    template: TEMPLATES.security,
    generator: true,
    failMessage: 'No Dependabot or Renovate configuration found',
  }),
  check('sec.secret-scan', {
    pillar: 'security',
    level: 'silver',
    weight: 6,
    effort: 'S',
    title: 'Secret scanning',
    description:
      'Gitleaks or a similar scanner stops credentials from being committed.',
    docs: 'https://github.com/gitleaks/gitleaks',
    template: TEMPLATES.security,
    generator: true,
    failMessage: 'No secret scanning in CI or pre-commit found',
  }),
  check('sec.image-scan', {
    pillar: 'security',
    level: 'silver',
    weight: 7,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Image vulnerability scanning',
    description:
      'Trivy or Grype scans the image in CI, so known vulnerabilities are found before deployment.',
    docs: 'https://aquasecurity.github.io/trivy/latest/docs/target/container_image/',
    template: TEMPLATES.security,
    generator: true,
    failMessage: 'No image or filesystem vulnerability scan in CI found',
  }),
  check('sec.sast', {
    pillar: 'security',
    level: 'silver',
    weight: 6,
    effort: 'S',
    title: 'Static security analysis',
    description:
      'CodeQL, Semgrep or SonarQube reviews every change for injection, unsafe APIs and similar flaws.',
    docs: 'https://docs.github.com/code-security/code-scanning/introduction-to-code-scanning/about-code-scanning-with-codeql',
    template: TEMPLATES.security,
    generator: true,
    failMessage: 'No static security analysis in CI found',
  }),
  check('sec.non-root', {
    pillar: 'security',
    level: 'silver',
    weight: 5,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Runs as non-root',
    description:
      'A container that runs as an unprivileged user limits what an attacker gains from a compromised process.',
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
    generator: true,
    failMessage:
      'The container may run as root (no non-root USER, runAsNonRoot or runAsUser > 0)',
  }),
  check('sec.signing', {
    pillar: 'security',
    level: 'gold',
    weight: 4,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'Signed images or provenance',
    description:
      'Cosign signatures or SLSA provenance let the cluster verify that an image was built by this pipeline.',
    docs: 'https://docs.sigstore.dev/cosign/signing/signing_with_containers/',
    failMessage: 'No cosign, sigstore, SLSA or notation step found',
  }),
  check('sec.policy', {
    pillar: 'security',
    level: 'gold',
    weight: 4,
    effort: 'M',
    title: 'Security policy',
    description:
      'A SECURITY.md tells people how to report a vulnerability; NetworkPolicies and policy as code (Kyverno, Gatekeeper) limit what a workload can do.',
    docs: 'https://docs.github.com/code-security/getting-started/adding-a-security-policy-to-your-repository',
    generator: true,
    failMessage: 'No SECURITY.md, NetworkPolicy or policy as code found',
  }),

  // ── Reliability ─────────────────────────────────────────────────────
  check('rel.resources', {
    pillar: 'reliability',
    level: 'silver',
    weight: 6,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Resource requests and limits',
    description:
      'Requests let the scheduler place pods sensibly; limits stop one pod from starving its neighbours.',
    docs: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
    generator: true,
    failMessage: 'Workloads lack CPU/memory requests and limits',
  }),
  check('rel.replicas', {
    pillar: 'reliability',
    level: 'silver',
    weight: 6,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'More than one replica',
    description:
      'Two or more replicas keep the service up through a node failure or a rolling update.',
    docs: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/',
    generator: true,
    failMessage:
      'A single replica (replicas < 2 and no HPA with minReplicas ≥ 2)',
  }),
  check('rel.autoscaling', {
    pillar: 'reliability',
    level: 'gold',
    weight: 4,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Autoscaling',
    description:
      'An HPA or KEDA ScaledObject adds capacity under load and removes it after.',
    docs: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/',
    generator: true,
    failMessage: 'No HorizontalPodAutoscaler or KEDA ScaledObject found',
  }),
  check('rel.pdb', {
    pillar: 'reliability',
    level: 'gold',
    weight: 4,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'PodDisruptionBudget',
    description:
      'A PDB keeps enough replicas running while nodes are drained for upgrades.',
    docs: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
    generator: true,
    failMessage: 'No enabled PodDisruptionBudget found',
  }),
  check('rel.load-test', {
    pillar: 'reliability',
    level: 'gold',
    weight: 3,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'Load tests',
    description:
      'k6, Locust or JMeter scripts show the capacity of the service before real traffic does.',
    docs: 'https://grafana.com/docs/k6/latest/',
    failMessage:
      'No k6, Locust, JMeter, Gatling, Artillery or Vegeta scripts found',
  }),
  check('rel.chaos', {
    pillar: 'reliability',
    level: 'gold',
    weight: 3,
    effort: 'L',
    appliesTo: RUNNABLE,
    title: 'Chaos experiments',
    description:
      'Chaos Mesh or LitmusChaos experiments prove the service survives the failures it claims to survive.',
    docs: 'https://chaos-mesh.org/docs/',
    failMessage:
      'No Chaos Mesh, LitmusChaos or Chaos Toolkit experiments found',
  }),
  check('rel.backups', {
    pillar: 'reliability',
    level: 'gold',
    weight: 4,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'Backups',
    description:
      'Velero schedules, backup jobs or managed-database retention make data loss recoverable.',
    docs: 'https://velero.io/docs/main/backup-reference/',
    failMessage:
      'No Velero schedule, backup CronJob or database backup retention found',
  }),

  // ── Infrastructure & Delivery ───────────────────────────────────────
  check('infra.container', {
    pillar: 'infrastructure',
    level: 'bronze',
    weight: 6,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Containerised',
    description:
      'A Dockerfile (or ko, Jib, buildpacks) makes the runtime reproducible everywhere.',
    docs: 'https://docs.docker.com/build/building/best-practices/',
    generator: true,
    failMessage:
      'No Dockerfile, Containerfile or ko/Jib/buildpacks configuration found',
  }),
  check('infra.k8s', {
    pillar: 'infrastructure',
    level: 'silver',
    weight: 6,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'Kubernetes manifests as code',
    description:
      'Manifests, a Helm chart or Kustomize in the repository define how the service runs, reviewed like code.',
    docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/',
    generator: true,
    failMessage: 'No Kubernetes manifests, Helm chart or Kustomize found',
  }),
  check('infra.iac', {
    pillar: 'infrastructure',
    level: 'gold',
    weight: 4,
    effort: 'L',
    appliesTo: RUNNABLE,
    title: 'Infrastructure as code',
    description:
      'Terraform, Pulumi, CDK or Crossplane define the cloud resources the service needs, so they can be recreated.',
    docs: 'https://developer.hashicorp.com/terraform/intro',
    failMessage:
      'No Terraform, Pulumi, CDK, Crossplane or CloudFormation found',
  }),

  // ── Documentation & Ownership ───────────────────────────────────────
  check('catalog.owner', {
    pillar: 'docs',
    level: 'bronze',
    weight: 8,
    effort: 'S',
    title: 'Owned by a team',
    description:
      'The catalog names a Group as owner, so people know who to ask and who is on the hook.',
    docs: 'https://backstage.io/docs/features/software-catalog/descriptor-format#specowner-required',
    template: TEMPLATES.fix,
    condition: { fact: 'catalog.owner-is-group', equals: true },
    failMessage: 'spec.owner does not resolve to a Group',
  }),
  check('catalog.lifecycle', {
    pillar: 'docs',
    level: 'bronze',
    weight: 3,
    effort: 'S',
    title: 'Lifecycle set',
    description:
      'spec.lifecycle (experimental, production, deprecated) says how much the service can be relied on.',
    docs: 'https://backstage.io/docs/features/software-catalog/descriptor-format#speclifecycle-required',
    template: TEMPLATES.fix,
    condition: {
      fact: 'catalog.lifecycle',
      matches: '^(experimental|production|deprecated)$',
    },
    failMessage: 'spec.lifecycle is not experimental, production or deprecated',
  }),
  check('docs.readme', {
    pillar: 'docs',
    level: 'bronze',
    weight: 6,
    effort: 'S',
    title: 'README',
    description:
      'A README that says what the service does and how to run it is the first thing a newcomer reads.',
    docs: 'https://docs.github.com/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-readmes',
    generator: true,
    failMessage: 'No README with more than a title',
  }),
  check('docs.codeowners', {
    pillar: 'docs',
    level: 'bronze',
    weight: 5,
    effort: 'S',
    title: 'CODEOWNERS',
    description: 'CODEOWNERS routes reviews to the owning team automatically.',
    docs: 'https://docs.github.com/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners',
    generator: true,
    failMessage: 'No CODEOWNERS file',
  }),
  check('catalog.system', {
    pillar: 'docs',
    level: 'silver',
    weight: 3,
    effort: 'S',
    title: 'Part of a system',
    description:
      'spec.system places the service in the architecture, next to the components it works with.',
    docs: 'https://backstage.io/docs/features/software-catalog/system-model',
    template: TEMPLATES.fix,
    condition: { fact: 'catalog.system', exists: true },
    failMessage: 'spec.system is not set',
  }),
  check('docs.techdocs', {
    pillar: 'docs',
    level: 'silver',
    weight: 4,
    effort: 'M',
    title: 'Docs as code',
    description:
      'A docs/ folder or mkdocs.yml keeps documentation next to the code and publishable in TechDocs.',
    docs: 'https://backstage.io/docs/features/techdocs/creating-and-publishing',
    generator: true,
    failMessage: 'No mkdocs.yml or docs/ folder of Markdown',
  }),
  check('catalog.techdocs', {
    pillar: 'docs',
    level: 'silver',
    weight: 3,
    effort: 'S',
    title: 'TechDocs published',
    description:
      'The backstage.io/techdocs-ref annotation publishes the docs in the portal, where people look.',
    docs: 'https://backstage.io/docs/features/techdocs/how-to-guides',
    template: TEMPLATES.fix,
    condition: { fact: 'catalog.techdocs', equals: true },
    failMessage: 'No backstage.io/techdocs-ref annotation',
  }),
  check('docs.runbook', {
    pillar: 'docs',
    level: 'silver',
    weight: 5,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Runbook',
    description:
      'A runbook tells whoever is paged at night what to check and what to do.',
    docs: 'https://sre.google/sre-book/being-on-call/',
    generator: true,
    failMessage: 'No runbook, troubleshooting or operations document',
  }),
  check('catalog.oncall', {
    pillar: 'docs',
    level: 'silver',
    weight: 4,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'On-call linked',
    description:
      'A PagerDuty (or similar) annotation tells people who is on call and lets the portal show incidents.',
    docs: 'https://github.com/backstage/community-plugins/tree/main/workspaces/pagerduty',
    template: TEMPLATES.fix,
    condition: { fact: 'catalog.oncall', equals: true },
    failMessage: 'No pagerduty.com/service-id or on-call annotation',
  }),
  check('catalog.runbook', {
    pillar: 'docs',
    level: 'silver',
    weight: 3,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Runbook linked in the catalog',
    description:
      'A runbook link on the entity puts it one click away from the alert.',
    docs: 'https://backstage.io/docs/features/software-catalog/descriptor-format#links-optional',
    template: TEMPLATES.fix,
    condition: { fact: 'catalog.runbook', equals: true },
    failMessage: 'No runbook link in metadata.links',
  }),
  check('docs.api-spec', {
    pillar: 'docs',
    level: 'silver',
    weight: 4,
    effort: 'M',
    appliesTo: SERVICE,
    title: 'API specification',
    description:
      'An OpenAPI, AsyncAPI, protobuf or GraphQL schema is the contract other teams build against.',
    docs: 'https://spec.openapis.org/oas/latest.html',
    failMessage: 'No OpenAPI, AsyncAPI, .proto or GraphQL schema found',
  }),
  check('catalog.apis', {
    pillar: 'docs',
    level: 'silver',
    weight: 3,
    effort: 'S',
    appliesTo: SERVICE,
    title: 'Provided APIs registered',
    description:
      'spec.providesApis registers the API in the catalog, so consumers can find it and its owners.',
    docs: 'https://backstage.io/docs/features/software-catalog/descriptor-format#specprovidesapis-optional',
    template: TEMPLATES.fix,
    condition: { fact: 'catalog.provided-apis', gte: 1 },
    failMessage: 'spec.providesApis is empty',
  }),
  check('docs.contributing', {
    pillar: 'docs',
    level: 'gold',
    weight: 2,
    effort: 'S',
    title: 'Contributing guide',
    description:
      'A CONTRIBUTING guide lets other teams send changes without a meeting first.',
    docs: 'https://docs.github.com/communities/setting-up-your-project-for-healthy-contributions/setting-guidelines-for-repository-contributors',
    generator: true,
    failMessage: 'No CONTRIBUTING guide',
  }),

  // ── Live: Kubernetes ────────────────────────────────────────────────
  check('k8s.ready', {
    pillar: 'reliability',
    level: 'silver',
    weight: 6,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'Running and ready',
    description:
      'Every workload in the cluster has all its desired replicas ready.',
    docs: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#deployment-status',
    condition: { fact: 'kubernetes.ready-replicas', equals: true },
    failMessage: 'A workload has fewer ready replicas than desired',
  }),
  check('k8s.stable', {
    pillar: 'reliability',
    level: 'silver',
    weight: 5,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'No crash loops',
    description:
      'No container is crash-looping and restarts stay low: the service is stable in production.',
    docs: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/',
    condition: {
      all: [
        { fact: 'kubernetes.crash-looping', equals: false },
        { fact: 'kubernetes.restarts', lt: 10 },
      ],
    },
    failMessage: 'A container is crash-looping or restarted 10 or more times',
  }),
  check('k8s.probes', {
    pillar: 'observability',
    level: 'silver',
    weight: 4,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Probes on running pods',
    description:
      'The pods actually running have liveness and readiness probes, whatever the repository says.',
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
    generator: true,
    condition: { fact: 'kubernetes.probes', equals: true },
    failMessage: 'A running container lacks a liveness or readiness probe',
  }),
  check('k8s.resources', {
    pillar: 'reliability',
    level: 'silver',
    weight: 4,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Resources on running pods',
    description:
      'The pods actually running have CPU/memory requests and a memory limit.',
    docs: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
    condition: { fact: 'kubernetes.resources', equals: true },
    failMessage: 'A running container lacks requests or a memory limit',
  }),
  check('k8s.non-root', {
    pillar: 'security',
    level: 'silver',
    weight: 4,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Pods run as non-root',
    description:
      'The pods actually running set runAsNonRoot or a non-zero runAsUser.',
    docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
    condition: { fact: 'kubernetes.non-root', equals: true },
    failMessage: 'A running pod may run as root',
  }),
  check('k8s.hpa', {
    pillar: 'reliability',
    level: 'gold',
    weight: 3,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Autoscaler active',
    description:
      'A HorizontalPodAutoscaler is present in the cluster and able to scale.',
    docs: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/',
    condition: { fact: 'kubernetes.hpa', equals: true },
    failMessage: 'No active HorizontalPodAutoscaler in the cluster',
  }),
  check('k8s.pdb', {
    pillar: 'reliability',
    level: 'gold',
    weight: 3,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'PodDisruptionBudget in the cluster',
    description: 'A PodDisruptionBudget exists in the cluster for the service.',
    docs: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
    condition: { fact: 'kubernetes.pdb', equals: true },
    failMessage: 'No PodDisruptionBudget in the cluster',
  }),

  // ── Live: Prometheus ────────────────────────────────────────────────
  check('prom.scraped', {
    pillar: 'observability',
    level: 'silver',
    weight: 5,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Scraped by Prometheus',
    description:
      "Prometheus actually collects the service's metrics: dashboards and alerts have data.",
    docs: 'https://prometheus.io/docs/concepts/jobs_instances/',
    template: TEMPLATES.monitoring,
    condition: { fact: 'prometheus.scraped', equals: true },
    failMessage: 'Prometheus has no healthy target for this service',
  }),
  check('prom.alerts', {
    pillar: 'observability',
    level: 'silver',
    weight: 5,
    effort: 'S',
    appliesTo: RUNNABLE,
    title: 'Alert rules loaded',
    description:
      'Prometheus has alerting rules loaded that select this service, so alerts can actually fire.',
    docs: 'https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/',
    template: TEMPLATES.monitoring,
    condition: { fact: 'prometheus.alert-rules', gte: 1 },
    failMessage: 'No loaded alerting rule selects this service',
  }),
  check('prom.slo', {
    pillar: 'observability',
    level: 'gold',
    weight: 4,
    effort: 'M',
    appliesTo: RUNNABLE,
    title: 'SLO recording rules',
    description:
      "Recording rules for the service's SLIs make error budgets and burn-rate alerts possible.",
    docs: 'https://sre.google/workbook/alerting-on-slos/',
    condition: { fact: 'prometheus.recording-rules', gte: 1 },
    failMessage: 'No loaded recording rule selects this service',
  }),
  check('prom.availability', {
    pillar: 'reliability',
    level: 'gold',
    weight: 4,
    effort: 'L',
    appliesTo: RUNNABLE,
    title: 'Availability ≥ 99.5%',
    description:
      'Over the availability window, at least 99.5% of scrapes found the service up.',
    docs: 'https://sre.google/sre-book/service-level-objectives/',
    condition: { fact: 'prometheus.availability', gte: 99.5 },
    failMessage: 'Availability over the window is below 99.5%',
  }),
];

/**
 * The default rubric: six pillars × Bronze / Silver / Gold, with checks
 * drawn from the platform roadmaps (see docs/rubric.md for the mapping).
 *
 * @public
 */
export const defaultRubric: Rubric = {
  pillars: PILLARS,
  levels: LEVELS,
  // Components first: Systems, Domains and Groups are scored over them.
  checks: [...CHECKS, ...ROLLUP_CHECKS],
  facts: FACT_CATALOG,
};
