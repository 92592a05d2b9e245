import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  hasPrometheus,
  startPrometheus,
} from '@roadmap/plugin-maturity-node/testUtils';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import maturityFeatures from './index';

jest.setTimeout(120_000);

const entity = demoEntity('payments-api');

const RULES = fs.readFileSync(
  path.join(examplesDir, 'payments-api', 'monitoring', 'prometheus-rule.yaml'),
  'utf8',
);
// The PrometheusRule's groups, as a plain rules file for the server.
const rulesFile = `groups:\n${(parse(RULES) as any).spec.groups
  .map((g: unknown) => `  - ${JSON.stringify(g)}`)
  .join('\n')}\n`;

const statusOf = (body: any, id: string) =>
  body.detail.results.find((r: any) => r.checkId === id);

(hasPrometheus ? describe : describe.skip)(
  'a Prometheus outage during refreshes',
  () => {
    it('makes Prometheus checks unknown, keeps the last good facts and all history', async () => {
      const prometheus = await startPrometheus({
        up: ['payments-api'],
        down: [],
        rules: rulesFile,
      });
      try {
        const { server } = await startTestBackend({
          features: [
            maturityFeatures,
            directoryUrlReaderFactory(examplesDir),
            catalogServiceMock.factory({
              entities: [
                entity,
                {
                  apiVersion: 'backstage.io/v1alpha1',
                  kind: 'Group',
                  metadata: { name: 'payments', namespace: 'default' },
                  spec: { type: 'team', children: [] },
                },
              ],
            }),
            mockServices.rootConfig.factory({
              data: demoMaturityConfig({
                prometheus: {
                  servers: [{ url: prometheus.url, availabilityWindow: '1h' }],
                },
                refresh: { sourceTimeout: { seconds: 5 } },
              }),
            }),
          ],
        });
        const refresh = () =>
          request(server).post(
            '/api/maturity/scores/component/default/payments-api/refresh',
          );

        const before = await refresh().expect(200);
        expect(statusOf(before.body, 'prom.scraped')).toMatchObject({
          status: 'pass',
        });
        expect(statusOf(before.body, 'prom.alerts')).toMatchObject({
          status: 'pass',
        });
        expect(before.body.level).toBe('gold');

        await prometheus.stop();
        const after = await refresh().expect(200);
        expect(statusOf(after.body, 'prom.scraped')).toMatchObject({
          status: 'unknown',
        });
        expect(statusOf(after.body, 'prom.alerts').status).toBe('unknown');
        // Other sources are unaffected.
        expect(statusOf(after.body, 'ci.tests').status).toBe('pass');
        const prometheusStatus = after.body.detail.sources.find(
          (s: any) => s.source === 'prometheus',
        );
        expect(prometheusStatus).toMatchObject({
          status: 'error',
          message: expect.stringContaining('could not be queried'),
          lastGoodAt: before.body.scoredAt,
        });
        // unknown never counts as passing: the level drops, the history keeps both.
        expect(after.body.level).toBe('bronze');
        const history = await request(server)
          .get('/api/maturity/scores/component/default/payments-api/history')
          .expect(200);
        expect(history.body.items.map((h: any) => h.level)).toEqual([
          'gold',
          'bronze',
        ]);
      } finally {
        await prometheus.stop();
      }
    });
  },
);
