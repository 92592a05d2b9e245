import type { AuthService } from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  extractCatalogFacts,
  type Fact,
} from '@roadmap/plugin-maturity-common';
import type {
  CollectRequest,
  CollectResult,
  MaturityCollector,
} from '@roadmap/plugin-maturity-node';

/**
 * Facts from the catalog entity itself, plus one lookup per batch to tell
 * whether each owner resolves to a Group.
 */
export class CatalogCollector implements MaturityCollector {
  readonly source = 'catalog';

  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
  ) {}

  async collect(request: CollectRequest): Promise<CollectResult> {
    const ownerRefs = new Map<Entity, string | undefined>();
    for (const entity of request.entities) {
      const owner = entity.spec?.owner;
      let ref: string | undefined;
      if (typeof owner === 'string' && owner) {
        try {
          ref = stringifyEntityRef(
            parseEntityRef(owner, {
              defaultKind: 'Group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          );
        } catch {
          ref = undefined;
        }
      }
      ownerRefs.set(entity, ref);
    }
    const wanted = [
      ...new Set(
        [...ownerRefs.values()].filter((r): r is string => Boolean(r)),
      ),
    ];
    const found = new Set<string>();
    if (wanted.length > 0) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        {
          entityRefs: wanted,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      for (const item of items) {
        if (item && item.kind.toLocaleLowerCase('en-US') === 'group')
          found.add(stringifyEntityRef(item));
      }
    }
    const facts = new Map<string, Fact[]>();
    for (const entity of request.entities) {
      const owner = ownerRefs.get(entity);
      facts.set(
        stringifyEntityRef(entity),
        extractCatalogFacts(entity, {
          now: request.now,
          ownerIsGroup: owner ? found.has(owner) : false,
        }),
      );
    }
    return { facts };
  }
}
