import type { LoggerService } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { MaturityCollector } from '@roadmap/plugin-maturity-node';
import { mergeStoredFacts, type StoredFacts } from '../database/FactStore';
import type { MaturityStores } from '../database/MaturityDatabase';
import type { MaturityMetrics } from '../metrics/MaturityMetrics';
import { collectFacts } from './collectFacts';
import type { EntityScorer } from './EntityScorer';
import { fingerprintOf } from './fingerprintOf';
import { mergePushedFacts } from './mergePushedFacts';
import { scoredEntityFields } from './scoredEntityFields';
import type { ScoredItem } from './writeScoredBatch';

/** A batch scored in memory, not yet written. */
export interface PreparedBatch {
  items: ScoredItem[];
  /** Entities each failing source failed for. */
  failedSources: Record<string, number>;
}

/**
 * Scores a batch of claimed entities in memory: reads their last good facts,
 * pushed facts and approved exemptions, runs every collector once for the
 * batch, and evaluates each entity. Writes nothing; a database error while
 * reading is thrown, so that the caller can reschedule the batch.
 */
export async function prepareScoredBatch(
  deps: {
    db: Pick<MaturityStores, 'facts' | 'pushedFacts' | 'exemptionRequests'>;
    scorer: EntityScorer;
    collectors: MaturityCollector[];
    logger: LoggerService;
    metrics?: MaturityMetrics;
    options: { sourceTimeoutMs: number; staleAfterMs: number };
  },
  entities: Entity[],
  now: Date,
): Promise<PreparedBatch> {
  const { db, scorer, collectors, options } = deps;
  const refs = entities.map(e => stringifyEntityRef(e));
  const previous = await db.facts.get(refs);
  const pushed = await db.pushedFacts.get(refs);
  const approved = await db.exemptionRequests.approvedFor(
    refs,
    now.toISOString().slice(0, 10),
  );
  const collected = await collectFacts({
    entities,
    entityRefs: refs,
    collectors,
    previous,
    now,
    timeoutMs: options.sourceTimeoutMs,
    logger: deps.logger,
    metrics: deps.metrics,
  });
  const staleAt = new Date(now.getTime() + options.staleAfterMs);
  const fresh = new Map<string, StoredFacts[]>();
  for (const s of collected.toStore) {
    const list = fresh.get(s.entityRef);
    if (list) list.push(s.facts);
    else fresh.set(s.entityRef, [s.facts]);
  }
  const collectorSources = new Set(collectors.map(c => c.source));
  const items: ScoredItem[] = entities.map((entity, i) => {
    const ref = refs[i];
    const merged = mergePushedFacts({
      collected: collected.facts.get(ref)!,
      sources: collected.sources.get(ref)!,
      pushed: pushed.get(ref) ?? [],
      collectorSources,
      now,
    });
    const result = scorer.score(entity, merged.facts, {
      now,
      sources: merged.sources,
      exemptions: approved.filter(e => e.entityRef === ref),
      extraSources: merged.extraSources,
    });
    // Scored again when a pushed fact expires, so its checks turn unknown then.
    const nextDueAt =
      merged.nextExpiry && merged.nextExpiry < staleAt
        ? merged.nextExpiry
        : staleAt;
    return {
      record: {
        ...scoredEntityFields(entity),
        ...result,
        rubricHash: scorer.rubricHash,
        scoredAt: now,
      },
      facts: mergeStoredFacts(previous.get(ref) ?? [], fresh.get(ref) ?? []),
      nextDueAt,
      fingerprint: fingerprintOf(entity, scorer.rubricHash),
    };
  });
  return { items, failedSources: collected.failedSources };
}
