import type { Rubric } from '../types/Check';

/**
 * A short, stable fingerprint of a rubric (FNV-1a over its JSON form; the
 * source of TypeScript checks is included so changing one changes the hash).
 * Isomorphic: no crypto module needed.
 *
 * @public
 */
export function rubricHash(rubric: Rubric): string {
  const text = JSON.stringify({
    pillars: rubric.pillars,
    levels: rubric.levels,
    checks: rubric.checks.map(c => ({
      ...c,
      evaluate: c.evaluate?.toString(),
    })),
  });
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
