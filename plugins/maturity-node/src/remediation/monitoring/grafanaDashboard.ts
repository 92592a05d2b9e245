import { kubernetesName } from '../escaping/kubernetesName';
import { promqlString } from '../escaping/promqlString';

function panel(
  id: number,
  title: string,
  expr: string,
  unit: string,
  x: number,
  y: number,
) {
  return {
    id,
    type: 'timeseries',
    title,
    datasource: { type: 'prometheus', uid: '${datasource}' },
    gridPos: { h: 8, w: 12, x, y },
    fieldConfig: { defaults: { unit }, overrides: [] },
    options: { legend: { displayMode: 'list', placement: 'bottom' } },
    targets: [{ refId: 'A', expr, legendFormat: '__auto' }],
  };
}

/**
 * A Grafana dashboard (JSON model) for a service: request rate, error
 * ratio, p95 latency and targets up, over a Prometheus data source chosen
 * from a variable. Built as an object and serialised, so the service name
 * cannot break the JSON or the PromQL.
 *
 * @public
 */
export function grafanaDashboard(options: {
  service: string;
  serviceLabel?: string;
}): Record<string, unknown> {
  const label = options.serviceLabel ?? 'service';
  const selector = `${label}=${promqlString(options.service)}`;
  return {
    title: `${options.service} service`,
    uid: `maturity-${kubernetesName(options.service)}`.slice(0, 40),
    tags: ['maturity', 'service'],
    timezone: 'browser',
    schemaVersion: 39,
    version: 1,
    editable: true,
    refresh: '1m',
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [
        {
          name: 'datasource',
          type: 'datasource',
          query: 'prometheus',
          label: 'Data source',
        },
      ],
    },
    panels: [
      panel(
        1,
        'Requests per second',
        `sum(rate(http_requests_total{${selector}}[5m]))`,
        'reqps',
        0,
        0,
      ),
      panel(
        2,
        'Error ratio (5xx)',
        `sum(rate(http_requests_total{${selector},code=~"5.."}[5m])) / sum(rate(http_requests_total{${selector}}[5m]))`,
        'percentunit',
        12,
        0,
      ),
      panel(
        3,
        'Latency p95',
        `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${selector}}[5m])))`,
        's',
        0,
        8,
      ),
      panel(4, 'Targets up', `sum(up{${selector}})`, 'short', 12, 8),
    ],
  };
}
