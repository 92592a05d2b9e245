import { stringify } from 'yaml';
import type { RemediationGenerator } from '../RemediationGenerator';
import { relabelReplacement } from '../escaping/relabelReplacement';
import { chartObject } from '../kubernetes/helmToggle';
import {
  targetedObjectFiles,
  WORKLOAD_NAME,
  WORKLOAD_SELECTOR,
} from '../kubernetes/targetedObjectFiles';
import { alertRuleGroups } from '../monitoring/alertRuleGroups';
import { grafanaDashboard } from '../monitoring/grafanaDashboard';
import { serviceWorkload } from '../targeting/serviceWorkload';
import { serviceRuntime } from '../stack/serviceRuntime';

/** `obs.metrics`: a PodMonitor that scrapes /metrics of the service's pods. */
const metricsScrape: RemediationGenerator = {
  checkId: 'obs.metrics',
  async generate(context) {
    const target = await serviceWorkload(context);
    if ('skipped' in target) return target;
    const { workload } = target;
    if (workload.source === 'chart') {
      for (const kind of ['ServiceMonitor', 'PodMonitor']) {
        const existing = await chartObject(context, workload.chart ?? '', kind);
        if (existing.kind === 'toggle')
          return {
            files: [
              {
                path: existing.path,
                content: existing.content,
                action: 'update',
                description: `Turns on the chart's own ${kind} (\`${existing.key}: true\`).`,
              },
            ],
          };
        if (existing.kind === 'present') return { skipped: existing.reason };
      }
    }
    // The workload's declared port, else the one the service listens on.
    const runtimePort = (await serviceRuntime(context)).port?.port;
    const port =
      workload.containers
        .flatMap(c => c.ports)
        .find(p => p.name || p.containerPort) ??
      (runtimePort ? { containerPort: runtimePort } : undefined);
    if (!port)
      return {
        skipped: `the ${workload.kind} of ${workload.path} declares no container port to scrape`,
      };
    return targetedObjectFiles(
      context,
      workload,
      'podmonitor.yaml',
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: { name: WORKLOAD_NAME },
        spec: {
          selector: { matchLabels: WORKLOAD_SELECTOR },
          podMetricsEndpoints: [
            {
              ...(port.name
                ? { port: port.name }
                : { targetPort: port.containerPort }),
              path: '/metrics',
              interval: '30s',
              relabelings: [
                {
                  targetLabel: 'service',
                  replacement: relabelReplacement(context.service.name),
                },
              ],
            },
          ],
        },
      },
      'Lets the Prometheus Operator scrape /metrics of the pods, labelled with the service name; the service must expose Prometheus metrics there.',
    );
  },
};

const ALERTS =
  'Alerts for targets down, a 5xx ratio above 5% and p95 latency above 500 ms, plus recording rules for an availability SLO.';

/** `obs.alerts`: a PrometheusRule beside the service's workload (or a rules file). */
const alertRules: RemediationGenerator = {
  checkId: 'obs.alerts',
  async generate(context) {
    const groups = alertRuleGroups({ service: context.service.name });
    const target = await serviceWorkload(context);
    if ('skipped' in target) {
      const path = `monitoring/${context.profile.name}.rules.yaml`;
      if ((await context.tree.listFiles()).includes(path))
        return { skipped: `${path} exists already` };
      return {
        files: [
          {
            path,
            content: stringify(
              { groups },
              { lineWidth: 0, aliasDuplicateObjects: false },
            ),
            action: 'create',
            description: `${ALERTS} (A Prometheus rules file: ${target.skipped}.)`,
          },
        ],
      };
    }
    return targetedObjectFiles(
      context,
      target.workload,
      'prometheusrule.yaml',
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: { name: WORKLOAD_NAME },
        spec: { groups },
      },
      ALERTS,
    );
  },
};

/** `obs.dashboards`: a Grafana dashboard JSON kept with the code. */
const dashboard: RemediationGenerator = {
  checkId: 'obs.dashboards',
  async generate(context) {
    const path = `dashboards/${context.profile.name}.json`;
    if ((await context.tree.listFiles()).includes(path))
      return { skipped: `${path} exists already` };
    return {
      files: [
        {
          path,
          content: `${JSON.stringify(
            grafanaDashboard({ service: context.service.name }),
            null,
            2,
          )}\n`,
          action: 'create',
          description:
            'A Grafana dashboard (request rate, error ratio, p95 latency, targets up); import it or provision it from this folder.',
        },
      ],
    };
  },
};

/** Generators for the monitoring checks: scrape config, alert rules, dashboard. */
export function monitoringGenerators(): RemediationGenerator[] {
  return [metricsScrape, alertRules, dashboard];
}
