import { alertName } from '../escaping/alertName';
import { kubernetesName } from '../escaping/kubernetesName';
import { promqlString } from '../escaping/promqlString';

/**
 * Prometheus rule groups for a service: alerts for targets down, a high
 * 5xx ratio and high p95 latency, and the recording rules (error ratio and
 * availability) an SLO is built on. The service name only ever appears as
 * an escaped PromQL string literal; alert labels and annotations use
 * `$labels`, never the raw name, because Prometheus expands them as
 * templates.
 *
 * @public
 */
export function alertRuleGroups(options: {
  service: string;
  serviceLabel?: string;
}): { name: string; rules: Record<string, unknown>[] }[] {
  const label = options.serviceLabel ?? 'service';
  const selector = `${label}=${promqlString(options.service)}`;
  const requests = `http_requests_total{${selector}}`;
  const errors = `http_requests_total{${selector},code=~"5.."}`;
  const group = kubernetesName(options.service);
  return [
    {
      name: `${group}.recording`,
      rules: [
        {
          record: `${label}:http_requests:error_ratio_rate5m`,
          expr: `sum by (${label}) (rate(${errors}[5m])) / sum by (${label}) (rate(${requests}[5m]))`,
        },
        {
          record: `${label}:up:avg_over_time_1h`,
          expr: `avg by (${label}) (avg_over_time(up{${selector}}[1h]))`,
        },
      ],
    },
    {
      name: `${group}.alerts`,
      rules: [
        {
          alert: alertName(options.service, 'TargetDown'),
          expr: `sum(up{${selector}}) == 0 or absent(up{${selector}})`,
          for: '5m',
          labels: { severity: 'critical' },
          annotations: {
            summary: `No instance of {{ $labels.${label} }} is up`,
            description:
              'Prometheus has scraped no healthy target of the service for 5 minutes.',
          },
        },
        {
          alert: alertName(options.service, 'HighErrorRatio'),
          expr: `sum(rate(${errors}[5m])) / sum(rate(${requests}[5m])) > 0.05`,
          for: '10m',
          labels: { severity: 'warning' },
          annotations: {
            summary: 'More than 5% of requests fail with 5xx',
            description:
              'The 5xx ratio has been above 5% for 10 minutes (metric http_requests_total: rename it if your client library uses another).',
          },
        },
        {
          alert: alertName(options.service, 'HighLatencyP95'),
          expr: `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${selector}}[5m]))) > 0.5`,
          for: '10m',
          labels: { severity: 'warning' },
          annotations: {
            summary: '95th percentile latency above 500 ms',
            description:
              'p95 of http_request_duration_seconds has been above 0.5 s for 10 minutes.',
          },
        },
      ],
    },
  ];
}
