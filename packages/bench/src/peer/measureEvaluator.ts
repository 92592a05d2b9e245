import {
  createEvaluator,
  type Fact,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import type { EvaluatorFigures } from './figures';
import { type SyntheticCatalog, toMaturityFacts } from './syntheticFacts';

/**
 * Times `createEvaluator(rubric).evaluate({ facts, now, availableSources:
 * ['repository'] })` for every entity of the catalog, in this thread: one
 * warm-up pass (which also counts the passing checks), then the median of
 * `rounds` timed passes.
 */
export function measureEvaluator(
  catalog: SyntheticCatalog,
  rubric: Rubric,
  rounds = 5,
): EvaluatorFigures {
  const evaluator = createEvaluator(rubric);
  const inputs: Fact[][] = [...catalog.values.values()].map(row =>
    toMaturityFacts(row, catalog.observedAt),
  );
  const now = new Date('2026-11-24T00:00:00Z');
  const availableSources = ['repository'];

  let passed = 0;
  for (const facts of inputs) {
    const score = evaluator.evaluate({ facts, now, availableSources });
    for (const r of score.results) if (r.status === 'pass') passed += 1;
  }

  const times: number[] = [];
  let sink = 0;
  for (let round = 0; round < 2; round++) {
    for (const facts of inputs) {
      sink += evaluator.evaluate({ facts, now, availableSources }).score;
    }
  }
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const facts of inputs) {
      sink += evaluator.evaluate({ facts, now, availableSources }).score;
    }
    times.push(performance.now() - started);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
  times.sort((a, b) => a - b);
  return {
    ms: times[Math.floor(times.length / 2)],
    passed,
    rubricChecks: rubric.checks.length,
  };
}
