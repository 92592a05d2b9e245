import fc from 'fast-check';
import type { Entity } from '@backstage/catalog-model';
import { defaultRubric } from '../rubric/defaultRubric';
import type { Fact } from '../types/Fact';
import { createEvaluator } from './createEvaluator';

const evaluator = createEvaluator(defaultRubric);
const now = new Date('2026-11-24T00:00:00Z');
const booleanFacts = defaultRubric.facts
  .filter(f => f.type === 'boolean')
  .map(f => f.id);
const levelRank = new Map(defaultRubric.levels.map((l, i) => [l.id, i]));

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/a' },
};

const factSet = fc
  .dictionary(fc.constantFrom(...booleanFacts), fc.boolean(), {
    maxKeys: booleanFacts.length,
  })
  .map(values =>
    Object.entries(values).map(
      ([id, value]): Fact => ({
        id,
        value,
        source: id.split('.')[0],
        observedAt: now.toISOString(),
        evidence: [],
      }),
    ),
  );

describe('evaluator invariants (property-based)', () => {
  it('adding a passing fact never lowers the score or the level', () => {
    fc.assert(
      fc.property(factSet, fc.constantFrom(...booleanFacts), (facts, extra) => {
        fc.pre(!facts.some(f => f.id === extra));
        const before = evaluator.evaluate({ entity, facts, now });
        const after = evaluator.evaluate({
          entity,
          facts: [
            ...facts,
            {
              id: extra,
              value: true,
              source: extra.split('.')[0],
              observedAt: now.toISOString(),
              evidence: [],
            },
          ],
          now,
        });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(levelRank.get(after.level ?? '') ?? -1).toBeGreaterThanOrEqual(
          levelRank.get(before.level ?? '') ?? -1,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never skips a level: every check at or below the level reached passes', () => {
    fc.assert(
      fc.property(factSet, facts => {
        const score = evaluator.evaluate({ entity, facts, now });
        const reached = levelRank.get(score.level ?? '') ?? -1;
        const below = score.results.filter(
          r => (levelRank.get(r.level) ?? 99) <= reached,
        );
        expect(
          below.filter(
            r => !['pass', 'exempt', 'not-applicable'].includes(r.status),
          ),
        ).toEqual([]);
        const top = defaultRubric.levels.length;
        const next = score.nextLevel ? levelRank.get(score.nextLevel)! : top;
        expect(next).toBe(reached + 1);
        const blocking = score.results.some(
          r =>
            levelRank.get(r.level) === next &&
            (r.status === 'fail' || r.status === 'unknown'),
        );
        expect(blocking || next === top).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and independent of the order of the facts', () => {
    fc.assert(
      fc.property(factSet, fc.integer(), (facts, seed) => {
        const shuffled = [...facts].sort(
          (a, b) =>
            ((a.id.length * seed) % 7) - ((b.id.length * seed) % 7) ||
            b.id.localeCompare(a.id),
        );
        const first = evaluator.evaluate({ entity, facts, now });
        expect(evaluator.evaluate({ entity, facts: shuffled, now })).toEqual(
          first,
        );
        expect(evaluator.evaluate({ entity, facts, now })).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});
