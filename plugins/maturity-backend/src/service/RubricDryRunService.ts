import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  createEvaluator,
  type Exemption,
  type Fact,
  loadRubric,
  type Rubric,
  type RubricDryRunChange,
  type RubricDryRunResponse,
  type RubricEvaluator,
  RubricValidationError,
} from '@roadmap/plugin-maturity-common';
import type { StoredFacts } from '../database/FactStore';
import type { PushedFact } from '../database/PushedFactStore';
import { mergePushedFacts } from '../refresh/mergePushedFacts';
import type { MaturityDatabase } from '../database/MaturityDatabase';
import type { ScoredEntity } from '../database/ScoreScans';
import type { ScoreVisibility } from '../permissions/ScoreVisibility';

type Options = { credentials: BackstageCredentials };

/** One page of entities with what evaluating them needs. */
type Page = {
  entities: ScoredEntity[];
  facts: Map<string, StoredFacts[]>;
  pushed: Map<string, PushedFact[]>;
  approved: Exemption[];
};

// Entities read and evaluated per database round trip: small enough that
// one page's facts stay a few MB and the event loop is free between pages.
const PAGE_SIZE = 500;
/** Changed entities listed in a response; the count covers all of them. */
export const MAX_LISTED_CHANGES = 500;
// A check the entity's last scoring waived stays waived in both rubrics:
// the expiry of an annotation's exemption is not stored, only that it held.
const STORED_EXEMPTION_EXPIRES = '9999-12-31';

/** The minimal entity `appliesTo` reads, from the stored fields. */
function entityOf(scored: ScoredEntity): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: scored.kind,
    metadata: {
      name: scored.name,
      namespace: scored.namespace,
      ...(scored.title ? { title: scored.title } : {}),
      ...(scored.tags ? { tags: scored.tags } : {}),
    },
    spec: {
      ...(scored.type ? { type: scored.type } : {}),
      ...(scored.lifecycle ? { lifecycle: scored.lifecycle } : {}),
      ...(scored.owner ? { owner: scored.owner } : {}),
    },
  };
}

function emptyCounts(rubric: Rubric): Record<string, number> {
  const counts: Record<string, number> = { none: 0 };
  for (const level of rubric.levels) counts[level.id] = 0;
  return counts;
}

/**
 * "What if": the levels the services would reach under proposed rubric
 * overrides, against the levels they reach under the effective rubric,
 * both evaluated from the stored last good facts — the same facts, the
 * same clock, the same exemptions and the same available sources as the
 * refresh, so the difference is the overrides' alone. Reads only; covers
 * only the entities whose scores the caller may see.
 */
export class RubricDryRunService {
  readonly #current: RubricEvaluator;

  constructor(
    private readonly deps: {
      db: MaturityDatabase;
      /** The effective rubric; the overrides apply on top of it. */
      rubric: Rubric;
      /** Exemptions from config, as the scorer has them. */
      exemptions: Exemption[];
      /** The sources with a collector, as the scorer has them. */
      availableSources: string[];
      visibility: ScoreVisibility;
      now?: () => Date;
    },
  ) {
    this.#current = createEvaluator(deps.rubric);
  }

  async dryRun(
    overrides: unknown,
    options: Options,
  ): Promise<RubricDryRunResponse> {
    const proposed = createEvaluator(this.proposedRubric(overrides));
    const visible = await this.deps.visibility.visibleRefs(options);
    const now = this.deps.now?.() ?? new Date();
    const today = now.toISOString().slice(0, 10);
    const before = emptyCounts(proposed.rubric);
    const after = emptyCounts(proposed.rubric);
    const changed: RubricDryRunChange[] = [];
    let changedCount = 0;
    let evaluated = 0;

    const collectorSources = new Set(this.deps.availableSources);
    for await (const { entities, facts, pushed, approved } of this.pages(
      visible,
      today,
    )) {
      for (const scored of entities) {
        const ref = scored.entityRef;
        // Pushed facts count as the refresh counts them: the newest wins.
        const merged = mergePushedFacts({
          collected: (facts.get(ref) ?? []).flatMap(stored => stored.facts),
          sources: [],
          pushed: pushed.get(ref) ?? [],
          collectorSources,
          now,
        });
        const factMap = new Map<string, Fact>();
        for (const fact of merged.facts) factMap.set(fact.id, fact);
        const input = {
          entity: entityOf(scored),
          facts: factMap,
          now,
          // As the scorer orders them: approved requests, then config.
          exemptions: [
            ...approved.filter(e => e.entityRef === ref),
            ...this.deps.exemptions,
            ...[...scored.exempt].map(check => ({
              check,
              reason: 'exempt when last scored',
              expires: STORED_EXEMPTION_EXPIRES,
              entityRef: ref,
            })),
          ],
          availableSources: merged.extraSources.length
            ? [...this.deps.availableSources, ...merged.extraSources]
            : this.deps.availableSources,
        };
        const from = this.#current.evaluate(input).level;
        const to = proposed.evaluate(input).level;
        evaluated += 1;
        before[from ?? 'none'] += 1;
        after[to ?? 'none'] += 1;
        if (from !== to) {
          changedCount += 1;
          if (changed.length < MAX_LISTED_CHANGES) {
            changed.push({
              entityRef: ref,
              kind: scored.kind,
              name: scored.name,
              ...(scored.title ? { title: scored.title } : {}),
              ...(scored.owner ? { owner: scored.owner } : {}),
              before: from,
              after: to,
            });
          }
        }
      }
    }
    return {
      levels: proposed.rubric.levels.map(l => ({ id: l.id, title: l.title })),
      evaluated,
      before,
      after,
      changedCount,
      changed,
    };
  }

  /** The effective rubric with the overrides; a 400 naming each bad key. */
  private proposedRubric(overrides: unknown): Rubric {
    try {
      return loadRubric({
        overrides,
        base: this.deps.rubric,
        path: 'body',
      });
    } catch (error) {
      if (error instanceof RubricValidationError) {
        throw new InputError(
          `Invalid rubric overrides: ${error.issues
            .map(i => `${i.path}: ${i.message}`)
            .join('; ')}`,
        );
      }
      throw error;
    }
  }

  /**
   * The visible scored entities with their stored facts and approved
   * exemption requests, a page per read; the next page is read while the
   * caller evaluates this one.
   */
  private async *pages(
    visible: 'all' | Set<string>,
    today: string,
  ): AsyncGenerator<Page> {
    const sorted = visible === 'all' ? undefined : [...visible].sort();
    const read = (cursor: { after?: string; index: number }) => {
      const entityRefs = sorted?.slice(cursor.index, cursor.index + PAGE_SIZE);
      const page = this.deps.db.read(async s => {
        const entities = await s.scans.entityPage({
          limit: PAGE_SIZE,
          after: cursor.after,
          entityRefs,
        });
        const refs = entities.map(e => e.entityRef);
        return {
          entities,
          facts: await s.facts.get(refs),
          pushed: await s.pushedFacts.get(refs),
          approved: await s.exemptionRequests.approvedFor(refs, today),
        };
      });
      // Awaited below, unless the caller stops first: never unhandled.
      page.catch(() => {});
      return page;
    };
    let index = 0;
    let next = read({ index });
    for (;;) {
      const page = await next;
      index += PAGE_SIZE;
      const more = sorted
        ? index < sorted.length
        : page.entities.length === PAGE_SIZE;
      if (more) {
        next = read({
          index,
          after: sorted ? undefined : page.entities[PAGE_SIZE - 1].entityRef,
        });
      }
      if (page.entities.length > 0) yield page;
      if (!more) return;
    }
  }
}
