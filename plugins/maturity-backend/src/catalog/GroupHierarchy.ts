import type { AuthService } from '@backstage/backend-plugin-api';
import {
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogEntityPages } from './catalogEntityPages';

// Groups change rarely; a campaign's progress is read often.
const TTL_MS = 60_000;

/**
 * The catalog's Group tree, so that a team's campaign includes its child
 * teams: read a page at a time with the plugin's own credentials, kept for
 * a minute.
 */
export class GroupHierarchy {
  #children?: { at: number; map: Map<string, Set<string>> };

  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
  ) {}

  /** The groups and all their descendants (lower-case refs). */
  async withDescendants(groupRefs: string[]): Promise<string[]> {
    const children = await this.children();
    const result = new Set<string>();
    const visit = (ref: string) => {
      if (result.has(ref)) return; // cycles in a catalog end here
      result.add(ref);
      for (const child of children.get(ref) ?? []) visit(child);
    };
    for (const ref of groupRefs) visit(ref.toLocaleLowerCase('en-US'));
    return [...result];
  }

  private async children(): Promise<Map<string, Set<string>>> {
    if (this.#children && Date.now() - this.#children.at < TTL_MS) {
      return this.#children.map;
    }
    const map = new Map<string, Set<string>>();
    const link = (parent: string, child: string) => {
      const set = map.get(parent) ?? new Set();
      set.add(child);
      map.set(parent, set);
    };
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    for await (const page of catalogEntityPages(this.deps.catalog, {
      credentials,
      filter: { kind: 'group' },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'relations'],
    })) {
      for (const group of page) {
        const ref = stringifyEntityRef(group);
        for (const r of group.relations ?? []) {
          const target = r.targetRef.toLocaleLowerCase('en-US');
          if (r.type === RELATION_PARENT_OF) link(ref, target);
          if (r.type === RELATION_CHILD_OF) link(target, ref);
        }
      }
    }
    this.#children = { at: Date.now(), map };
    return map;
  }
}
