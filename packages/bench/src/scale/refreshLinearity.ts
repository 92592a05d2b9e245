import type { Linearity, RefreshCost } from './scaleFigures';

/** The growth of the cost per 1k entities still called linear. */
export const LINEAR_TOLERANCE = 1.25;

/**
 * Per database: the cost per 1k entities of the first refresh at the
 * largest size against 10,000 entities (against the smallest size when
 * 10,000 is the largest). None for a database measured at one size only.
 */
export function refreshLinearity(costs: RefreshCost[]): Linearity[] {
  const databases = [...new Set(costs.map(c => c.database))];
  const result: Linearity[] = [];
  for (const database of databases) {
    const runs = costs
      .filter(c => c.database === database)
      .sort((a, b) => a.entities - b.entities);
    if (runs.length < 2) continue;
    const largest = runs[runs.length - 1];
    const reference =
      largest.entities > 10_000
        ? runs.find(r => r.entities === 10_000) ?? runs[0]
        : runs[0];
    const ratio = largest.refreshMsPer1k / reference.refreshMsPer1k;
    result.push({
      database,
      referenceEntities: reference.entities,
      referenceMsPer1k: reference.refreshMsPer1k,
      largestEntities: largest.entities,
      largestMsPer1k: largest.refreshMsPer1k,
      ratio,
      linearOrBetter: ratio <= LINEAR_TOLERANCE,
    });
  }
  return result;
}
