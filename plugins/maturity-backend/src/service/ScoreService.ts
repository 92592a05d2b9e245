import type {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { RELATION_CHILD_OF } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  maturityScoreRefreshPermission,
  type GroupRollupResponse,
  type Rubric,
  type ScoreDetailResponse,
  type ScoreFacetsResponse,
  type ScoreHistoryPoint,
  type ScoreMoverResponse,
  type ScoreSummary,
} from '@roadmap/plugin-maturity-common';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import type { MaturityDatabase } from '../database/MaturityDatabase';
import type { ScoreQuery } from '../database/ScoreQuery';
import type { ScorePage, StoredScore } from '../database/ScoreStore';
import {
  canonicalEntityRef,
  type ScoreVisibility,
} from '../permissions/ScoreVisibility';
import type { RefreshService } from '../refresh/RefreshService';
import { expandScoreDetail } from '../scoring/scoreDetailCodec';
import { auditedAction } from './auditedAction';
import type { EntityResponseCache } from './EntityResponseCache';
import type { ListCountCache } from './ListCountCache';
import { matchesEtag } from './matchesEtag';
import { summarizeGroup } from './summarizeGroup';

type Options = { credentials: BackstageCredentials };

/** A query's filters alone: what its counts depend on. */
function filtersOf(
  query: ScoreQuery,
): Omit<ScoreQuery, 'offset' | 'limit' | 'orderBy' | 'order'> {
  const { offset: _o, limit: _l, orderBy: _b, order: _d, ...filters } = query;
  return filters;
}

/**
 * The plugin's read and refresh operations, each on behalf of a caller:
 * every score, and everything derived from scores (counts, facets, movers,
 * roll-ups, reports), covers only entities whose scores the caller may see
 * (see {@link ScoreVisibility}), and nothing tells an unauthorised caller
 * that an entity exists.
 */
export class ScoreService {
  readonly #visibility: ScoreVisibility;
  readonly #rubricVersion: string;

  constructor(
    private readonly deps: {
      db: MaturityDatabase;
      catalog: CatalogService;
      permissions: PermissionsService;
      auditor: AuditorService;
      refresh: RefreshService;
      /** Fills the checks' text into stored results. */
      rubric: Rubric;
      visibility: ScoreVisibility;
      /** Serialised entity responses by version. */
      responses: EntityResponseCache;
      counts: ListCountCache;
    },
  ) {
    this.#visibility = deps.visibility;
    // The checks' text filled into responses comes from this rubric.
    this.#rubricVersion = createHash('sha1')
      .update(JSON.stringify(deps.rubric))
      .digest('base64url');
  }

  async list(query: ScoreQuery, options: Options): Promise<ScorePage> {
    const restricted = await this.restrict(query, options);
    const filters = filtersOf(restricted);
    return this.deps.db.read(async s => {
      const generation = await s.scores.generation();
      const totalCount = this.deps.counts.get<number>(
        'total',
        generation,
        filters,
      );
      if (totalCount !== undefined) {
        return s.scores.list(restricted, { totalCount });
      }
      const page = await s.scores.list(restricted);
      this.deps.counts.set('total', generation, filters, page.totalCount);
      return page;
    });
  }

  async facets(options: Options): Promise<ScoreFacetsResponse> {
    const visible = await this.#visibility.visibleRefs(options);
    return this.deps.db.read(s =>
      s.scores.facets(visible === 'all' ? {} : { entityRefs: [...visible] }),
    );
  }

  async levels(
    query: ScoreQuery,
    options: Options,
  ): Promise<Record<string, number>> {
    const restricted = await this.restrict(query, options);
    return this.deps.db.read(async s => {
      const generation = await s.scores.generation();
      const filters = filtersOf(restricted);
      const known = this.deps.counts.get<Record<string, number>>(
        'levels',
        generation,
        filters,
      );
      if (known) return known;
      const levels = await s.scores.levelDistribution(restricted);
      this.deps.counts.set('levels', generation, filters, levels);
      return levels;
    });
  }

  /**
   * The biggest score changes since `since`: each entity's current score
   * against its score as of `since` (entities scored only later are
   * compared with their first snapshot).
   */
  async movers(
    query: ScoreQuery,
    range: { since: Date; limit: number },
    options: Options,
  ): Promise<ScoreMoverResponse[]> {
    const restricted = await this.restrict(query, options);
    const { current, baselines } = await this.deps.db.read(async s => {
      const rows = await s.scores.current(restricted);
      return {
        current: rows,
        baselines: await s.snapshots.baselines(
          rows.map(c => c.entityRef),
          range.since,
        ),
      };
    });
    return current
      .flatMap(row => {
        const from = baselines.get(row.entityRef);
        if (!from) return [];
        const delta = Math.round((row.score - from.score) * 10) / 10;
        if (delta === 0) return [];
        return [
          {
            entityRef: row.entityRef,
            name: row.name,
            title: row.title,
            owner: row.owner,
            from: {
              score: from.score,
              level: from.level,
              scoredAt: from.scoredAt.toISOString(),
            },
            to: {
              score: row.score,
              level: row.level,
              scoredAt: row.scoredAt.toISOString(),
            },
            delta,
          },
        ];
      })
      .sort(
        (a, b) =>
          Math.abs(b.delta) - Math.abs(a.delta) ||
          a.entityRef.localeCompare(b.entityRef),
      )
      .slice(0, range.limit);
  }

  async get(entityRef: string, options: Options): Promise<ScoreDetailResponse> {
    return this.readVisible(
      await this.#visibility.assertVisible(entityRef, options),
    );
  }

  /**
   * The entity response for HTTP, with its validator (a weak ETag): the
   * caller's right to see it is checked first, then one indexed read gives
   * the current version; a client holding it (`If-None-Match`) gets
   * `notModified`, and the body comes from the response cache when that
   * version was serialised before.
   */
  async getResponse(
    entityRef: string,
    options: Options & { ifNoneMatch?: string },
  ): Promise<{ etag: string; body?: string }> {
    const ref = await this.#visibility.assertVisible(entityRef, options);
    const summary = await this.deps.db.read(s => s.scores.summary(ref));
    if (!summary) throw new NotFoundError(`${ref} has not been scored yet`);
    const current = this.etagOf(summary);
    if (matchesEtag(options.ifNoneMatch, current)) return { etag: current };
    const cached = this.deps.responses.get(current);
    if (cached !== undefined) return { etag: current, body: cached };
    // Labelled by what was read: a scoring stored since the summary was
    // read gets its own tag, never the older one.
    const score = await this.readVisible(ref);
    const etag = this.etagOf(score);
    const body = JSON.stringify(score);
    this.deps.responses.set(etag, body);
    return { etag, body };
  }

  async history(
    entityRef: string,
    range: { since?: Date; limit?: number },
    options: Options,
  ): Promise<ScoreHistoryPoint[]> {
    const ref = await this.#visibility.assertVisible(entityRef, options);
    return this.deps.db.read(s => s.snapshots.history(ref, range));
  }

  async refresh(
    entityRef: string,
    options: Options & { request?: Request },
  ): Promise<ScoreDetailResponse> {
    const ref = await this.#visibility.assertVisible(entityRef, options);
    return auditedAction(
      this.deps.auditor,
      {
        eventId: 'score-refresh',
        meta: { entityRef: ref },
        request: options.request,
      },
      async () => {
        const [decision] = await this.deps.permissions.authorize(
          [{ permission: maturityScoreRefreshPermission, resourceRef: ref }],
          options,
        );
        if (decision.result !== AuthorizeResult.ALLOW) {
          throw new NotAllowedError(`You may not refresh the score of ${ref}`);
        }
        return this.expand(await this.deps.refresh.refreshOne(ref));
      },
    );
  }

  /** A team's services (those the caller may see) and how far they are. */
  async group(
    groupRef: string,
    options: Options,
  ): Promise<GroupRollupResponse> {
    const ref = canonicalEntityRef(groupRef);
    const group = await this.deps.catalog.getEntityByRef(ref, options);
    if (!group || group.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new NotFoundError(`No group ${groupRef}`);
    }
    const page = await this.list(
      { owners: [ref], orderBy: 'name', order: 'asc', limit: 500 },
      options,
    );
    const profile = group.spec?.profile as { displayName?: string } | undefined;
    return {
      group: {
        entityRef: ref,
        title: group.metadata.title ?? profile?.displayName,
        memberOf: group.relations
          ?.filter(r => r.type === RELATION_CHILD_OF)
          .map(r => r.targetRef),
      },
      services: page.items,
      summary: summarizeGroup(page.items),
    };
  }

  private async restrict(
    query: ScoreQuery,
    options: Options,
  ): Promise<ScoreQuery> {
    const visible = await this.#visibility.visibleRefs(options);
    if (visible === 'all') return query;
    const allowed = query.entityRefs
      ? query.entityRefs.map(canonicalEntityRef).filter(r => visible.has(r))
      : [...visible];
    return { ...query, entityRefs: allowed };
  }

  /** The weak ETag of a stored version of a score, as served. */
  private etagOf(
    version: Pick<ScoreSummary, 'snapshotId' | 'confirmedAt' | 'rubricHash'>,
  ): string {
    return `W/"${createHash('sha1')
      .update(
        [
          version.snapshotId,
          version.confirmedAt ?? '',
          version.rubricHash,
          this.#rubricVersion,
        ].join('\n'),
      )
      .digest('base64url')}"`;
  }

  /** The current score of an entity the caller was found to see. */
  private async readVisible(ref: string): Promise<ScoreDetailResponse> {
    const score = await this.deps.db.read(s => s.scores.get(ref));
    if (!score) throw new NotFoundError(`${ref} has not been scored yet`);
    return this.expand(score);
  }

  private expand(score: StoredScore): ScoreDetailResponse {
    return {
      ...score,
      detail: expandScoreDetail(score.detail, this.deps.rubric),
    };
  }
}
