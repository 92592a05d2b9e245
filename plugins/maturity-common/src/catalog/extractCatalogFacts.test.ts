import { extractCatalogFacts } from './extractCatalogFacts';

const values = (facts: { id: string; value: unknown }[]) =>
  Object.fromEntries(facts.map(f => [f.id, f.value]));

describe('extractCatalogFacts', () => {
  it('reads ownership, lifecycle, system, annotations, runbook links and APIs', () => {
    const facts = extractCatalogFacts(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'api',
          annotations: {
            'backstage.io/techdocs-ref': 'dir:.',
            'pagerduty.com/service-id': 'P123',
            'backstage.io/kubernetes-id': 'api',
            'prometheus.io/rule': 'up',
            'backstage.io/source-location': 'url:https://github.com/o/api/',
          },
          links: [{ url: 'https://wiki/x', title: 'Runbook' }],
        },
        spec: {
          type: 'service',
          owner: 'group:payments',
          lifecycle: 'production',
          system: 'checkout',
          providesApis: ['a', 'b'],
        },
      },
      { now: new Date('2026-11-24T00:00:00Z'), ownerIsGroup: true },
    );
    expect(values(facts)).toEqual({
      'catalog.owner': 'group:payments',
      'catalog.owner-is-group': true,
      'catalog.lifecycle': 'production',
      'catalog.system': 'checkout',
      'catalog.techdocs': true,
      'catalog.oncall': true,
      'catalog.runbook': true,
      'catalog.provided-apis': 2,
      'catalog.source-location': true,
      'catalog.kubernetes': true,
      'catalog.monitoring': true,
    });
  });

  it('leaves owner-is-group out when nobody resolved the owner', () => {
    const facts = extractCatalogFacts(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'bare' },
        spec: {},
      },
      { now: new Date() },
    );
    expect(facts.map(f => f.id)).not.toContain('catalog.owner-is-group');
    expect(values(facts)).toMatchObject({
      'catalog.system': '',
      'catalog.oncall': false,
      'catalog.runbook': false,
      'catalog.provided-apis': 0,
    });
  });
});
