import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  Exemption,
  ExemptionRequest,
  ExemptionRequestStatus,
} from '@roadmap/plugin-maturity-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { fromDatabaseTimestamp } from './fromDatabaseTimestamp';
import { rowChunks } from './rowChunks';

function toRequest(row: Record<string, any>): ExemptionRequest {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    expires: row.expires,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: fromDatabaseTimestamp(row.requested_at).toISOString(),
    decidedBy: row.decided_by ?? undefined,
    decidedAt: row.decided_at
      ? fromDatabaseTimestamp(row.decided_at).toISOString()
      : undefined,
    decisionComment: row.decision_comment ?? undefined,
  };
}

// What each decision may follow.
const FROM: Record<'approved' | 'denied' | 'revoked', ExemptionRequestStatus> =
  { approved: 'requested', denied: 'requested', revoked: 'approved' };

/**
 * Exemption requests (`maturity_exemption_requests`): asked for by a
 * service owner, approved or denied by an approver, revoked after approval;
 * who, when and why are kept. Approved, unexpired ones waive their check at
 * the next scoring.
 */
export class ExemptionRequestStore {
  constructor(private readonly db: Knex) {}

  async create(
    request: Pick<
      ExemptionRequest,
      'entityRef' | 'checkId' | 'reason' | 'expires'
    >,
    options: { requestedBy: string; now: Date },
  ): Promise<ExemptionRequest> {
    const id = randomUUID();
    await this.db('maturity_exemption_requests').insert({
      id,
      entity_ref: request.entityRef,
      check_id: request.checkId,
      reason: request.reason,
      expires: request.expires,
      status: 'requested',
      requested_by: options.requestedBy,
      requested_at: options.now,
    });
    return (await this.get(id))!;
  }

  async get(id: string): Promise<ExemptionRequest | undefined> {
    const row = await this.db('maturity_exemption_requests')
      .where({ id })
      .first();
    return row ? toRequest(row) : undefined;
  }

  async list(
    filter: { status?: ExemptionRequestStatus; entityRefs?: string[] } = {},
  ): Promise<ExemptionRequest[]> {
    const qb = this.db('maturity_exemption_requests').orderBy([
      { column: 'requested_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    if (filter.status) qb.where({ status: filter.status });
    if (filter.entityRefs) qb.whereIn('entity_ref', filter.entityRefs);
    return (await qb.limit(1000)).map(toRequest);
  }

  /** Decides a request; only a pending one can be approved or denied, only an approved one revoked. */
  async decide(
    id: string,
    decision: {
      status: 'approved' | 'denied' | 'revoked';
      by: string;
      comment?: string;
      now: Date;
    },
  ): Promise<ExemptionRequest> {
    const updated = await this.db('maturity_exemption_requests')
      .where({ id, status: FROM[decision.status] })
      .update({
        status: decision.status,
        decided_by: decision.by,
        decided_at: decision.now,
        decision_comment: decision.comment ?? null,
      });
    if (updated !== 1) {
      const current = await this.get(id);
      if (!current) throw new NotFoundError(`No exemption request ${id}`);
      throw new ConflictError(
        `Exemption request ${id} is ${current.status}; it cannot be ${decision.status}`,
      );
    }
    return (await this.get(id))!;
  }

  /** The approved, unexpired exemptions of these entities, as the evaluator takes them. */
  async approvedFor(entityRefs: string[], today: string): Promise<Exemption[]> {
    const exemptions: Exemption[] = [];
    for (const chunk of rowChunks(
      this.db,
      entityRefs.map(ref => ({ ref })),
    )) {
      const rows = await this.db('maturity_exemption_requests')
        .where({ status: 'approved' })
        .andWhere('expires', '>=', today)
        .whereIn(
          'entity_ref',
          chunk.map(c => c.ref),
        );
      for (const row of rows) {
        exemptions.push({
          entityRef: row.entity_ref,
          check: row.check_id,
          reason: row.reason,
          expires: row.expires,
          source: 'request',
          approvedBy: row.decided_by ?? undefined,
        });
      }
    }
    return exemptions;
  }
}
