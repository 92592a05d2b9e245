import { ruleSelectsService } from './ruleSelectsService';
import type { PrometheusRule } from './PrometheusClient';

const rule = (
  query: string,
  labels: Record<string, string> = {},
): PrometheusRule => ({
  type: 'alerting',
  name: 'R',
  query,
  labels,
  group: 'g',
  file: 'f',
});

describe('ruleSelectsService', () => {
  it.each([
    ['up{service="payments-api"} == 0', true],
    ['up{job="x", service = "payments-api"} == 0', true],
    ['rate(http_requests_total{service=~"payments-.*"}[5m]) > 1', true],
    ['up{service=~"payments"} == 0', false],
    ['up{service!="payments-api"} == 0', false],
    ['up{service="payments-api-v2"} == 0', false],
    ['up{app="payments-api"} == 0', false],
    ['up{service=~"("} == 0', false],
  ])('%s → %s', (query, expected) => {
    expect(ruleSelectsService(rule(query), 'service', 'payments-api')).toBe(
      expected,
    );
  });

  it('accepts a rule whose own labels name the service', () => {
    expect(
      ruleSelectsService(
        rule('vector(1)', { service: 'payments-api' }),
        'service',
        'payments-api',
      ),
    ).toBe(true);
  });

  it('reads escaped quotes inside label values', () => {
    expect(
      ruleSelectsService(rule('up{service="a\\"b"}'), 'service', 'a"b'),
    ).toBe(true);
  });
});
