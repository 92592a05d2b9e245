/**
 * What counts as the repository's own workload or image, for the checks that
 * pass when at least one first-party workload or image meets them
 * (resources, non-root, probes, replicas): test fixtures, Helm test hooks,
 * vendored third-party charts and the manifests of third-party software
 * (databases, log stacks, controllers installed from their own manifests)
 * decide those checks neither way.
 */

/** Folders whose manifests and Dockerfiles are test fixtures. */
const TEST_FIXTURE_DIR =
  /(?:^|\/)(?:test|tests|testdata|test-data|__tests__|fixtures|__fixtures__|spec)\//i;

/** Namespaces of platform software, not of the service. */
const PLATFORM_NAMESPACES = new Set([
  'kube-system',
  'kube-public',
  'flux-system',
  'argocd',
  'argo-rollouts',
  'cert-manager',
  'ingress-nginx',
  'istio-system',
  'linkerd',
  'monitoring',
  'logging',
  'observability',
  'gatekeeper-system',
  'kyverno',
  'keda',
  'velero',
  'external-secrets',
  'sealed-secrets',
  'chaos-mesh',
  'litmus',
  'tekton-pipelines',
  'crossplane-system',
]);

/**
 * Images of well-known third-party software, by repository name (the last
 * path segment of the image reference, without tag) or by publisher.
 */
const THIRD_PARTY_IMAGE =
  /^(?:postgres(?:ql)?|postgis|mysql|mariadb|mongo(?:db)?|redis(?:-stack)?|valkey|memcached|rabbitmq|kafka|cp-kafka|cp-zookeeper|zookeeper|elasticsearch|opensearch(?:-dashboards)?|kibana|logstash|fluentd|fluent-bit|filebeat|metricbeat|grafana|prometheus|alertmanager|pushgateway|node-exporter|blackbox-exporter|kube-state-metrics|loki|promtail|tempo|mimir|jaeger(?:-all-in-one)?|all-in-one|zipkin|opentelemetry-collector(?:-contrib)?|otel-collector|nginx|nginx-ingress-controller|traefik|envoy|haproxy|vault|consul|keycloak|minio|busybox|curl|curlimages|mailpit|mailhog|cloud-sql-proxy|cloudsql-proxy|gce-proxy|mosquitto|eclipse-mosquitto|nats|etcd|cassandra|clickhouse-server|adminer|pgadmin4|selenium|localstack|wiremock|istio-proxy|proxyv2|oauth2-proxy|pause)$/i;
const THIRD_PARTY_PUBLISHER =
  /(?:^|\/)(?:bitnami|fluxcd|argoproj|jetstack|grafana|prom|quay\.io\/prometheus|otel|openzipkin|jaegertracing|hashicorp|confluentinc|library)\//i;

/** Whether a path is below a test-fixture folder. */
export function isTestFixturePath(path: string): boolean {
  return TEST_FIXTURE_DIR.test(path);
}

/** Whether an image reference names well-known third-party software. */
export function isThirdPartyImage(image: string): boolean {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.split('/').pop()!;
  const name = lastSegment.replace(/:[^:]*$/, '');
  return (
    THIRD_PARTY_IMAGE.test(name) || THIRD_PARTY_PUBLISHER.test(withoutDigest)
  );
}

/**
 * Why a Kubernetes object does not decide the checks, or undefined when it
 * is first-party. Only workloads are judged by their namespace: a GitOps or
 * policy object of the service lives in its controller's namespace.
 */
export function notFirstPartyBecause(
  path: string,
  obj: { kind?: unknown; metadata?: any },
  options: { workload?: boolean } = {},
): string | undefined {
  const hook = String(obj.metadata?.annotations?.['helm.sh/hook'] ?? '');
  if (/\btest\b|test-success|test-failure/.test(hook))
    return 'a Helm test hook';
  if (isTestFixturePath(path)) return 'a test fixture';
  const namespace = obj.metadata?.namespace;
  if (
    options.workload &&
    typeof namespace === 'string' &&
    PLATFORM_NAMESPACES.has(namespace)
  )
    return `platform software in namespace ${namespace}`;
  return undefined;
}
