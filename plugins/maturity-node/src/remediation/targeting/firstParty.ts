import type { WorkloadCandidate } from './WorkloadCandidate';

/**
 * Images of software people run beside their service rather than write:
 * databases, queues, caches, proxies and observability backends.
 */
const THIRD_PARTY_IMAGE =
  /(^|\/)(postgres(ql)?|mysql|mariadb|mongo(db)?|redis|valkey|memcached|rabbitmq|kafka|zookeeper|elasticsearch|opensearch|kibana|cassandra|couchdb|etcd|minio|nats|consul|vault|keycloak|pgadmin|adminer|mailhog|localstack|grafana|prometheus|alertmanager|blackbox-exporter|node-exporter|kube-state-metrics|pushgateway|loki|promtail|jaeger|zipkin|otel\/opentelemetry-collector[\w-]*|opentelemetry-collector[\w-]*|fluent-?bit|fluentd|logstash|busybox|nginx|envoy|traefik|haproxy|bitnami\/[\w-]+|cloudsql-proxy|cloud-sql-proxy)(:|@|$)/i;

const TEST_PATH =
  /(^|\/)(tests?|testdata|test-data|fixtures?|__fixtures__|__tests__|e2e|integration-tests?|spec)\//i;
const VENDORED_PATH = /(^|\/)(vendor|third[_-]party|external|upstream)\//i;

/**
 * Why a workload is not the service's own (first-party) one, or undefined
 * when it may be: test fixtures, vendored or dependency charts, Helm test
 * hooks and third-party software (databases, caches, proxies) never are.
 *
 * @public
 */
export function notFirstParty(
  candidate: WorkloadCandidate,
): string | undefined {
  if (TEST_PATH.test(candidate.path)) return 'a test fixture';
  if (VENDORED_PATH.test(candidate.path)) return 'vendored';
  if (
    candidate.chart !== undefined &&
    /(^|\/)charts\/[^/]+\/charts\//.test(`${candidate.chart}/`)
  )
    return 'a dependency chart';
  if (candidate.source === 'chart' && thirdPartyChart(candidate.chartName))
    return `a third-party chart (${candidate.chartName})`;
  const hook = candidate.object?.metadata?.annotations?.['helm.sh/hook'];
  if (typeof hook === 'string' && /test/.test(hook)) return 'a Helm test hook';
  const images = candidate.containers.map(c => c.image ?? '').filter(Boolean);
  if (
    images.length > 0 &&
    images.every(i => THIRD_PARTY_IMAGE.test(i.replace(/^[^/]+\.[^/]+\//, '')))
  )
    return `third-party software (${images[0]})`;
  return undefined;
}

/** Whether a chart (by its Chart.yaml name) packages third-party software. */
export function thirdPartyChart(chartName: string | undefined): boolean {
  return !!chartName && THIRD_PARTY_IMAGE.test(chartName);
}
