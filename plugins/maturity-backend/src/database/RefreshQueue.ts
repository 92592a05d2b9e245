import type { Knex } from 'knex';
import { fromDatabaseTimestamp } from './fromDatabaseTimestamp';
import { rowChunks } from './rowChunks';

/** An entity claimed for scoring by one refresh. */
export interface RefreshLease {
  entityRef: string;
  leaseOwner: string;
  fingerprint?: string;
}

/** When an entity's failed scoring is tried again. */
export interface RetryPolicy {
  /** Delay after the first failure; doubles with each failure in a row. */
  firstDelayMs: number;
  /** The longest delay. */
  maxDelayMs: number;
}

// Never-scored entities sort before everything that is merely stale.
const NEVER_SCORED_DUE = new Date(0);

/**
 * When each entity is due for scoring and who is scoring it
 * (`maturity_refresh_state`). An entity is scored only under a lease, so
 * several backend replicas sharing the database never score one entity at
 * once; a lease that is not ended (a replica died) expires on its own.
 */
export class RefreshQueue {
  constructor(private readonly db: Knex) {}

  /** Makes sure each entity has a refresh state; new ones are due first. */
  async register(entityRefs: string[]): Promise<void> {
    const rows = entityRefs.map(entity_ref => ({
      entity_ref,
      due_at: NEVER_SCORED_DUE,
    }));
    for (const chunk of rowChunks(this.db, rows)) {
      await this.db('maturity_refresh_state')
        .insert(chunk)
        .onConflict('entity_ref')
        .ignore();
    }
  }

  /** The input fingerprint each of these entities was last scored with. */
  async fingerprints(
    entityRefs: string[],
  ): Promise<Map<string, string | undefined>> {
    const result = new Map<string, string | undefined>();
    for (const chunk of rowChunks(
      this.db,
      entityRefs.map(ref => ({ ref })),
    )) {
      const rows = await this.db('maturity_refresh_state')
        .whereIn(
          'entity_ref',
          chunk.map(c => c.ref),
        )
        .select('entity_ref', 'fingerprint');
      for (const r of rows)
        result.set(r.entity_ref, r.fingerprint ?? undefined);
    }
    return result;
  }

  /** Makes entities due at `dueAt` (e.g. now, because they changed). */
  async markDue(entityRefs: string[], dueAt: Date): Promise<void> {
    for (const chunk of rowChunks(
      this.db,
      entityRefs.map(ref => ({ ref })),
    )) {
      await this.db('maturity_refresh_state')
        .whereIn(
          'entity_ref',
          chunk.map(c => c.ref),
        )
        // A leased entity is being scored from inputs read before now: it is
        // marked too, and {@link RefreshQueue.complete} keeps the mark.
        .andWhere(q =>
          q.where('due_at', '>', dueAt).orWhereNotNull('lease_owner'),
        )
        .update({ due_at: dueAt });
    }
  }

  /**
   * Claims up to `limit` due entities (among `among` when given), the
   * longest due first, in one statement. Never hands an entity to a second
   * owner while a lease on it is live.
   */
  async claimDue(options: {
    leaseOwner: string;
    limit: number;
    now: Date;
    leaseUntil: Date;
    among?: string[];
  }): Promise<RefreshLease[]> {
    const free = (qb: Knex.QueryBuilder) =>
      qb.where(q =>
        q.whereNull('lease_until').orWhere('lease_until', '<', options.now),
      );
    const candidates = this.db('maturity_refresh_state')
      .select('entity_ref')
      .where('due_at', '<=', options.now)
      .modify(free)
      .modify(qb => {
        if (options.among) qb.whereIn('entity_ref', options.among);
      })
      .orderBy([
        { column: 'due_at', order: 'asc' },
        { column: 'entity_ref', order: 'asc' },
      ])
      .limit(options.limit);
    if (this.db.client.config.client === 'pg') {
      // Replicas claiming at once skip each other's rows instead of waiting.
      candidates.forUpdate().skipLocked();
    }
    const claimed: {
      entity_ref: string;
      fingerprint: string | null;
      due_at: Date | number;
    }[] = await this.db('maturity_refresh_state')
      .whereIn('entity_ref', candidates)
      // Checked again: on SQLite the subquery takes no row locks.
      .modify(free)
      .update({
        lease_owner: options.leaseOwner,
        lease_until: options.leaseUntil,
      })
      .returning(['entity_ref', 'fingerprint', 'due_at']);
    return claimed
      .sort(
        (a, b) =>
          fromDatabaseTimestamp(a.due_at).getTime() -
            fromDatabaseTimestamp(b.due_at).getTime() ||
          a.entity_ref.localeCompare(b.entity_ref),
      )
      .map(r => ({
        entityRef: r.entity_ref,
        leaseOwner: options.leaseOwner,
        fingerprint: r.fingerprint ?? undefined,
      }));
  }

  /** Claims one entity now, for on-demand refresh; undefined if it is leased. */
  async claimOne(options: {
    entityRef: string;
    leaseOwner: string;
    now: Date;
    leaseUntil: Date;
  }): Promise<RefreshLease | undefined> {
    await this.register([options.entityRef]);
    const [row]: { fingerprint: string | null }[] = await this.db(
      'maturity_refresh_state',
    )
      .where({ entity_ref: options.entityRef })
      .andWhere(q =>
        q.whereNull('lease_until').orWhere('lease_until', '<', options.now),
      )
      .update({
        lease_owner: options.leaseOwner,
        lease_until: options.leaseUntil,
      })
      .returning(['fingerprint']);
    return row
      ? {
          entityRef: options.entityRef,
          leaseOwner: options.leaseOwner,
          fingerprint: row.fingerprint ?? undefined,
        }
      : undefined;
  }

  /**
   * Of these entities, the ones `leaseOwner` still holds — locked until the
   * transaction ends on PostgreSQL, so a lease cannot be taken over between
   * this check and the writes that follow. Call inside a transaction.
   */
  async lockHeld(
    entityRefs: string[],
    leaseOwner: string,
  ): Promise<Set<string>> {
    const held = new Set<string>();
    for (const chunk of rowChunks(
      this.db,
      entityRefs.map(ref => ({ ref })),
    )) {
      const qb = this.db('maturity_refresh_state')
        .whereIn(
          'entity_ref',
          chunk.map(c => c.ref),
        )
        .andWhere({ lease_owner: leaseOwner })
        .select('entity_ref');
      if (this.db.client.config.client === 'pg') qb.forUpdate();
      for (const row of await qb) held.add(row.entity_ref);
    }
    return held;
  }

  /**
   * Ends the leases of scored entities, schedules their next scoring (unless
   * one was marked due after `confirmedAt`, the time their inputs were read),
   * clears any failure, and records when they were scored and the facts
   * they were scored from (`facts`, as {@link storedFactsColumn}) — one row
   * write per entity, whatever changed. Call inside the transaction that
   * wrote the scores, after {@link RefreshQueue.lockHeld}.
   */
  async complete(
    items: {
      entityRef: string;
      nextDueAt: Date;
      fingerprint: string;
      confirmedAt: Date;
      facts: string;
    }[],
  ): Promise<void> {
    const rows = items.map(item => ({
      entity_ref: item.entityRef,
      due_at: item.nextDueAt,
      lease_owner: null,
      lease_until: null,
      fingerprint: item.fingerprint,
      last_error: null,
      attempts: 0,
      confirmed_at: item.confirmedAt,
      facts: item.facts,
    }));
    const { due_at: _due, entity_ref: _ref, ...rest } = rows[0] ?? {};
    const columns = Object.keys(rest);
    for (const chunk of rowChunks(this.db, rows)) {
      await this.db('maturity_refresh_state')
        .insert(chunk)
        .onConflict('entity_ref')
        .merge({
          ...Object.fromEntries(
            columns.map(c => [c, this.db.raw('??', [`excluded.${c}`])]),
          ),
          // Marked due while it was being scored (a child's level changed,
          // facts were pushed): the mark is later than the scoring's inputs
          // and stays; otherwise the next scoring is at `nextDueAt`.
          due_at: this.db.raw(
            'CASE WHEN maturity_refresh_state.due_at > excluded.confirmed_at THEN maturity_refresh_state.due_at ELSE excluded.due_at END',
          ),
        });
    }
  }

  /**
   * Ends the leases of entities whose scoring failed and retries them soon:
   * the delay doubles with each failure in a row, up to `retry.maxDelayMs`.
   * `error` is kept for operators; it is never shown to users.
   */
  async fail(options: {
    entityRefs: string[];
    leaseOwner: string;
    now: Date;
    error: string;
    retry: RetryPolicy;
  }): Promise<void> {
    const attempts = new Map<number, string[]>();
    for (const chunk of rowChunks(
      this.db,
      options.entityRefs.map(ref => ({ ref })),
    )) {
      const rows: { entity_ref: string; attempts: number }[] = await this.db(
        'maturity_refresh_state',
      )
        .whereIn(
          'entity_ref',
          chunk.map(c => c.ref),
        )
        .andWhere({ lease_owner: options.leaseOwner })
        .select('entity_ref', 'attempts');
      for (const row of rows) {
        const n = Number(row.attempts ?? 0);
        attempts.set(n, [...(attempts.get(n) ?? []), row.entity_ref]);
      }
    }
    for (const [n, refs] of attempts) {
      const delay = Math.min(
        options.retry.maxDelayMs,
        options.retry.firstDelayMs * 2 ** Math.min(n, 30),
      );
      await this.db('maturity_refresh_state')
        .whereIn('entity_ref', refs)
        .andWhere({ lease_owner: options.leaseOwner })
        .update({
          lease_owner: null,
          lease_until: null,
          due_at: new Date(options.now.getTime() + delay),
          last_error: options.error.slice(0, 2000),
          attempts: n + 1,
        });
    }
  }

  /** Ends a lease and schedules the next refresh (or none, far in the future). */
  async release(options: {
    entityRef: string;
    leaseOwner: string;
    nextDueAt: Date;
  }): Promise<void> {
    await this.db('maturity_refresh_state')
      .where({ entity_ref: options.entityRef, lease_owner: options.leaseOwner })
      .update({
        lease_owner: null,
        lease_until: null,
        due_at: options.nextDueAt,
      });
  }

  /**
   * Ends every lease `leaseOwner` still holds without rescheduling: the
   * entities stay as due as they were. A refresh calls this when it ends, so
   * that nothing it claimed waits for its lease to expire.
   */
  async releaseAll(leaseOwner: string): Promise<number> {
    return this.db('maturity_refresh_state')
      .where({ lease_owner: leaseOwner })
      .update({ lease_owner: null, lease_until: null });
  }

  async delete(entityRef: string): Promise<void> {
    await this.db('maturity_refresh_state')
      .where({ entity_ref: entityRef })
      .delete();
  }
}
