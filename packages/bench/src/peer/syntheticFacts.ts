import type { Entity } from '@backstage/catalog-model';
import {
  type Fact,
  REPOSITORY_CHECK_IDS,
} from '@roadmap/plugin-maturity-common';

/** mulberry32: a small, deterministic PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fact ids both systems read: `repository.<check id>`. */
export const REPOSITORY_FACT_IDS: string[] = REPOSITORY_CHECK_IDS.map(
  id => `repository.${id}`,
);

/** One synthetic catalog: entities and the same boolean facts for both systems. */
export interface SyntheticCatalog {
  entities: Entity[];
  /** Entity ref (`component:default/svc-0`) → fact id → value. */
  values: Map<string, Record<string, boolean>>;
  /** The observation time every fact carries. */
  observedAt: Date;
}

/**
 * `size` Component entities (`svc-0` … `svc-<size-1>`, type service) and, for
 * each, a true/false per repository fact drawn from a seeded PRNG. Each
 * entity gets its own maturity (the chance of a fact being true), so scores
 * spread from empty to complete, as in real catalogs.
 */
export function syntheticFacts(size: number, seed = 42): SyntheticCatalog {
  const random = mulberry32(seed);
  const entities: Entity[] = [];
  const values = new Map<string, Record<string, boolean>>();
  for (let i = 0; i < size; i++) {
    const name = `svc-${i}`;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `group:default/team-${i % 40}`,
      },
      relations: [
        { type: 'ownedBy', targetRef: `group:default/team-${i % 40}` },
      ],
    });
    const maturity = random();
    const row: Record<string, boolean> = {};
    for (const id of REPOSITORY_FACT_IDS) row[id] = random() < maturity;
    values.set(`component:default/${name}`, row);
  }
  return { entities, values, observedAt: new Date('2026-11-24T00:00:00Z') };
}

/** The facts of one entity in our plugin's shape (no evidence, as the peer has none). */
export function toMaturityFacts(
  row: Record<string, boolean>,
  observedAt: Date,
): Fact[] {
  const at = observedAt.toISOString();
  return Object.entries(row).map(([id, value]) => ({
    id,
    value,
    source: 'repository',
    observedAt: at,
    evidence: [],
  }));
}
