import type { Signals } from './Signals';
import { lineOf } from './lineOf';

/**
 * Observability and resilience files that are not Kubernetes objects:
 * Grafana dashboard JSON and provisioning, Prometheus rule files, Grafana
 * alert provisioning, OpenTelemetry collector and log pipeline configs,
 * load-test scripts and Chaos Toolkit experiments. `doc` is the parsed
 * YAML/JSON when the file is one.
 *
 * @public
 */
export function detectObservabilityFile(
  path: string,
  text: string,
  doc: unknown,
  signals: Signals,
): void {
  const name = path.split('/').pop()!;
  const o =
    doc && typeof doc === 'object' && !Array.isArray(doc)
      ? (doc as Record<string, any>)
      : undefined;

  if (o && name.endsWith('.json')) {
    const dashboard =
      o.dashboard && typeof o.dashboard === 'object' ? o.dashboard : o;
    const isDashboard =
      Array.isArray(dashboard.panels) &&
      (dashboard.schemaVersion !== undefined || dashboard.title !== undefined);
    const panels = isDashboard
      ? dashboard.panels.length +
        (Array.isArray(dashboard.rows)
          ? dashboard.rows.reduce(
              (n: number, r: any) =>
                n + (Array.isArray(r?.panels) ? r.panels.length : 0),
              0,
            )
          : 0)
      : 0;
    if (isDashboard && panels === 0)
      signals.nearMiss('obs.dashboards', {
        path,
        line: 1,
        note: `Grafana dashboard "${String(
          dashboard.title ?? name,
        )}" has no panels`,
      });
    if (isDashboard && panels > 0) {
      signals.add('obs.dashboards', {
        path,
        line: 1,
        note: `Grafana dashboard "${String(dashboard.title ?? name)}"`,
      });
    }
    if (o['steady-state-hypothesis'] || (Array.isArray(o.method) && o.title))
      signals.add('rel.chaos', {
        path,
        line: 1,
        note: 'Chaos Toolkit experiment',
      });
  }
  if (o && !o.kind) {
    if (Array.isArray(o.groups)) {
      const rules = o.groups.flatMap((g: any) =>
        Array.isArray(g?.rules) ? g.rules : [],
      );
      const alerts = rules.filter((r: any) => typeof r?.alert === 'string');
      const grafanaAlerts = rules.filter((r: any) => r?.condition && r?.data);
      if (alerts.length > 0)
        signals.add('obs.alerts', {
          path,
          line: lineOf(text, 'alert:'),
          note: `${alerts.length} Prometheus alert rule${
            alerts.length > 1 ? 's' : ''
          }`,
        });
      if (grafanaAlerts.length > 0)
        signals.add('obs.alerts', {
          path,
          line: lineOf(text, 'condition'),
          note: 'Grafana alert provisioning',
        });
    }
    if (o.apiVersion === 1 && Array.isArray(o.providers))
      signals.add('obs.dashboards', {
        path,
        line: lineOf(text, 'providers'),
        note: 'Grafana dashboard provisioning',
      });
    if (o.receivers && o.exporters && o.service?.pipelines) {
      if (
        o.service.pipelines.traces ||
        Object.keys(o.service.pipelines).some(k => k.startsWith('traces'))
      )
        signals.add('obs.tracing', {
          path,
          line: lineOf(text, 'traces'),
          note: 'OpenTelemetry Collector trace pipeline',
        });
      if (Object.keys(o.service.pipelines).some(k => k.startsWith('logs')))
        signals.add('obs.logging', {
          path,
          line: lineOf(text, 'logs'),
          note: 'OpenTelemetry Collector log pipeline',
        });
    }
    if (o.config && Array.isArray(o.scenarios))
      signals.add('rel.load-test', {
        path,
        line: lineOf(text, 'scenarios'),
        note: 'Artillery scenario',
      });
    if (o['steady-state-hypothesis'] || (o.title && Array.isArray(o.method)))
      signals.add('rel.chaos', {
        path,
        line: 1,
        note: 'Chaos Toolkit experiment',
      });
    if (o.scrape_configs && /prometheus\.ya?ml$/.test(name))
      signals.add('obs.metrics', {
        path,
        line: lineOf(text, 'scrape_configs'),
        note: 'Prometheus scrape configuration',
      });
    if ((o.sources && o.sinks) || o.clients || (o.server && o.positions)) {
      if (/vector|promtail|fluent|logstash|loki/i.test(path))
        signals.add('obs.logging', {
          path,
          line: 1,
          note: 'log pipeline configuration',
        });
    }
  }
  if (
    /^(?:fluent-?bit\.conf|fluentd?\.conf|td-agent\.conf|logstash\.conf|vector\.toml)$/i.test(
      name,
    )
  ) {
    signals.add('obs.logging', {
      path,
      line: 1,
      note: 'log pipeline configuration',
    });
  }
  if (
    /\.(?:js|ts|mjs)$/.test(name) &&
    /from\s+['"]k6(?:\/[\w-]+)?['"]|require\(['"]k6/.test(text)
  )
    signals.add('rel.load-test', {
      path,
      line: lineOf(text, 'k6'),
      note: 'k6 script',
    });
  if (
    /\.py$/.test(name) &&
    /from\s+locust\s+import|import\s+locust\b/.test(text)
  )
    signals.add('rel.load-test', {
      path,
      line: lineOf(text, 'locust'),
      note: 'Locust file',
    });
  if (/\.jmx$/.test(name) && /<jmeterTestPlan/.test(text))
    signals.add('rel.load-test', { path, line: 1, note: 'JMeter test plan' });
  if (
    /\.(?:scala|java|kt)$/.test(name) &&
    /extends\s+Simulation\b|:\s*Simulation\(\)/.test(text)
  )
    signals.add('rel.load-test', {
      path,
      line: lineOf(text, 'Simulation'),
      note: 'Gatling simulation',
    });
  if (
    /\.(?:libsonnet|jsonnet)$/.test(name) &&
    /grafonnet|grafana\.libsonnet|dashboard\.new\(/.test(text)
  )
    signals.add('obs.dashboards', {
      path,
      line: 1,
      note: 'Grafana dashboard in Jsonnet',
    });
}
