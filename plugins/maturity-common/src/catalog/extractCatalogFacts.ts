import type { Entity } from '@backstage/catalog-model';
import type { Evidence, Fact, FactValue } from '../types/Fact';

/** Our annotation for a runbook URL. @public */
export const RUNBOOK_ANNOTATION = 'maturity.roadmap.dev/runbook';
/** Our annotation for an on-call schedule URL or id. @public */
export const ONCALL_ANNOTATION = 'maturity.roadmap.dev/oncall';

const ONCALL_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/team',
  'opsgenie.com/component-selector',
  'splunk.com/on-call-routing-key',
  ONCALL_ANNOTATION,
];
const MONITORING_ANNOTATIONS = [
  'prometheus.io/rule',
  'prometheus.io/alert',
  'prometheus.io/service-name',
  'grafana/dashboard-selector',
  'grafana/alert-label-selector',
];
const RUNBOOK_LINK = /runbook|playbook|on-?call|incident/i;

/**
 * Derives the `catalog.*` facts from an entity, without any lookups. The
 * backend adds `ownerIsGroup` after resolving spec.owner in the catalog;
 * without it that fact is absent and the check on it is unknown.
 *
 * @public
 */
export function extractCatalogFacts(
  entity: Entity,
  options: { now: Date; ownerIsGroup?: boolean; file?: string },
): Fact[] {
  const observedAt = options.now.toISOString();
  const annotations = entity.metadata.annotations ?? {};
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const where = (field: string): Evidence[] => [
    { note: field, ...(options.file ? { path: options.file } : {}) },
  ];
  const fact = (id: string, value: FactValue, evidence: Evidence[]): Fact => ({
    id: `catalog.${id}`,
    value,
    source: 'catalog',
    observedAt,
    evidence,
  });
  const annotated = (names: string[]) =>
    names.filter(n => Boolean(annotations[n]));

  const facts: Fact[] = [];
  const owner = typeof spec.owner === 'string' ? spec.owner : '';
  facts.push(fact('owner', owner, where(`spec.owner: ${owner || '(unset)'}`)));
  if (options.ownerIsGroup !== undefined) {
    facts.push(
      fact(
        'owner-is-group',
        options.ownerIsGroup,
        where(`spec.owner: ${owner || '(unset)'}`),
      ),
    );
  }
  const lifecycle = typeof spec.lifecycle === 'string' ? spec.lifecycle : '';
  facts.push(
    fact(
      'lifecycle',
      lifecycle,
      where(`spec.lifecycle: ${lifecycle || '(unset)'}`),
    ),
  );
  const system = typeof spec.system === 'string' ? spec.system : '';
  facts.push(
    fact('system', system, where(`spec.system: ${system || '(unset)'}`)),
  );
  facts.push(
    fact(
      'techdocs',
      Boolean(annotations['backstage.io/techdocs-ref']),
      where('backstage.io/techdocs-ref'),
    ),
  );

  const oncall = annotated(ONCALL_ANNOTATIONS);
  facts.push(
    fact(
      'oncall',
      oncall.length > 0,
      where(oncall.join(', ') || 'no on-call annotation'),
    ),
  );

  const runbookLinks = (entity.metadata.links ?? []).filter(
    l =>
      RUNBOOK_LINK.test(l.title ?? '') ||
      RUNBOOK_LINK.test(l.type ?? '') ||
      RUNBOOK_LINK.test(l.url),
  );
  facts.push(
    fact(
      'runbook',
      runbookLinks.length > 0 || Boolean(annotations[RUNBOOK_ANNOTATION]),
      runbookLinks.length
        ? runbookLinks.map(l => ({
            url: l.url,
            note: `link: ${l.title ?? l.url}`,
          }))
        : where(
            annotations[RUNBOOK_ANNOTATION]
              ? RUNBOOK_ANNOTATION
              : 'no runbook link',
          ),
    ),
  );
  const apis = Array.isArray(spec.providesApis) ? spec.providesApis.length : 0;
  facts.push(fact('provided-apis', apis, where(`spec.providesApis: ${apis}`)));
  facts.push(
    fact(
      'source-location',
      Boolean(
        annotations['backstage.io/source-location'] ||
          annotations['github.com/project-slug'] ||
          annotations['gitlab.com/project-slug'],
      ),
      where('backstage.io/source-location'),
    ),
  );
  facts.push(
    fact(
      'kubernetes',
      Boolean(
        annotations['backstage.io/kubernetes-id'] ||
          annotations['backstage.io/kubernetes-label-selector'],
      ),
      where('backstage.io/kubernetes-id'),
    ),
  );
  const monitoring = annotated(MONITORING_ANNOTATIONS);
  facts.push(
    fact(
      'monitoring',
      monitoring.length > 0,
      where(monitoring.join(', ') || 'no monitoring annotation'),
    ),
  );
  return facts;
}
