import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import {
  hasPrometheus,
  type RunningPrometheus,
  startPrometheus,
} from '@roadmap/plugin-maturity-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MaturityMetrics } from './MaturityMetrics';

// The Grafana dashboard the repository ships for these metrics.
const file = path.resolve(
  __dirname,
  '../../../../examples/grafana/roadmap-maturity.dashboard.json',
);
const dashboard = JSON.parse(fs.readFileSync(file, 'utf8'));

const datasource = z.object({ type: z.literal('prometheus'), uid: z.string() });
// The parts of Grafana's dashboard model (schemaVersion 39) the dashboard
// uses, as Grafana reads them on import.
const dashboardSchema = z.object({
  title: z.string().min(1),
  uid: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/),
  schemaVersion: z.number().int().min(36),
  time: z.object({ from: z.string(), to: z.string() }),
  templating: z.object({
    list: z.array(z.object({ name: z.string(), type: z.string() })),
  }),
  panels: z
    .array(
      z.object({
        id: z.number().int().positive(),
        title: z.string().min(1),
        description: z.string().min(1),
        type: z.enum(['stat', 'gauge', 'timeseries', 'bargauge', 'table']),
        datasource,
        gridPos: z.object({
          x: z.number().int().min(0).max(23),
          y: z.number().int().min(0),
          w: z.number().int().min(1).max(24),
          h: z.number().int().min(1),
        }),
        targets: z
          .array(
            z.object({
              refId: z.string(),
              datasource,
              expr: z.string().min(1),
              legendFormat: z.string(),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

type Panel = z.infer<typeof dashboardSchema>['panels'][number];
const panels: Panel[] = dashboardSchema.parse(dashboard).panels;
const exprs = panels.flatMap(p => p.targets.map(t => t.expr));

/** The series names the OpenTelemetry Prometheus exporter gives our metrics. */
function exportedSeries(): Set<string> {
  const names = new Set<string>();
  const metrics = metricsServiceMock.mock({
    createObservableGauge: jest.fn((name: string) => {
      names.add(name.replace(/\./g, '_'));
      return { addCallback: jest.fn(), removeCallback: jest.fn() };
    }) as any,
    createHistogram: jest.fn((name: string) => {
      for (const suffix of ['_bucket', '_sum', '_count']) {
        names.add(name.replace(/\./g, '_') + suffix);
      }
      return { record: jest.fn() };
    }) as any,
    createCounter: jest.fn((name: string) => {
      names.add(`${name.replace(/\./g, '_')}_total`);
      return { add: jest.fn() };
    }) as any,
  });
  expect(new MaturityMetrics(metrics)).toBeInstanceOf(MaturityMetrics);
  return names;
}

// Grafana's variables as Grafana substitutes them for "All" and a 7-day range.
const substituted = (expr: string) =>
  expr
    .replace(/\$owner/g, '.*')
    .replace(/\$__range/g, '7d')
    .replace(/\$__rate_interval/g, '1m');

// A real Prometheus starts and scrapes within seconds, more on a loaded machine.
jest.setTimeout(60_000);

describe('the Grafana dashboard (examples/grafana)', () => {
  it('is a dashboard Grafana imports: unique panel ids, panels inside the 24-column grid and not overlapping', () => {
    const ids = panels.map(p => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of panels) {
      expect(a.gridPos.x + a.gridPos.w).toBeLessThanOrEqual(24);
      for (const b of panels) {
        if (a === b) continue;
        const overlap =
          a.gridPos.x < b.gridPos.x + b.gridPos.w &&
          b.gridPos.x < a.gridPos.x + a.gridPos.w &&
          a.gridPos.y < b.gridPos.y + b.gridPos.h &&
          b.gridPos.y < a.gridPos.y + a.gridPos.h;
        expect({ a: a.title, b: b.title, overlap }).toMatchObject({
          overlap: false,
        });
      }
    }
  });

  it('charts only series the backend exports, and every one of them', () => {
    const exported = exportedSeries();
    const used = new Set(exprs.flatMap(e => e.match(/\bmaturity_\w+/g) ?? []));
    expect([...used].filter(name => !exported.has(name))).toEqual([]);
    // Every metric appears (a histogram through any of its series).
    const metricOf = (name: string) => name.replace(/_(bucket|sum|count)$/, '');
    expect(new Set([...exported].map(metricOf))).toEqual(
      new Set([...used].map(metricOf)),
    );
  });

  (hasPrometheus ? describe : describe.skip)(
    'against a real Prometheus scraping those series',
    () => {
      let prometheus: RunningPrometheus;
      beforeAll(async () => {
        const entity = (name: string, owner: string, level: number) =>
          [
            `maturity_entity_level{entity_ref="component:default/${name}",owner="${owner}"} ${level}`,
            `maturity_entity_score{entity_ref="component:default/${name}",owner="${owner}",pillar="overall"} ${
              40 + level * 20
            }`,
            `maturity_entity_score{entity_ref="component:default/${name}",owner="${owner}",pillar="cicd"} 80`,
          ].join('\n');
        prometheus = await startPrometheus({
          up: ['backstage'],
          down: [],
          rules: 'groups: []\n',
          metricsText: `${[
            '# TYPE maturity_entity_level gauge',
            '# TYPE maturity_entity_score gauge',
            entity('payments-api', 'group:default/payments', 2),
            entity('checkout-web', 'group:default/payments', 1),
            entity('hobby', 'user:default/dana', -1),
            '# TYPE maturity_refresh_duration histogram',
            'maturity_refresh_duration_bucket{scope="run",source="all",outcome="completed",le="5"} 3',
            'maturity_refresh_duration_bucket{scope="run",source="all",outcome="completed",le="+Inf"} 4',
            'maturity_refresh_duration_sum{scope="run",source="all",outcome="completed"} 12',
            'maturity_refresh_duration_count{scope="run",source="all",outcome="completed"} 4',
            '# TYPE maturity_refresh_entities_total counter',
            'maturity_refresh_entities_total 120',
            '# TYPE maturity_source_errors_total counter',
            'maturity_source_errors_total{source="prometheus"} 2',
          ].join('\n')}\n`,
        });
      });
      afterAll(() => prometheus?.stop());

      it('evaluates every panel query, and the level and score panels find the services', async () => {
        const failed: unknown[] = [];
        const empty: string[] = [];
        for (const panel of panels) {
          for (const target of panel.targets) {
            const response = await fetch(
              `${prometheus.url}/api/v1/query?${new URLSearchParams({
                query: substituted(target.expr),
              })}`,
            );
            const body = (await response.json()) as {
              status: string;
              error?: string;
              data?: { result: unknown[] };
            };
            if (body.status !== 'success') {
              failed.push({ panel: panel.title, expr: target.expr, ...body });
            } else if (
              /level|score|lowest/i.test(panel.title) &&
              body.data!.result.length === 0
            ) {
              empty.push(target.expr);
            }
          }
        }
        expect(failed).toEqual([]);
        expect(empty).toEqual([]);
      });
    },
  );
});
