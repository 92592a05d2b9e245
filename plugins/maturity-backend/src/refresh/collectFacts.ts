import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { Fact, ScoreSourceStatus } from '@roadmap/plugin-maturity-common';
import type {
  CollectResult,
  MaturityCollector,
} from '@roadmap/plugin-maturity-node';
import type { StoredFacts } from '../database/FactStore';
import type { MaturityMetrics } from '../metrics/MaturityMetrics';
import { sourceErrorMessage } from './sourceErrorMessage';

/** What the collectors observed for one batch; nothing is written yet. */
export interface CollectedFacts {
  /** Facts per entity ref, from the sources that answered for it. */
  facts: Map<string, Fact[]>;
  /** Per entity ref, whether each source answered, sorted by source. */
  sources: Map<string, ScoreSourceStatus[]>;
  /** The new last good facts to store, per source that answered. */
  toStore: { entityRef: string; facts: StoredFacts }[];
  /** Entities each failing source failed for. */
  failedSources: Record<string, number>;
}

class SourceTimeoutError extends Error {
  readonly name = 'SourceTimeoutError';
}

async function collectWithTimeout(
  collector: MaturityCollector,
  request: Omit<Parameters<MaturityCollector['collect']>[0], 'signal'>,
  timeoutMs: number,
): Promise<CollectResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new SourceTimeoutError(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([
      collector.collect({ ...request, signal: controller.signal }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs every collector once for a batch, all at once, each within the
 * source timeout. A source that throws or times out is down for the batch:
 * its entities' checks on it become unknown (their last good facts stay
 * stored). This touches no database, so nothing here can mistake a storage
 * error for a source error.
 */
export async function collectFacts(options: {
  entities: Entity[];
  entityRefs: string[];
  collectors: MaturityCollector[];
  /** The stored facts of each entity, by ref. */
  previous: Map<string, StoredFacts[]>;
  now: Date;
  timeoutMs: number;
  logger: LoggerService;
  metrics?: MaturityMetrics;
}): Promise<CollectedFacts> {
  const { entities, entityRefs: allRefs, now, logger } = options;
  const collected: CollectedFacts = {
    facts: new Map(allRefs.map(r => [r, []])),
    sources: new Map(allRefs.map(r => [r, []])),
    toStore: [],
    failedSources: {},
  };
  const lastGood = (ref: string, source: string) =>
    options.previous.get(ref)?.find(f => f.source === source);

  await Promise.all(
    options.collectors.map(async collector => {
      const { source } = collector;
      // A collector for some kinds only (the roll-up) is not asked about the
      // others, which then carry no status of that source.
      const mine = collector.appliesTo
        ? entities.flatMap((e, i) => (collector.appliesTo!(e) ? [i] : []))
        : undefined;
      if (mine?.length === 0) return;
      const batch = mine ? mine.map(i => entities[i]) : entities;
      const refs = mine ? mine.map(i => allRefs[i]) : allRefs;
      const started = Date.now();
      let failed = 0;
      const markFailed = (ref: string, message: string) => {
        failed += 1;
        collected.sources.get(ref)!.push({
          source,
          status: 'error',
          message,
          lastGoodAt: lastGood(ref, source)?.observedAt.toISOString(),
        });
      };
      const previous = new Map(
        refs.map(ref => {
          const stored = lastGood(ref, source);
          return [ref, { etag: stored?.etag, facts: stored?.facts ?? [] }];
        }),
      );
      let result: CollectResult | undefined;
      try {
        result = await collectWithTimeout(
          collector,
          { entities: batch, now, logger, previous },
          options.timeoutMs,
        );
      } catch (error) {
        // Logged once per source per batch.
        logger.warn(
          `Source ${source} failed for a batch of ${refs.length}`,
          error as Error,
        );
        for (const ref of refs)
          markFailed(ref, sourceErrorMessage(source, error));
      }
      if (result) {
        for (const ref of refs) {
          const facts = result.facts.get(ref);
          const failure = result.failures?.get(ref);
          if (facts && !failure) {
            collected.facts.get(ref)!.push(...facts);
            collected.sources
              .get(ref)!
              .push({ source, status: 'ok', lastGoodAt: now.toISOString() });
            collected.toStore.push({
              entityRef: ref,
              facts: {
                source,
                facts,
                etag: result.etags?.get(ref),
                observedAt: now,
              },
            });
          } else {
            markFailed(
              ref,
              // A collector's own sentence for the service owner, bounded.
              failure?.slice(0, 300) ??
                `${source} returned nothing for this entity`,
            );
          }
        }
      }
      if (failed > 0) collected.failedSources[source] = failed;
      options.metrics?.recordSource(
        source,
        (Date.now() - started) / 1000,
        failed,
      );
    }),
  );
  for (const statuses of collected.sources.values()) {
    statuses.sort((a, b) => a.source.localeCompare(b.source));
  }
  return collected;
}
