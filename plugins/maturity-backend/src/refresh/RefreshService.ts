import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { MaturityCollector } from '@roadmap/plugin-maturity-node';
import { randomUUID } from 'node:crypto';
import { catalogEntityPages } from '../catalog/catalogEntityPages';
import type { MaturityDatabase } from '../database/MaturityDatabase';
import type { RetryPolicy } from '../database/RefreshQueue';
import type { StoredScore } from '../database/ScoreStore';
import type { MaturityMetrics } from '../metrics/MaturityMetrics';
import type { EntityScorer } from './EntityScorer';
import { fingerprintOf } from './fingerprintOf';
import { type PreparedBatch, prepareScoredBatch } from './prepareScoredBatch';
import type { ScoreChange, ScoreChangeListener } from './ScoreChange';
import { type ScoredItem, writeScoredBatch } from './writeScoredBatch';

/** Tuning of the refresh; see config.d.ts for the defaults. */
export interface RefreshOptions {
  staleAfterMs: number;
  batchSize: number;
  sourceTimeoutMs: number;
  /** Longest time one lease may be held before another replica may take over. */
  leaseMs: number;
  /** When an entity whose scoring failed is tried again. */
  retry: RetryPolicy;
}

/** What one refresh run did. */
export interface RefreshRunSummary {
  scored: number;
  /** Entities whose scoring could not be stored; retried with back-off. */
  failed: number;
  failedSources: Record<string, number>;
  durationMs: number;
}

/** What one batch did. */
interface BatchOutcome {
  scored: ScoredItem[];
  failed: string[];
  failedSources: Record<string, number>;
}

/**
 * Scores catalog entities. It walks the catalog a page at a time; for each
 * page it makes new and changed entities due, then claims due entities in
 * batches under a lease, runs every collector once per batch, evaluates,
 * and writes each batch in one transaction.
 *
 * Safe with several replicas sharing one database: an entity is scored only
 * under a lease, and a score is written only while the lease is held. A
 * storage error never becomes a wrong score: the batch's write rolls back,
 * the previous scores stay, and the entities are retried with back-off.
 */
export class RefreshService {
  readonly #instanceId = randomUUID();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      db: MaturityDatabase;
      collectors: MaturityCollector[];
      scorer: EntityScorer;
      logger: LoggerService;
      metrics?: MaturityMetrics;
      options: RefreshOptions;
      now?: () => Date;
      /** Told about stored changes of score (notifications, events). */
      listeners?: ScoreChangeListener[];
    },
  ) {}

  /**
   * The scheduled task. Always ends with its summary logged and recorded,
   * and with no lease of its own left behind; a database failure stops the
   * run (the next one carries on) and is rethrown after that.
   */
  async run(
    options: { signal?: AbortSignal } = {},
  ): Promise<RefreshRunSummary> {
    const started = Date.now();
    // Leases of this run only, so that it can end all of them.
    const leaseOwner = `${this.#instanceId}:${randomUUID()}`;
    const summary: RefreshRunSummary = {
      scored: 0,
      failed: 0,
      failedSources: {},
      durationMs: 0,
    };
    let stopped: unknown;
    try {
      const credentials = await this.deps.auth.getOwnServiceCredentials();
      for await (const page of catalogEntityPages(this.deps.catalog, {
        credentials,
      })) {
        if (options.signal?.aborted) break;
        const scorable = page.filter(e => this.deps.scorer.appliesTo(e));
        if (scorable.length === 0) continue;
        await this.schedule(scorable);
        await this.scorePage(scorable, leaseOwner, summary, options.signal);
      }
    } catch (error) {
      stopped = error;
    } finally {
      await this.close(leaseOwner, summary, started, stopped);
    }
    if (stopped) throw stopped;
    return summary;
  }

  private async close(
    leaseOwner: string,
    summary: RefreshRunSummary,
    started: number,
    stopped: unknown,
  ): Promise<void> {
    const { db, logger } = this.deps;
    try {
      await db.queue.releaseAll(leaseOwner);
    } catch (error) {
      logger.warn(
        'Could not end the leases of this refresh; they expire on their own',
        error as Error,
      );
    }
    if (summary.scored > 0) await this.refreshStatistics();
    summary.durationMs = Date.now() - started;
    this.deps.metrics?.recordRun(
      summary.durationMs / 1000,
      summary.scored,
      stopped ? 'stopped' : 'completed',
    );
    const meta = {
      failed: summary.failed,
      failedSources: JSON.stringify(summary.failedSources),
      ...(stopped ? { stoppedBy: (stopped as Error).message } : {}),
    };
    const line = `Scored ${summary.scored} entities in ${summary.durationMs} ms`;
    if (stopped) logger.warn(`${line}; stopped early`, meta);
    else logger.info(line, meta);
  }

  // New entities are due first, entities whose definition (or the rubric)
  // changed since their last scoring next, ahead of the merely stale ones.
  private async schedule(entities: Entity[]): Promise<void> {
    const { db, scorer, options } = this.deps;
    const refs = entities.map(e => stringifyEntityRef(e));
    await db.queue.register(refs);
    const fingerprints = await db.queue.fingerprints(refs);
    const changed = entities
      .filter((entity, i) => {
        const previous = fingerprints.get(refs[i]);
        return (
          previous !== undefined &&
          previous !== fingerprintOf(entity, scorer.rubricHash)
        );
      })
      .map(e => stringifyEntityRef(e));
    if (changed.length > 0) {
      await db.queue.markDue(
        changed,
        new Date(this.now().getTime() - options.staleAfterMs),
      );
    }
  }

  // Pipelined: while one batch is written, the next is claimed, collected
  // and evaluated, so the database and the evaluator work at the same time
  // (on PostgreSQL; SQLite's one connection serialises them anyway). At
  // most one write is in flight, and it is always awaited before returning.
  private async scorePage(
    entities: Entity[],
    leaseOwner: string,
    summary: RefreshRunSummary,
    signal?: AbortSignal,
  ): Promise<void> {
    const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
    const among = [...byRef.keys()];
    let writing: Promise<void> = Promise.resolve();
    let pending = false;
    const failure: { error?: unknown } = {};
    const account = (outcome: BatchOutcome) => {
      summary.scored += outcome.scored.length;
      summary.failed += outcome.failed.length;
      for (const [source, n] of Object.entries(outcome.failedSources)) {
        summary.failedSources[source] =
          (summary.failedSources[source] ?? 0) + n;
      }
    };
    try {
      for (;;) {
        if (signal?.aborted) break;
        const now = this.now();
        const leases = await this.deps.db.queue.claimDue({
          leaseOwner,
          limit: this.deps.options.batchSize,
          now,
          leaseUntil: new Date(now.getTime() + this.deps.options.leaseMs),
          among,
        });
        if (leases.length === 0) {
          if (!pending) break;
          // The write in flight may make entities of this page due again (a
          // parent whose child's level changed): claim once more after it.
          await writing;
          pending = false;
          if (failure.error) break;
          continue;
        }
        const prepared = await this.prepare(
          leases.map(l => byRef.get(l.entityRef)!),
          leaseOwner,
        );
        await writing;
        pending = false;
        if (failure.error) break;
        if (!('items' in prepared)) {
          account(prepared);
          continue;
        }
        // Kept as a value until awaited, never an unhandled rejection.
        writing = this.store(prepared, leaseOwner).then(account, error => {
          failure.error = error ?? new Error('The batch write failed');
        });
        pending = true;
      }
    } finally {
      await writing;
    }
    if (failure.error) throw failure.error;
  }

  /** On-demand refresh of one entity; the entity must be readable by the service. */
  async refreshOne(entityRef: string): Promise<StoredScore> {
    const { db, catalog, auth, scorer, options } = this.deps;
    const ref = stringifyEntityRef(parseEntityRef(entityRef));
    const credentials = await auth.getOwnServiceCredentials();
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity || !scorer.appliesTo(entity)) {
      throw new NotFoundError(`No scorable entity ${ref}`);
    }
    const now = this.now();
    const leaseOwner = `${this.#instanceId}:${randomUUID()}`;
    const lease = await db.queue.claimOne({
      entityRef: ref,
      leaseOwner,
      now,
      leaseUntil: new Date(now.getTime() + options.leaseMs),
    });
    if (!lease) {
      throw new ConflictError(
        `${ref} is being scored right now; try again in a moment`,
      );
    }
    const outcome = await this.scoreBatch([entity], leaseOwner);
    if (outcome.scored.length === 0) {
      throw new ServiceUnavailableError(
        `${ref} could not be scored just now; its previous score is kept and it is retried shortly`,
      );
    }
    const stored = await db.scores.get(ref);
    if (!stored) throw new NotFoundError(`${ref} could not be scored`);
    return stored;
  }

  /**
   * Scores these entities now, in one batch (after facts were pushed for
   * them). An entity a running refresh holds is made due instead; that
   * refresh or the next scores it. Returns the refs scored here.
   */
  async rescore(entities: Entity[]): Promise<Set<string>> {
    const { db, scorer, options } = this.deps;
    const scorable = entities.filter(e => scorer.appliesTo(e));
    const now = this.now();
    await db.queue.markDue(
      scorable.map(e => stringifyEntityRef(e)),
      now,
    );
    const leaseOwner = `${this.#instanceId}:${randomUUID()}`;
    const claimed: Entity[] = [];
    for (const entity of scorable) {
      const lease = await db.queue.claimOne({
        entityRef: stringifyEntityRef(entity),
        leaseOwner,
        now,
        leaseUntil: new Date(now.getTime() + options.leaseMs),
      });
      if (lease) claimed.push(entity);
    }
    if (claimed.length === 0) return new Set();
    const outcome = await this.scoreBatch(claimed, leaseOwner);
    return new Set(outcome.scored.map(s => s.record.entityRef));
  }

  private async scoreBatch(
    entities: Entity[],
    leaseOwner: string,
  ): Promise<BatchOutcome> {
    const prepared = await this.prepare(entities, leaseOwner);
    return 'items' in prepared ? this.store(prepared, leaseOwner) : prepared;
  }

  // Scored in memory; a batch whose inputs cannot be read is rescheduled.
  private async prepare(
    entities: Entity[],
    leaseOwner: string,
  ): Promise<PreparedBatch | BatchOutcome> {
    const now = this.now();
    try {
      return await prepareScoredBatch(this.deps, entities, now);
    } catch (error) {
      const refs = entities.map(e => stringifyEntityRef(e));
      await this.fail(refs, leaseOwner, now, error);
      return { scored: [], failed: refs, failedSources: {} };
    }
  }

  private async store(
    prepared: PreparedBatch,
    leaseOwner: string,
  ): Promise<BatchOutcome> {
    const { written, failed, changes } = await this.write(
      prepared.items,
      leaseOwner,
      prepared.items[0]?.record.scoredAt ?? this.now(),
    );
    this.deps.metrics?.setScores(written.map(w => w.record));
    await this.tell(changes);
    return {
      scored: written,
      failed,
      failedSources: prepared.failedSources,
    };
  }

  // One transaction for the batch; if it fails, one per entity, so that one
  // entity that cannot be stored does not hold back the others.
  private async write(
    items: ScoredItem[],
    leaseOwner: string,
    now: Date,
  ): Promise<{
    written: ScoredItem[];
    failed: string[];
    changes: ScoreChange[];
  }> {
    const { db, logger } = this.deps;
    const report = (lost: string[]) => {
      for (const ref of lost) {
        logger.warn(`Skipped writing ${ref}: its lease was taken over`);
      }
    };
    try {
      const { written, lost, changes } = await writeScoredBatch(db, {
        leaseOwner,
        items,
      });
      report(lost);
      return { written, failed: [], changes };
    } catch (error) {
      if (items.length === 1) {
        await this.fail([items[0].record.entityRef], leaseOwner, now, error);
        return {
          written: [],
          failed: [items[0].record.entityRef],
          changes: [],
        };
      }
      logger.warn(
        `Could not store a batch of ${items.length} scores; storing them one at a time`,
        error as Error,
      );
    }
    const written: ScoredItem[] = [];
    const failed: string[] = [];
    const changes: ScoreChange[] = [];
    for (const item of items) {
      try {
        const one = await writeScoredBatch(db, { leaseOwner, items: [item] });
        written.push(...one.written);
        changes.push(...one.changes);
        report(one.lost);
      } catch (error) {
        failed.push(item.record.entityRef);
        await this.fail([item.record.entityRef], leaseOwner, now, error);
      }
    }
    return { written, failed, changes };
  }

  // After the commit; a listener never fails the refresh.
  private async tell(changes: ScoreChange[]): Promise<void> {
    if (changes.length === 0) return;
    for (const listener of this.deps.listeners ?? []) {
      try {
        await listener.onScoreChanges(changes);
      } catch (error) {
        this.deps.logger.warn(
          'A listener of score changes failed; the scores are stored',
          error as Error,
        );
      }
    }
  }

  // The entities keep their previous score and history; they are retried
  // soon. If even that cannot be stored, their leases expire on their own.
  private async fail(
    refs: string[],
    leaseOwner: string,
    now: Date,
    error: unknown,
  ): Promise<void> {
    const { db, logger, options } = this.deps;
    logger.error(
      `Could not store the scores of ${refs.length} entities; keeping their previous scores and retrying them`,
      error as Error,
    );
    try {
      await db.queue.fail({
        entityRefs: refs,
        leaseOwner,
        now,
        error: String((error as Error)?.message ?? error),
        retry: options.retry,
      });
    } catch (rescheduleError) {
      logger.warn(
        `Could not reschedule ${refs.length} entities; their leases expire on their own`,
        rescheduleError as Error,
      );
    }
  }

  // Planner statistics are an optimisation: a database user that may not
  // run ANALYZE still gets correct (if slower) answers.
  private async refreshStatistics(): Promise<void> {
    try {
      await this.deps.db.refreshStatistics();
    } catch (error) {
      this.deps.logger.debug(
        `Could not refresh the database's planner statistics: ${
          (error as Error).message
        }`,
      );
    }
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
