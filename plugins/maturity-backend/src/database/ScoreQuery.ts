/**
 * Filters, sorting and paging of the score list, as validated from a
 * request (see api/parseScoreQuery.ts).
 */
export interface ScoreQuery {
  owners?: string[];
  systems?: string[];
  kinds?: string[];
  types?: string[];
  lifecycles?: string[];
  /** Level ids; `none` matches entities below the first level. */
  levels?: string[];
  /** Inclusive score ranges per pillar, at most one per pillar. */
  pillarRanges?: { pillar: string; min?: number; max?: number }[];
  /** Case-insensitive substring of name, title or entity ref. */
  text?: string;
  /** Only these entity refs (used to apply catalog read permissions). */
  entityRefs?: string[];
  orderBy?: 'score' | 'level' | 'name' | 'scoredAt';
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}
