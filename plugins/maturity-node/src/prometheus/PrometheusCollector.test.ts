import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import {
  hasPrometheus,
  startPrometheus,
  type RunningPrometheus,
} from '../testUtils/startPrometheus';
import { PrometheusCollector } from './PrometheusCollector';

jest.setTimeout(60_000);

const RULES = `
groups:
  - name: payments
    rules:
      - alert: PaymentsApiDown
        expr: up{service="payments-api"} == 0
        for: 1m
      - record: slo:availability:ratio_5m
        expr: avg_over_time(up{service="payments-api"}[5m])
  - name: storefront
    rules:
      - alert: CheckoutTargetsDown
        expr: up{service=~"checkout-.*"} == 0
      - alert: LegacyBillingNamedByAnnotation
        expr: vector(0) > 1
`;

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'platform', lifecycle: 'production' },
  };
}

const entities = [
  component('payments-api'),
  component('checkout-web'),
  component('legacy-billing', {
    'prometheus.io/alert': 'LegacyBillingNamedByAnnotation',
  }),
  component('payments-ui', { 'prometheus.io/service-name': 'payments-api' }),
  component('never-scraped'),
  component('evil', { 'prometheus.io/service-name': 'x"} or vector(1) #' }),
];

function request(signal = new AbortController().signal) {
  return {
    entities,
    now: new Date('2026-11-24T12:00:00Z'),
    logger: mockServices.logger.mock(),
    signal,
    previous: new Map(),
  };
}

const factValues = (facts: { id: string; value: unknown }[] | undefined) =>
  Object.fromEntries((facts ?? []).map(f => [f.id, f.value]));

const describeWithPrometheus = hasPrometheus ? describe : describe.skip;
if (!hasPrometheus) {
  // eslint-disable-next-line no-console
  console.warn(
    'PrometheusCollector tests skipped: the `prometheus` binary is not installed (apt-get install prometheus; scripts/test.sh does it)',
  );
}

describeWithPrometheus('PrometheusCollector against a real Prometheus', () => {
  let prometheus: RunningPrometheus;

  beforeAll(async () => {
    prometheus = await startPrometheus({
      up: ['payments-api', 'checkout-web'],
      down: ['legacy-billing'],
      rules: RULES,
    });
  });
  afterAll(() => prometheus?.stop());

  const collector = () =>
    PrometheusCollector.fromConfig(
      new ConfigReader({
        maturity: {
          prometheus: {
            servers: [{ url: prometheus.url, availabilityWindow: '1h' }],
          },
        },
      }),
    )!;

  it('answers a whole batch with three requests and matches entities by service label', async () => {
    const c = collector();
    const result = await c.collect(request());
    expect(c.requestCount).toBe(3);
    expect(result.failures?.size ?? 0).toBe(0);

    expect(
      factValues(result.facts.get('component:default/payments-api')),
    ).toEqual({
      'prometheus.scraped': true,
      'prometheus.availability': 100,
      'prometheus.alert-rules': 1,
      'prometheus.recording-rules': 1,
    });
    expect(
      factValues(result.facts.get('component:default/checkout-web')),
    ).toMatchObject({
      'prometheus.scraped': true,
      'prometheus.alert-rules': 1,
      'prometheus.recording-rules': 0,
    });
    expect(
      factValues(result.facts.get('component:default/legacy-billing')),
    ).toEqual({
      'prometheus.scraped': false,
      'prometheus.availability': 0,
      'prometheus.alert-rules': 1,
      'prometheus.recording-rules': 0,
    });
    // The Prometheus plugin's annotation maps an entity to another series.
    expect(
      factValues(result.facts.get('component:default/payments-ui'))[
        'prometheus.scraped'
      ],
    ).toBe(true);
    // Absent series: not scraped, and no availability fact rather than a false 0.
    expect(
      factValues(result.facts.get('component:default/never-scraped')),
    ).toEqual({
      'prometheus.scraped': false,
      'prometheus.alert-rules': 0,
      'prometheus.recording-rules': 0,
    });
  });

  it('never lets an annotation value into PromQL', async () => {
    const result = await collector().collect(request());
    const evil = result.facts.get('component:default/evil')!;
    expect(factValues(evil)['prometheus.scraped']).toBe(false);
    const queries = evil.flatMap(f => f.evidence.map(e => e.query ?? ''));
    expect(queries.some(q => q.length > 0)).toBe(true);
    expect(queries.filter(q => q.includes('vector(1)'))).toEqual([]);
  });

  it('reports every entity as failed, with no facts, when Prometheus goes away', async () => {
    const c = collector();
    await prometheus.stop();
    const result = await c.collect(request());
    expect(result.facts.size).toBe(0);
    expect(result.failures?.size).toBe(entities.length);
    expect(result.failures?.get('component:default/payments-api')).toMatch(
      /Prometheus "default" could not be queried/,
    );
  });
});

describe('PrometheusCollector configuration', () => {
  it('is absent without servers', () => {
    expect(
      PrometheusCollector.fromConfig(new ConfigReader({})),
    ).toBeUndefined();
  });

  it.each([
    [{ url: 'ftp://x' }, 'maturity.prometheus.servers[0].url'],
    [
      { url: 'http://x', serviceLabel: 'service"}' },
      'maturity.prometheus.servers[0].serviceLabel',
    ],
    [
      { url: 'http://x', availabilityWindow: '7 days' },
      'maturity.prometheus.servers[0].availabilityWindow',
    ],
  ])('names the bad key of %p', (server, key) => {
    expect(() =>
      PrometheusCollector.fromConfig(
        new ConfigReader({ maturity: { prometheus: { servers: [server] } } }),
      ),
    ).toThrow(key);
  });

  it('marks entities that name an unknown server as failed', async () => {
    const c = PrometheusCollector.fromConfig(
      new ConfigReader({
        maturity: { prometheus: { servers: [{ url: 'http://127.0.0.1:1' }] } },
      }),
    )!;
    const result = await c.collect({
      ...request(),
      entities: [
        component('x', { 'maturity.roadmap.dev/prometheus-server': 'eu' }),
      ],
    });
    expect(result.failures?.get('component:default/x')).toMatch(/"eu"/);
  });
});
