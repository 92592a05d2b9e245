/* eslint-disable no-console */
/*
 * Benchmark: evaluate the default rubric for 10,000 synthetic entities with
 * realistic fact sets (deterministic seed). Prints evaluations per second
 * and peak RSS. Target: ≥ 50,000 evaluations per second on one core.
 *
 * Run: yarn bench (or node -r @backstage/cli/config/nodeTransform.cjs packages/bench/src/evaluator/evaluate.bench.ts)
 */
import type { Entity } from '@backstage/catalog-model';
import {
  createEvaluator,
  defaultRubric,
  type Fact,
} from '@roadmap/plugin-maturity-common';

const ENTITIES = 10_000;
const ROUNDS = 5;

// mulberry32: small, deterministic PRNG.
function rng(initial: number) {
  let seed = initial;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(42);
const now = new Date('2026-11-24T00:00:00Z');
const observedAt = now.toISOString();
const types = ['service', 'service', 'service', 'website', 'library'];

function factsFor(maturity: number): Fact[] {
  const facts: Fact[] = [];
  for (const d of defaultRubric.facts) {
    // Live sources are missing for a share of entities, as in real catalogs.
    if (
      (d.source === 'kubernetes' || d.source === 'prometheus') &&
      random() < 0.3
    )
      continue;
    let value: Fact['value'];
    if (d.type === 'boolean') value = random() < maturity;
    else if (d.type === 'number')
      value = Math.round(random() * 100 * maturity * 10) / 10;
    else if (d.type === 'string')
      value = random() < maturity ? 'production' : '';
    else value = random() < 0.5 ? ['typescript'] : ['go', 'docker'];
    facts.push({
      id: d.id,
      value,
      source: d.source,
      observedAt,
      evidence:
        value === true
          ? [
              {
                path: '.github/workflows/ci.yml',
                line: 12,
                note: 'uses: actions/checkout',
              },
            ]
          : [],
    });
  }
  return facts;
}

const inputs = Array.from({ length: ENTITIES }, (_, i) => {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `svc-${i}`, namespace: 'default', tags: ['java'] },
    spec: {
      type: types[i % types.length],
      lifecycle: 'production',
      owner: `group:default/team-${i % 40}`,
    },
  };
  const facts = factsFor(random());
  return { entity, facts: new Map(facts.map(f => [f.id, f])) };
});

let peakRss = process.memoryUsage().rss;
const evaluator = createEvaluator(defaultRubric);
// Warm up the JIT on a slice.
for (const input of inputs.slice(0, 500)) evaluator.evaluate({ ...input, now });

const times: number[] = [];
let checksum = 0;
for (let round = 0; round < ROUNDS; round++) {
  const start = process.hrtime.bigint();
  for (const input of inputs)
    checksum += evaluator.evaluate({ ...input, now }).score;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const best = Math.min(...times);
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(
  `evaluator: ${
    defaultRubric.checks.length
  } checks × ${ENTITIES} entities, ${ROUNDS} rounds (checksum ${checksum.toFixed(
    0,
  )})`,
);
console.log(
  `  median ${median.toFixed(0)} ms → ${Math.round(
    (ENTITIES / median) * 1000,
  ).toLocaleString('en-US')} evaluations/s (best ${Math.round(
    (ENTITIES / best) * 1000,
  ).toLocaleString('en-US')}/s)`,
);
console.log(
  `  peak RSS ${(peakRss / 1024 / 1024).toFixed(
    0,
  )} MB; target ≥ 50,000 evaluations/s`,
);
