import type {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Request } from 'express';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  maturityScoreRefreshPermission,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import type {
  MaturityStore,
  ScoreFacets,
  ScoreMover,
  ScorePage,
  ScoreQuery,
  ScoreSnapshot,
  StoredScore,
  StoredScoreSummary,
} from '../database/MaturityStore';
import type { RefreshService } from '../refresh/RefreshService';
import { expandScoreDetail } from '../scoring/scoreDetailCodec';

type Options = { credentials: BackstageCredentials };

/** A team's services and how far they are on the roadmap. */
export interface GroupRollup {
  group: { entityRef: string; title?: string; memberOf?: string[] };
  services: StoredScoreSummary[];
  summary: {
    count: number;
    averageScore: number | null;
    levels: Record<string, number>;
    pillars: Record<string, number>;
  };
}

function canonical(entityRef: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(entityRef));
  } catch {
    throw new NotFoundError(`No score for ${entityRef}`);
  }
}

/**
 * The plugin's read and refresh operations, each on behalf of a caller:
 * scores are only ever shown for entities the caller may read in the
 * catalog, and nothing tells an unauthorised caller that an entity exists.
 */
export class ScoreService {
  constructor(
    private readonly deps: {
      store: MaturityStore;
      catalog: CatalogService;
      permissions: PermissionsService;
      auditor: AuditorService;
      refresh: RefreshService;
      /** Fills the checks' text into stored results. */
      rubric: Rubric;
    },
  ) {}

  async list(query: ScoreQuery, options: Options): Promise<ScorePage> {
    return this.deps.store.listScores(await this.restrict(query, options));
  }

  private async restrict(
    query: ScoreQuery,
    options: Options,
  ): Promise<ScoreQuery> {
    const visible = await this.visibleRefs(options);
    if (visible === 'all') return query;
    const allowed = query.entityRefs
      ? query.entityRefs.map(canonical).filter(r => visible.has(r))
      : [...visible];
    return { ...query, entityRefs: allowed };
  }

  async facets(options: Options): Promise<ScoreFacets> {
    const visible = await this.visibleRefs(options);
    return this.deps.store.facets(
      visible === 'all' ? {} : { entityRefs: [...visible] },
    );
  }

  async levels(
    query: ScoreQuery,
    options: Options,
  ): Promise<Record<string, number>> {
    return this.deps.store.levelDistribution(
      await this.restrict(query, options),
    );
  }

  async movers(
    query: ScoreQuery,
    range: { since: Date; limit: number },
    options: Options,
  ): Promise<ScoreMover[]> {
    return this.deps.store.movers(await this.restrict(query, options), range);
  }

  async get(entityRef: string, options: Options): Promise<StoredScore> {
    const ref = await this.readable(entityRef, options);
    const score = await this.deps.store.getScore(ref);
    if (!score) throw new NotFoundError(`${ref} has not been scored yet`);
    return this.expand(score);
  }

  async history(
    entityRef: string,
    range: { since?: Date; limit?: number },
    options: Options,
  ): Promise<ScoreSnapshot[]> {
    const ref = await this.readable(entityRef, options);
    return this.deps.store.getHistory(ref, range);
  }

  async refresh(
    entityRef: string,
    options: Options & { request?: Request },
  ): Promise<StoredScore> {
    const ref = await this.readable(entityRef, options);
    const event = await this.deps.auditor.createEvent({
      eventId: 'score-refresh',
      severityLevel: 'medium',
      meta: { entityRef: ref },
      request: options.request,
    });
    try {
      const [decision] = await this.deps.permissions.authorize(
        [{ permission: maturityScoreRefreshPermission, resourceRef: ref }],
        options,
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(`You may not refresh the score of ${ref}`);
      }
      const score = this.expand(await this.deps.refresh.refreshOne(ref));
      await event.success({ meta: { score: score.score, level: score.level } });
      return score;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  private expand(score: StoredScore): StoredScore {
    return {
      ...score,
      detail: expandScoreDetail(score.detail, this.deps.rubric),
    };
  }

  async group(groupRef: string, options: Options): Promise<GroupRollup> {
    const ref = canonical(groupRef);
    const group = await this.deps.catalog.getEntityByRef(ref, options);
    if (!group || group.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new NotFoundError(`No group ${groupRef}`);
    }
    const page = await this.list(
      { owners: [ref], orderBy: 'name', order: 'asc', limit: 500 },
      options,
    );
    const services = page.items;
    const levels: Record<string, number> = {};
    const pillarSums: Record<string, { sum: number; n: number }> = {};
    for (const s of services) {
      const level = s.level ?? 'none';
      levels[level] = (levels[level] ?? 0) + 1;
      for (const [pillar, value] of Object.entries(s.pillars)) {
        const acc = (pillarSums[pillar] ??= { sum: 0, n: 0 });
        acc.sum += value;
        acc.n += 1;
      }
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      group: {
        entityRef: ref,
        title:
          group.metadata.title ?? (group.spec?.profile as any)?.displayName,
        memberOf: group.relations
          ?.filter(r => r.type === 'childOf')
          .map(r => r.targetRef),
      },
      services,
      summary: {
        count: services.length,
        averageScore: services.length
          ? round(services.reduce((a, s) => a + s.score, 0) / services.length)
          : null,
        levels,
        pillars: Object.fromEntries(
          Object.entries(pillarSums).map(([p, { sum, n }]) => [
            p,
            round(sum / n),
          ]),
        ),
      },
    };
  }

  /** The entity, when the caller may read it; NotFound otherwise. */
  async entity(entityRef: string, options: Options): Promise<Entity> {
    const ref = canonical(entityRef);
    const entity = await this.deps.catalog.getEntityByRef(ref, options);
    if (!entity) throw new NotFoundError(`No score for ${ref}`);
    return entity;
  }

  // A caller allowed to read every entity learns nothing from a missing
  // score, so the catalog round trip is only made under conditional rules.
  private async readable(entityRef: string, options: Options): Promise<string> {
    const ref = canonical(entityRef);
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      options,
    );
    if (decision.result === AuthorizeResult.ALLOW) return ref;
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotFoundError(`No score for ${ref}`);
    }
    return stringifyEntityRef(await this.entity(ref, options));
  }

  // Unconditional ALLOW (the common case) costs no catalog call; a
  // conditional decision is resolved by the catalog itself, which applies the
  // same conditions to its query.
  private async visibleRefs(options: Options): Promise<'all' | Set<string>> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      options,
    );
    if (decision.result === AuthorizeResult.ALLOW) return 'all';
    if (decision.result === AuthorizeResult.DENY) return new Set();
    const refs = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: 1000 }
          : {
              fields: ['kind', 'metadata.namespace', 'metadata.name'],
              limit: 1000,
            },
        options,
      );
      for (const e of page.items) refs.add(stringifyEntityRef(e));
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return refs;
  }
}
