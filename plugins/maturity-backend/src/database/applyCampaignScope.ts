import type { CampaignScope } from '@roadmap/plugin-maturity-common';
import type { Knex } from 'knex';
import { whereRefIn } from './applyScoreFilters';

/**
 * Adds a campaign's scope to a query over `maturity_scores`: each given list
 * must match (kinds case-insensitively; `owners` already expanded to their
 * child groups; tags against the stored comma-separated tags). With
 * `entityRefs`, only those entities (the caller's visible ones).
 */
export function applyCampaignScope(
  qb: Knex.QueryBuilder,
  scope: CampaignScope,
  entityRefs?: string[],
): void {
  const lower = (values: string[]) =>
    values.map(v => v.toLocaleLowerCase('en-US'));
  if (scope.kinds?.length) {
    qb.whereIn(
      qb.client.raw('LOWER(maturity_scores.kind)'),
      lower(scope.kinds),
    );
  }
  if (scope.types?.length) qb.whereIn('maturity_scores.type', scope.types);
  if (scope.lifecycles?.length) {
    qb.whereIn('maturity_scores.lifecycle', scope.lifecycles);
  }
  if (scope.owners?.length) {
    qb.whereIn('maturity_scores.owner', lower(scope.owners));
  }
  if (scope.systems?.length) {
    qb.whereIn('maturity_scores.system', lower(scope.systems));
  }
  if (scope.tags?.length) {
    const tags = scope.tags;
    qb.where(q => {
      for (const tag of tags) {
        // Tags hold no commas (Backstage allows [a-z0-9+#-]); LIKE wildcards
        // in a tag are escaped.
        const needle = `%,${tag.replace(/[\\%_]/g, c => `\\${c}`)},%`;
        q.orWhereRaw(
          `(',' || COALESCE(maturity_scores.tags, '') || ',') LIKE ? ESCAPE '\\'`,
          [needle],
        );
      }
    });
  }
  if (entityRefs) whereRefIn(qb, entityRefs);
}
