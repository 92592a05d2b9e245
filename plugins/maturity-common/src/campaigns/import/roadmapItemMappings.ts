/**
 * What roadmap items mean for the rubric, as data: an item whose text
 * matches a rule maps to its checks (of the default rubric); an item that
 * matches a known-but-unobservable topic is listed with the reason no check
 * observes it. docs/rubric.md explains the same mapping for the five
 * roadmap documents it was drawn from.
 *
 * @public
 */
export interface RoadmapItemMappings {
  /**
   * A rule maps the items its pattern matches to its checks. A `weak` rule
   * names a platform rather than a practice ("Kubernetes", "Docker"): it
   * maps an item only when no other rule and no unobservable topic does, so
   * that "Kubernetes deployment guide" is documentation and "Policy
   * enforcement (K8s) with Kyverno" is policy, not manifests.
   */
  rules: { pattern: RegExp; checks: string[]; weak?: boolean }[];
  unobservable: { pattern: RegExp; reason: string }[];
}

const w = (words: string) => new RegExp(`\\b(?:${words})\\b`, 'i');

/**
 * The mappings of the default rubric.
 *
 * @public
 */
export const defaultRoadmapItemMappings: RoadmapItemMappings = {
  rules: [
    {
      pattern: w(
        'ci/cd|ci pipelines?|cd pipelines?|build (?:&|and) test pipeline|github actions|gitlab ci|jenkins(?:file)?|continuous integration|build pipeline|ci\\b',
      ),
      checks: ['ci.pipeline'],
    },
    {
      pattern: w(
        'unit tests?|integration tests?|e2e tests?|end-to-end tests?|automated tests?|run tests|test coverage|tests? in ci|(?<!(?:load|performance|stress|resilience|recovery|chaos|security|penetration|a/b|ab|user acceptance)[- ])testing',
      ),
      checks: ['ci.tests'],
    },
    {
      pattern: w(
        'build docker images?|docker images?|container images?|image build|multi-arch builds?|docker build',
      ),
      checks: ['ci.container-build'],
    },
    {
      pattern: w(
        'push to (?:docker hub|gcr|ecr|acr|a registry)|image publishing|publish(?:ing)? images?|tag versions|container registry|docker hub|gcr|ghcr',
      ),
      checks: ['ci.image-publish'],
    },
    {
      pattern: w(
        'deploy(?:ment)? pipeline|deploy to (?:staging|production)|continuous deployment|multi-environment deployment|automated deployments?|cloud production deployment|deploy to cloud',
      ),
      checks: ['cd.deploy'],
    },
    {
      pattern: w(
        'argo ?cd|flux(?:cd)?|gitops|config sync|(?<!model )drift detection',
      ),
      checks: ['cd.gitops'],
    },
    {
      pattern: w(
        'canary|blue[- ]green|argo rollouts|flagger|progressive delivery|automated rollbacks?|rollback capabilit(?:y|ies)',
      ),
      checks: ['cd.progressive'],
    },
    {
      pattern: w(
        'prometheus|metrics collection|exporters?|custom (?:business )?metrics|system metrics|monitoring setup|observability',
      ),
      checks: ['obs.metrics'],
    },
    { pattern: w('grafana|dashboards?'), checks: ['obs.dashboards'] },
    {
      pattern: w(
        'alert(?:s|ing)?(?: rules)?|alertmanager|service down alerts?|error rate alerts?|high latency alerts?',
      ),
      checks: ['obs.alerts'],
    },
    {
      pattern: w(
        'structured logg(?:er|ing)|console\\.log|log aggregation|logging aggregation|loki|promtail|elk|elastic stack|fluent ?bit|centralized logging|(?<!audit )logging',
      ),
      checks: ['obs.logging'],
    },
    {
      pattern: w(
        'tracing|opentelemetry|otel|jaeger|zipkin|tempo|spans|context propagation',
      ),
      checks: ['obs.tracing'],
    },
    {
      pattern: w(
        'health ?checks?|liveness|(?<!production[- ])readiness|probes',
      ),
      checks: ['obs.health'],
    },
    {
      pattern: w('slos?|slis?|error budgets?|recording rules'),
      checks: ['prom.slo'],
    },
    { pattern: w('uptime|availability'), checks: ['prom.availability'] },
    {
      pattern: w(
        'trivy|grype|clair|image scan(?:ning)?|container scan(?:ning)?|vulnerability scan(?:ning)?|security scan(?:ning)?',
      ),
      checks: ['sec.image-scan'],
    },
    {
      pattern: w(
        'snyk|sonarqube|sonar|codeql|semgrep|bandit|sast|static (?:application )?security|input sanitisation|input sanitization|(?<!(?:failure|fault|dependency)[- ])injection',
      ),
      checks: ['sec.sast'],
    },
    {
      pattern: w('gitleaks|trufflehog|secret scan(?:ning)?'),
      checks: ['sec.secret-scan'],
    },
    {
      pattern: w(
        'dependabot|renovate|dependency updates?|vulnerable dependencies',
      ),
      checks: ['sec.dependency-updates'],
    },
    {
      pattern: w('cosign|sigstore|slsa|sign(?:ed|ing) images?|provenance'),
      checks: ['sec.signing'],
    },
    {
      pattern: w(
        'kyverno|gatekeeper|opa|policy enforcement|network polic(?:y|ies)|security\\.md|vault|external secrets|sealed secrets|secrets? rotation|secrets management|dynamic secrets',
      ),
      checks: ['sec.policy'],
    },
    {
      pattern: w('non-root|run as non-root|security context'),
      checks: ['sec.non-root'],
    },
    {
      pattern: w('resource (?:requests|limits)|requests and limits'),
      checks: ['rel.resources'],
    },
    {
      pattern: w('replicas|high availability|zero-downtime'),
      checks: ['rel.replicas'],
    },
    {
      pattern: w(
        '(?<!cluster[- ])autoscal(?:ing|er)|hpa|keda|horizontal pod autoscal(?:ing|er)',
      ),
      checks: ['rel.autoscaling'],
    },
    {
      pattern: w('poddisruptionbudgets?|pdbs?|disruption budgets?'),
      checks: ['rel.pdb'],
    },
    {
      pattern: w(
        'load[- ]tests?|load testing|performance (?:regression )?tests?|performance testing|k6|locust|jmeter|benchmarks?|stress tests?',
      ),
      checks: ['rel.load-test'],
    },
    {
      pattern: w(
        'chaos(?: engineering| mesh| monkey)?|litmus(?:chaos)?|failure injection|resilience testing',
      ),
      checks: ['rel.chaos'],
    },
    {
      pattern: w(
        'backups?|disaster recovery|velero|point-in-time recovery|pitr|retention',
      ),
      checks: ['rel.backups'],
    },
    {
      pattern: w(
        'dockerfiles?|containeri[sz](?:e|ed|ation)|docker compose|multi-stage',
      ),
      checks: ['infra.container'],
    },
    { pattern: w('docker'), checks: ['infra.container'], weak: true },
    {
      pattern: w('helm(?: charts?)?|kustomize|manifests'),
      checks: ['infra.k8s'],
    },
    { pattern: w('kubernetes|k8s'), checks: ['infra.k8s'], weak: true },
    {
      pattern: w(
        'terraform|pulumi|cdk|crossplane|infrastructure as code|iac|remote state|dynamodb locking|terragrunt|cloudformation',
      ),
      checks: ['infra.iac'],
    },
    { pattern: w('readme'), checks: ['docs.readme'] },
    {
      pattern: w(
        'runbooks?|troubleshooting|incident response|on-call|playbooks?',
      ),
      checks: ['docs.runbook'],
    },
    {
      pattern: w(
        'documentation|docs|mkdocs|techdocs|guides?|deployment guide|architecture docs?',
      ),
      checks: ['docs.techdocs'],
    },
    {
      pattern: w(
        'openapi|swagger|asyncapi|api spec(?:ification)?|api docs|graphql schema|protobuf|grpc contract',
      ),
      checks: ['docs.api-spec'],
    },
    { pattern: w('codeowners|ownership'), checks: ['docs.codeowners'] },
    { pattern: w('contributing(?: guide)?'), checks: ['docs.contributing'] },
    {
      pattern: w('backstage|developer portal|service catalog'),
      checks: ['catalog.owner', 'catalog.system', 'catalog.techdocs'],
    },
    { pattern: w('pagerduty|opsgenie'), checks: ['catalog.oncall'] },
  ],
  unobservable: [
    {
      pattern: w(
        'service mesh|istio|linkerd|mtls|mutual tls|traffic management|circuit breakers?|bulkheads?',
      ),
      reason:
        'mesh and traffic policies are platform-owned; no repository check observes them',
    },
    {
      pattern: w('api gateway|kong|ambassador|ingress gateway'),
      reason:
        'the gateway is platform infrastructure, not a per-service artefact',
    },
    {
      pattern: w('cost monitoring|cost allocation|finops|billing'),
      reason: 'needs billing data none of the sources has',
    },
    {
      pattern: w(
        'anomaly detection|machine learning|ml|a/b testing|feature flags?',
      ),
      reason: 'product or data features, not scored by the default rubric',
    },
    {
      pattern: w(
        'multi-tenancy|rbac|role-based access control|audit logging|oauth2?|oidc|authentication|authori[sz]ation|api keys?|rate limiting|ip throttling|quotas',
      ),
      reason: 'application behaviour; no artefact shows it',
    },
    {
      pattern: w(
        'redis|memcached|caching|cache|elasticache|cdn|waf|kafka|rabbitmq|multi-region|multi-az|sharding|federation|global load balancing|cluster[- ]autoscal(?:ing|er)',
      ),
      reason:
        'architecture and cloud topology; infra.iac is the observable part',
    },
    {
      pattern: w(
        'hot reload|devcontainer|local https|api mocking|developer experience',
      ),
      reason: 'developer experience, outside the rubric’s pillars',
    },
    {
      pattern: w('datadog|new relic|splunk'),
      reason:
        'SaaS monitoring has no open signal here; adopters can add a check over an annotation',
    },
    {
      pattern: w(
        'query optimi[sz]ation|pgbouncer|connection pool|indexes|performance tuning',
      ),
      reason: 'performance work leaves no artefact to observe',
    },
    {
      pattern: w('golden paths?|self-service|templates?'),
      reason:
        'this product’s scaffolder templates provide them; not a per-service check',
    },
  ],
};

/**
 * The checks an item's text maps to (of those `known`), where in the text
 * the first mapping words are, and the unobservable topic it names.
 *
 * @public
 */
export function mapRoadmapItem(
  text: string,
  mappings: RoadmapItemMappings,
  known: ReadonlySet<string>,
): { checks: string[]; at: number; topic?: { reason: string } } {
  const strong = new Set<string>();
  const weak = new Set<string>();
  let at = Infinity;
  let weakAt = Infinity;
  for (const rule of mappings.rules) {
    // search(): from the start whatever the pattern's flags and lastIndex.
    const index = text.search(rule.pattern);
    const checks = rule.checks.filter(id => known.has(id));
    if (index < 0 || checks.length === 0) continue;
    for (const id of checks) (rule.weak ? weak : strong).add(id);
    if (rule.weak) weakAt = Math.min(weakAt, index);
    else at = Math.min(at, index);
  }
  const topic = mappings.unobservable.find(u => text.search(u.pattern) >= 0);
  if (strong.size) return { checks: [...strong], at, topic };
  if (topic || weak.size === 0) return { checks: [], at: Infinity, topic };
  return { checks: [...weak], at: weakAt };
}
