import type { Knex } from 'knex';
import type { ScoreQuery } from './ScoreQuery';

// Above this many refs, one bound array instead of one parameter per ref:
// a caller who may read 100,000 entities must not exceed the databases'
// parameter limits.
const INLINE_REFS = 500;

/** `maturity_scores.entity_ref IN (refs)`, for any number of refs. */
export function whereRefIn(qb: Knex.QueryBuilder, refs: string[]): void {
  if (refs.length <= INLINE_REFS) {
    qb.whereIn('maturity_scores.entity_ref', refs);
  } else if (qb.client.config.client === 'pg') {
    qb.whereRaw('maturity_scores.entity_ref = ANY(?::text[])', [refs]);
  } else {
    qb.whereRaw(
      'maturity_scores.entity_ref IN (SELECT value FROM json_each(?))',
      [JSON.stringify(refs)],
    );
  }
}

/**
 * A pillar's score in a score row's summary JSON (NULL when the rubric has
 * no such pillar), with the pillar bound as a value, never spliced in.
 */
function pillarScore(
  qb: Knex.QueryBuilder,
  pillar: string,
): { sql: string; bindings: string[] } {
  if (qb.client.config.client === 'pg') {
    return {
      sql: `((maturity_scores.summary::jsonb -> 'pillars') ->> ?)::float8`,
      bindings: [pillar],
    };
  }
  return {
    sql: 'CAST(json_extract(maturity_scores.summary, ?) AS REAL)',
    bindings: [`$.pillars.${JSON.stringify(pillar)}`],
  };
}

/**
 * Adds a query's filters to a query over `maturity_scores`. Every value is
 * bound, never spliced into the SQL; the pillar ranges are bounded by the
 * request parser (one per rubric pillar).
 */
export function applyScoreFilters(
  qb: Knex.QueryBuilder,
  query: ScoreQuery,
): void {
  const inList = (column: string, values?: string[]) => {
    if (values && values.length > 0) qb.whereIn(column, values);
  };
  inList('maturity_scores.owner', query.owners);
  inList('maturity_scores.system', query.systems);
  inList('maturity_scores.kind', query.kinds);
  inList('maturity_scores.type', query.types);
  inList('maturity_scores.lifecycle', query.lifecycles);
  if (query.entityRefs) whereRefIn(qb, query.entityRefs);
  if (query.levels && query.levels.length > 0) {
    const levels = query.levels.filter(l => l !== 'none');
    const none = query.levels.includes('none');
    qb.where(q => {
      if (levels.length > 0) q.whereIn('maturity_scores.level', levels);
      if (none) q.orWhereNull('maturity_scores.level');
    });
  }
  for (const range of query.pillarRanges ?? []) {
    const score = pillarScore(qb, range.pillar);
    if (range.min !== undefined) {
      qb.whereRaw(`${score.sql} >= ?`, [...score.bindings, range.min]);
    }
    if (range.max !== undefined) {
      qb.whereRaw(`${score.sql} <= ?`, [...score.bindings, range.max]);
    }
    if (range.min === undefined && range.max === undefined) {
      qb.whereRaw(`${score.sql} IS NOT NULL`, score.bindings);
    }
  }
  if (query.text) {
    const needle = `%${query.text
      .toLocaleLowerCase('en-US')
      .replace(/[\\%_]/g, c => `\\${c}`)}%`;
    qb.where(q =>
      q
        .whereRaw(`LOWER(maturity_scores.name) LIKE ? ESCAPE '\\'`, [needle])
        .orWhereRaw(
          `LOWER(COALESCE(maturity_scores.title, '')) LIKE ? ESCAPE '\\'`,
          [needle],
        )
        .orWhereRaw(`LOWER(maturity_scores.entity_ref) LIKE ? ESCAPE '\\'`, [
          needle,
        ]),
    );
  }
}
