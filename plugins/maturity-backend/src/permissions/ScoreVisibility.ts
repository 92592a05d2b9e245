import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { maturityScoreReadPermission } from '@roadmap/plugin-maturity-common';
import { catalogEntityPages } from '../catalog/catalogEntityPages';

type Options = { credentials: BackstageCredentials };

/** The refs of every scored entity, for resolving conditional decisions. */
export type ScoredRefs = () => Promise<string[]>;

// Resource decisions asked of the permission framework at once.
const AUTHORIZE_CHUNK = 1000;

/** A ref as the store keys it; NotFound (never a 400 that confirms anything) otherwise. */
export function canonicalEntityRef(entityRef: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(entityRef));
  } catch {
    throw new NotFoundError(`No score for ${entityRef}`);
  }
}

/**
 * Which scores a caller may see: those of entities they may read in the
 * catalog (`catalog.entity.read`) AND whose scores they may read
 * (`maturity.score.read`). Each may be ALLOW, DENY or CONDITIONAL (catalog
 * rules, e.g. owners only): catalog conditions are applied by the catalog
 * itself when it is queried with the caller's credentials, score conditions
 * by the permission framework for each entity ref. An unconditional ALLOW
 * of both (the common case) costs no catalog or per-entity call.
 */
export class ScoreVisibility {
  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      catalog: CatalogService;
      scoredRefs: ScoredRefs;
    },
  ) {}

  /** Every entity whose score the caller may see: `all`, or these refs. */
  async visibleRefs(options: Options): Promise<'all' | Set<string>> {
    const [catalogRead, scoreRead] =
      await this.deps.permissions.authorizeConditional(
        [
          { permission: catalogEntityReadPermission },
          { permission: maturityScoreReadPermission },
        ],
        options,
      );
    if (
      catalogRead.result === AuthorizeResult.DENY ||
      scoreRead.result === AuthorizeResult.DENY
    ) {
      return new Set();
    }
    let visible: 'all' | Set<string> = 'all';
    if (catalogRead.result === AuthorizeResult.CONDITIONAL) {
      visible = await this.catalogReadable(options);
    }
    if (scoreRead.result === AuthorizeResult.CONDITIONAL) {
      const candidates =
        visible === 'all' ? await this.deps.scoredRefs() : [...visible];
      visible = await this.scoreReadable(candidates, options);
    }
    return visible;
  }

  /**
   * The entity's canonical ref when the caller may see its score; a
   * NotFoundError otherwise, so that nothing tells them it exists.
   */
  async assertVisible(entityRef: string, options: Options): Promise<string> {
    const ref = canonicalEntityRef(entityRef);
    const [catalogRead, scoreRead] =
      await this.deps.permissions.authorizeConditional(
        [
          { permission: catalogEntityReadPermission },
          { permission: maturityScoreReadPermission },
        ],
        options,
      );
    const hidden = () => new NotFoundError(`No score for ${ref}`);
    if (
      catalogRead.result === AuthorizeResult.DENY ||
      scoreRead.result === AuthorizeResult.DENY
    ) {
      throw hidden();
    }
    if (catalogRead.result === AuthorizeResult.CONDITIONAL) {
      const entity = await this.deps.catalog.getEntityByRef(ref, options);
      if (!entity) throw hidden();
    }
    if (scoreRead.result === AuthorizeResult.CONDITIONAL) {
      const allowed = await this.scoreReadable([ref], options);
      if (!allowed.has(ref)) throw hidden();
    }
    return ref;
  }

  private async catalogReadable(options: Options): Promise<Set<string>> {
    const refs = new Set<string>();
    for await (const page of catalogEntityPages(this.deps.catalog, {
      credentials: options.credentials,
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    })) {
      for (const e of page) refs.add(stringifyEntityRef(e));
    }
    return refs;
  }

  private async scoreReadable(
    refs: string[],
    options: Options,
  ): Promise<Set<string>> {
    const allowed = new Set<string>();
    for (let i = 0; i < refs.length; i += AUTHORIZE_CHUNK) {
      const chunk = refs.slice(i, i + AUTHORIZE_CHUNK);
      const decisions = await this.deps.permissions.authorize(
        chunk.map(resourceRef => ({
          permission: maturityScoreReadPermission,
          resourceRef,
        })),
        options,
      );
      decisions.forEach((d, j) => {
        if (d.result === AuthorizeResult.ALLOW) allowed.add(chunk[j]);
      });
    }
    return allowed;
  }
}
