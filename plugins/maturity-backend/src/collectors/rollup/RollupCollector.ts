import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  type Entity,
  RELATION_CHILD_OF,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Fact, Level } from '@roadmap/plugin-maturity-common';
import type {
  CollectRequest,
  CollectResult,
  MaturityCollector,
} from '@roadmap/plugin-maturity-node';
import { type RollupChild, rollupFacts } from './rollupFacts';

/** The kinds scored over their children, and what their children are. */
const CHILD_KIND: Record<string, string> = {
  system: 'component',
  domain: 'system',
  group: 'component',
};

// Deeper group trees than this are a cycle or a catalog mistake.
const MAX_GROUP_DEPTH = 20;
const PAGE_SIZE = 500;
const FIELDS = ['kind', 'metadata.namespace', 'metadata.name', 'relations'];

/**
 * Reads the stored current level of entities; entities without a score are
 * absent from the answer.
 */
export interface StoredLevels {
  currentOf(
    entityRefs: string[],
  ): Promise<Map<string, { level: string | null; levelRank: number }>>;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const kindOf = (entity: Entity) => lower(entity.kind);
const targets = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => lower(r.targetRef));

/**
 * The `rollup` source: facts about Systems, Domains and Groups from their
 * children in the catalog and the children's stored scores. A System's
 * children are its Components, a Domain's its Systems, a Group's the
 * Components it or any of its sub-groups owns. Each batch costs a few
 * catalog queries (one per level of the group tree) and one database read,
 * whatever its size. A child scored after its parent is counted when the
 * parent is scored again (the refresh makes parents due when a child's
 * level changes).
 */
export class RollupCollector implements MaturityCollector {
  readonly source = 'rollup';

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      storedLevels: StoredLevels;
      levels: Pick<Level, 'id' | 'title'>[];
    },
  ) {}

  appliesTo(entity: Entity): boolean {
    return kindOf(entity) in CHILD_KIND;
  }

  async collect(request: CollectRequest): Promise<CollectResult> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const parents = request.entities.filter(e => this.appliesTo(e));
    const refOf = new Map(parents.map(e => [e, lower(stringifyEntityRef(e))]));
    // Per parent, its children by ref: a component owned by two sub-groups
    // counts once.
    const children = new Map<string, Map<string, Entity>>(
      parents.map(e => [refOf.get(e)!, new Map()]),
    );
    const add = (parentRef: string, child: Entity) => {
      children.get(parentRef)?.set(stringifyEntityRef(child), child);
    };

    const partOfParents = parents
      .filter(e => kindOf(e) !== 'group')
      .map(e => refOf.get(e)!);
    if (partOfParents.length > 0) {
      const kindOfParent = new Map(
        parents.map(e => [refOf.get(e)!, kindOf(e)]),
      );
      for await (const child of this.query(
        { 'relations.partOf': partOfParents },
        credentials,
      )) {
        for (const target of targets(child, RELATION_PART_OF)) {
          const parentKind = kindOfParent.get(target);
          if (parentKind && CHILD_KIND[parentKind] === kindOf(child)) {
            add(target, child);
          }
        }
      }
    }

    const groups = parents
      .filter(e => kindOf(e) === 'group')
      .map(e => refOf.get(e)!);
    if (groups.length > 0) {
      const rootsOf = await this.groupTrees(groups, credentials);
      for await (const component of this.query(
        { kind: 'component', 'relations.ownedBy': [...rootsOf.keys()] },
        credentials,
      )) {
        for (const owner of targets(component, RELATION_OWNED_BY)) {
          for (const root of rootsOf.get(owner) ?? []) add(root, component);
        }
      }
    }

    const missingApis = await this.missingApis(
      parents.filter(e => kindOf(e) === 'system').map(e => refOf.get(e)!),
      children,
      credentials,
    );
    const childRefs = new Set(
      [...children.values()].flatMap(byRef => [...byRef.keys()]),
    );
    const stored = await this.deps.storedLevels.currentOf([...childRefs]);

    const facts = new Map<string, Fact[]>();
    for (const parent of parents) {
      const ref = refOf.get(parent)!;
      const rolled: RollupChild[] = [...children.get(ref)!.keys()]
        .sort()
        .map(entityRef => {
          const score = stored.get(entityRef);
          return {
            entityRef,
            level: score?.level,
            levelRank: score?.levelRank,
          };
        });
      facts.set(
        stringifyEntityRef(parent),
        rollupFacts(
          {
            childNoun: CHILD_KIND[kindOf(parent)],
            children: rolled,
            missingApis: missingApis.get(ref),
          },
          { now: request.now, levels: this.deps.levels },
        ),
      );
    }
    return { facts };
  }

  /**
   * Each group of the tree under `roots` (roots included), with the roots it
   * belongs to: one catalog query per level of the tree.
   */
  private async groupTrees(
    roots: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, Set<string>>> {
    const rootsOf = new Map(roots.map(r => [r, new Set([r])]));
    let frontier = roots;
    for (let depth = 0; depth < MAX_GROUP_DEPTH && frontier.length; depth++) {
      const next: string[] = [];
      for await (const group of this.query(
        { kind: 'group', 'relations.childOf': frontier },
        credentials,
      )) {
        const ref = lower(stringifyEntityRef(group));
        const mine = rootsOf.get(ref) ?? new Set<string>();
        const before = mine.size;
        for (const parent of targets(group, RELATION_CHILD_OF)) {
          for (const root of rootsOf.get(parent) ?? []) mine.add(root);
        }
        if (!rootsOf.has(ref) || mine.size > before) next.push(ref);
        rootsOf.set(ref, mine);
      }
      frontier = next;
    }
    return rootsOf;
  }

  /** Per System, the APIs its components provide that have no API entity. */
  private async missingApis(
    systems: string[],
    children: Map<string, Map<string, Entity>>,
    credentials: BackstageCredentials,
  ): Promise<Map<string, { provided: number; missing: string[] }>> {
    const provided = new Map(
      systems.map(s => [
        s,
        [
          ...new Set(
            [...children.get(s)!.values()].flatMap(c =>
              targets(c, RELATION_PROVIDES_API),
            ),
          ),
        ].sort(),
      ]),
    );
    const wanted = [...new Set([...provided.values()].flat())];
    const found = new Set<string>();
    if (wanted.length > 0) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        {
          entityRefs: wanted,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials },
      );
      for (const item of items) {
        if (item && kindOf(item) === 'api') {
          found.add(lower(stringifyEntityRef(item)));
        }
      }
    }
    return new Map(
      [...provided].map(([system, apis]) => [
        system,
        { provided: apis.length, missing: apis.filter(a => !found.has(a)) },
      ]),
    );
  }

  /** Every entity matching `filter`, a page at a time. */
  private async *query(
    filter: Record<string, string | string[]>,
    credentials: BackstageCredentials,
  ): AsyncGenerator<Entity> {
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : { filter, fields: FIELDS, limit: PAGE_SIZE },
        { credentials },
      );
      yield* page.items;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
  }
}
