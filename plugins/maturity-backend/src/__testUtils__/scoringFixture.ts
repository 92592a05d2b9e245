import type { Entity } from '@backstage/catalog-model';
import type { Fact } from '@roadmap/plugin-maturity-common';
import type { MaturityCollector } from '@roadmap/plugin-maturity-node';
import type { EntityScorer } from '../refresh/EntityScorer';

/** Test components `svc-000` … with an owner relation. */
export function testComponents(count: number): Entity[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `svc-${String(i).padStart(3, '0')}`,
      namespace: 'default',
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/platform',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
  }));
}

/**
 * A collector whose facts are always `<source>.ok = true`: every entity's
 * right score is 100, so any other stored score came from something other
 * than its facts. `beforeBatch` runs before each batch is answered.
 */
export function passingCollector(
  source: string,
  beforeBatch: (batch: number) => Promise<void> | void = () => {},
): MaturityCollector {
  let batch = 0;
  return {
    source,
    async collect(request) {
      batch += 1;
      await beforeBatch(batch);
      const facts = new Map<string, Fact[]>();
      for (const e of request.entities) {
        facts.set(`component:default/${e.metadata.name}`, [
          {
            id: `${source}.ok`,
            value: true,
            source,
            observedAt: request.now.toISOString(),
            evidence: [],
          },
        ]);
      }
      return { facts };
    },
  };
}

/** 100 when every source said ok, less for each that did not answer. */
export function shareOfPassingFacts(sources: string[]): EntityScorer {
  return {
    rubricHash: 'test-rubric',
    appliesTo: e => e.kind === 'Component',
    score(_entity, facts, { sources: statuses }) {
      const passed = facts.filter(f => f.value === true).length;
      const score = Math.round((passed / sources.length) * 100);
      return {
        score,
        level: score === 100 ? 'gold' : null,
        levelRank: score === 100 ? 0 : -1,
        nextLevel: score === 100 ? null : 'gold',
        pillars: { all: score },
        detail: { results: [], nextSteps: [], sources: statuses },
      };
    },
  };
}
