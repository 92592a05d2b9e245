import pLimit from 'p-limit';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Fact } from '@roadmap/plugin-maturity-common';
import type { MaturityCollector } from '@roadmap/plugin-maturity-node';
import { createHash, randomUUID } from 'node:crypto';
import {
  LeaseLostError,
  type MaturityStore,
  type StoredScore,
} from '../database/MaturityStore';
import type { MaturityMetrics } from '../metrics/MaturityMetrics';
import type { EntityScorer, SourceStatus } from './EntityScorer';

/** Tuning of the refresh; see config.d.ts for the defaults. */
export interface RefreshOptions {
  staleAfterMs: number;
  batchSize: number;
  sourceTimeoutMs: number;
  /** Longest time one lease may be held before another replica may take over. */
  leaseMs: number;
}

/** What one refresh run did. */
export interface RefreshRunSummary {
  scored: number;
  failedSources: Record<string, number>;
  durationMs: number;
}

function fingerprintOf(entity: Entity, rubricHash: string): string {
  const { metadata, spec, relations } = entity;
  const stable = JSON.stringify({
    rubricHash,
    annotations: metadata.annotations,
    labels: metadata.labels,
    tags: metadata.tags,
    links: metadata.links,
    title: metadata.title,
    spec,
    relations,
  });
  return createHash('sha256').update(stable).digest('hex').slice(0, 32);
}

/** Entity writes in flight at once within a batch. */
const WRITE_CONCURRENCY = 4;

/**
 * Scores catalog entities: claims due entities in batches (never-scored
 * first, then changed, then stale), runs every collector once per batch with
 * a per-source timeout, evaluates, and stores a snapshot per entity.
 *
 * Safe with several replicas sharing one database: an entity is scored only
 * under a lease, and a snapshot is written only while the lease is held.
 */
export class RefreshService {
  readonly #instanceId = randomUUID();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: MaturityStore;
      collectors: MaturityCollector[];
      scorer: EntityScorer;
      logger: LoggerService;
      metrics?: MaturityMetrics;
      options: RefreshOptions;
      now?: () => Date;
    },
  ) {}

  /** The scheduled task: sync with the catalog, then score what is due. */
  async run(
    options: { signal?: AbortSignal } = {},
  ): Promise<RefreshRunSummary> {
    const started = Date.now();
    const { store, scorer } = this.deps;
    const entities = await this.catalogEntities();
    const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
    const now = this.now();
    await store.registerEntities([...byRef.keys()], now);

    // Entities whose definition (or the rubric) changed since their last
    // scoring are due now, ahead of the merely stale ones.
    const fingerprints = await store.getFingerprints();
    const changed = [...byRef].filter(([ref, entity]) => {
      const previous = fingerprints.get(ref);
      return (
        previous !== undefined &&
        previous !== fingerprintOf(entity, scorer.rubricHash)
      );
    });
    await store.markDue(
      changed.map(([ref]) => ref),
      new Date(now.getTime() - this.deps.options.staleAfterMs),
    );

    const summary: RefreshRunSummary = {
      scored: 0,
      failedSources: {},
      durationMs: 0,
    };
    for (;;) {
      if (options.signal?.aborted) break;
      const batchNow = this.now();
      const leases = await store.claimDue({
        leaseOwner: this.#instanceId,
        limit: this.deps.options.batchSize,
        now: batchNow,
        leaseUntil: new Date(batchNow.getTime() + this.deps.options.leaseMs),
      });
      if (leases.length === 0) break;

      const batch: Entity[] = [];
      for (const lease of leases) {
        const entity = byRef.get(lease.entityRef);
        if (entity) {
          batch.push(entity);
        } else {
          // Left the catalog (or not ours to score): its history stays; it
          // is simply not scheduled again until it comes back.
          await store.release({
            entityRef: lease.entityRef,
            leaseOwner: this.#instanceId,
            nextDueAt: new Date('9999-12-31T00:00:00Z'),
          });
        }
      }
      const result = await this.scoreBatch(batch);
      summary.scored += result.scored;
      for (const [source, n] of Object.entries(result.failedSources)) {
        summary.failedSources[source] =
          (summary.failedSources[source] ?? 0) + n;
      }
    }
    if (summary.scored > 0) await this.refreshStatistics();
    summary.durationMs = Date.now() - started;
    this.deps.metrics?.recordRun(summary.durationMs / 1000, summary.scored);
    this.deps.logger.info(
      `Scored ${summary.scored} entities in ${summary.durationMs} ms`,
      { failedSources: JSON.stringify(summary.failedSources) },
    );
    return summary;
  }

  // Planner statistics are an optimisation: a database user that may not
  // run ANALYZE still gets correct (if slower) answers.
  private async refreshStatistics(): Promise<void> {
    try {
      await this.deps.store.refreshStatistics();
    } catch (error) {
      this.deps.logger.debug(
        `Could not refresh the database's planner statistics: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** On-demand refresh of one entity; the entity must be readable by the service. */
  async refreshOne(entityRef: string): Promise<StoredScore> {
    const ref = stringifyEntityRef(parseEntityRef(entityRef));
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entity = await this.deps.catalog.getEntityByRef(ref, { credentials });
    if (!entity || !this.deps.scorer.appliesTo(entity)) {
      throw new NotFoundError(`No scorable entity ${ref}`);
    }
    const now = this.now();
    const lease = await this.deps.store.claimOne({
      entityRef: ref,
      leaseOwner: this.#instanceId,
      now,
      leaseUntil: new Date(now.getTime() + this.deps.options.leaseMs),
    });
    if (!lease) {
      throw new ConflictError(
        `${ref} is being scored right now; try again in a moment`,
      );
    }
    await this.scoreBatch([entity]);
    const stored = await this.deps.store.getScore(ref);
    if (!stored) throw new NotFoundError(`${ref} could not be scored`);
    return stored;
  }

  private async scoreBatch(
    entities: Entity[],
  ): Promise<{ scored: number; failedSources: Record<string, number> }> {
    const { store, scorer, collectors, logger } = this.deps;
    const now = this.now();
    const refs = entities.map(e => stringifyEntityRef(e));
    const previousFacts = new Map(
      await Promise.all(
        refs.map(async ref => [ref, await store.getFacts(ref)] as const),
      ),
    );

    const factsByEntity = new Map<string, Fact[]>(refs.map(r => [r, []]));
    const statusByEntity = new Map<string, SourceStatus[]>(
      refs.map(r => [r, []]),
    );
    const failedSources: Record<string, number> = {};

    await Promise.all(
      collectors.map(async collector => {
        const source = collector.source;
        const started = Date.now();
        const previous = new Map(
          refs.map(ref => {
            const stored = previousFacts
              .get(ref)
              ?.find(f => f.source === source);
            return [ref, { etag: stored?.etag, facts: stored?.facts ?? [] }];
          }),
        );
        let failed = 0;
        const markFailed = (ref: string, message: string) => {
          failed += 1;
          const lastGood = previousFacts
            .get(ref)
            ?.find(f => f.source === source);
          statusByEntity.get(ref)!.push({
            source,
            status: 'error',
            message,
            lastGoodAt: lastGood?.observedAt.toISOString(),
          });
        };
        try {
          const signal = AbortSignal.timeout(this.deps.options.sourceTimeoutMs);
          const result = await Promise.race([
            collector.collect({ entities, now, logger, signal, previous }),
            new Promise<never>((_, reject) =>
              signal.addEventListener('abort', () =>
                reject(
                  new Error(
                    `timed out after ${this.deps.options.sourceTimeoutMs} ms`,
                  ),
                ),
              ),
            ),
          ]);
          for (const ref of refs) {
            const facts = result.facts.get(ref);
            const failure = result.failures?.get(ref);
            if (facts && !failure) {
              factsByEntity.get(ref)!.push(...facts);
              statusByEntity
                .get(ref)!
                .push({ source, status: 'ok', lastGoodAt: now.toISOString() });
              await store.saveFacts(ref, {
                source,
                facts,
                etag: result.etags?.get(ref),
                observedAt: now,
              });
            } else {
              markFailed(
                ref,
                failure ?? `${source} returned nothing for this entity`,
              );
            }
          }
        } catch (error) {
          // Logged once per source per batch; the entities' checks on this
          // source become unknown and their last good facts stay stored.
          logger.warn(
            `Source ${source} failed for a batch of ${refs.length}`,
            error as Error,
          );
          for (const ref of refs)
            markFailed(
              ref,
              `${source} is unavailable: ${(error as Error).message}`,
            );
        }
        if (failed > 0) failedSources[source] = failed;
        this.deps.metrics?.recordSource(
          source,
          (Date.now() - started) / 1000,
          failed,
        );
      }),
    );

    let scored = 0;
    // Writes run a few at a time: each entity is its own transaction, and on
    // PostgreSQL concurrent commits share their WAL flushes.
    const write = pLimit(WRITE_CONCURRENCY);
    const writeOne = async (entity: Entity) => {
      const ref = stringifyEntityRef(entity);
      const nextDueAt = new Date(
        now.getTime() + this.deps.options.staleAfterMs,
      );
      try {
        const sources = statusByEntity
          .get(ref)!
          .sort((a, b) => a.source.localeCompare(b.source));
        const result = scorer.score(entity, factsByEntity.get(ref)!, {
          now,
          sources,
        });
        const stored = await store.saveScore(
          {
            entityRef: ref,
            kind: entity.kind,
            namespace: entity.metadata.namespace ?? 'default',
            name: entity.metadata.name,
            title: entity.metadata.title,
            owner: entity.relations?.find(r => r.type === 'ownedBy')?.targetRef,
            system: entity.relations?.find(r => r.type === 'partOf')?.targetRef,
            type:
              typeof entity.spec?.type === 'string'
                ? entity.spec.type
                : undefined,
            lifecycle:
              typeof entity.spec?.lifecycle === 'string'
                ? entity.spec.lifecycle
                : undefined,
            ...result,
            rubricHash: scorer.rubricHash,
            scoredAt: now,
          },
          {
            leaseOwner: this.#instanceId,
            release: {
              nextDueAt,
              fingerprint: fingerprintOf(entity, scorer.rubricHash),
            },
          },
        );
        this.deps.metrics?.setScores([stored]);
        scored += 1;
      } catch (error) {
        if (error instanceof LeaseLostError) {
          logger.warn(`Skipped writing ${ref}: ${error.message}`);
          return;
        }
        logger.error(`Could not score ${ref}`, error as Error);
        await store.release({
          entityRef: ref,
          leaseOwner: this.#instanceId,
          nextDueAt,
          error: String((error as Error).message),
        });
      }
    };
    await Promise.all(entities.map(entity => write(() => writeOne(entity))));
    return { scored, failedSources };
  }

  private async catalogEntities(): Promise<Entity[]> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        cursor ? { cursor, limit: 1000 } : { limit: 1000 },
        { credentials },
      );
      entities.push(...page.items.filter(e => this.deps.scorer.appliesTo(e)));
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return entities;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
