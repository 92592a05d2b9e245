import type {
  AuditorService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  type ExemptionRequest,
  type ExemptionRequestStatus,
  maturityExemptionApprovePermission,
  maturityExemptionRequestPermission,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import type { Request } from 'express';
import { auditedAction } from './auditedAction';
import { principalOf } from './principalOf';
import type { MaturityDatabase } from '../database/MaturityDatabase';
import type { ScoreVisibility } from '../permissions/ScoreVisibility';
import type { RefreshService } from '../refresh/RefreshService';

type Options = { credentials: BackstageCredentials; request?: Request };

/** The longest an exemption may be asked for. */
const MAX_DAYS = 366;

/**
 * Exemption requests: a service owner (permission
 * `maturity.exemption.request` on the entity, owners by default through the
 * policy) asks for a check to be waived with a reason and an expiry; an
 * approver (`maturity.exemption.approve`) approves, denies or later revokes
 * it. Every step is audited; an approval or revocation applies at once
 * (the entity is scored again).
 */
export class ExemptionService {
  constructor(
    private readonly deps: {
      db: MaturityDatabase;
      rubric: Rubric;
      permissions: PermissionsService;
      auditor: AuditorService;
      visibility: ScoreVisibility;
      refresh: RefreshService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async request(
    body: {
      entityRef: string;
      checkId: string;
      reason: string;
      expires: string;
    },
    options: Options,
  ): Promise<ExemptionRequest> {
    const entityRef = await this.deps.visibility.assertVisible(
      body.entityRef,
      options,
    );
    return auditedAction(
      this.deps.auditor,
      {
        eventId: 'exemption-request',
        meta: { entityRef, checkId: body.checkId },
        request: options.request,
      },
      async () => {
        const [decision] = await this.deps.permissions.authorize(
          [
            {
              permission: maturityExemptionRequestPermission,
              resourceRef: entityRef,
            },
          ],
          options,
        );
        if (decision.result !== AuthorizeResult.ALLOW) {
          throw new NotAllowedError(
            `You may not request exemptions for ${entityRef}; its owners can`,
          );
        }
        if (!this.deps.rubric.checks.some(c => c.id === body.checkId)) {
          throw new InputError(
            `checkId: "${body.checkId}" is not a check of the rubric`,
          );
        }
        const today = this.now().toISOString().slice(0, 10);
        const latest = new Date(this.now().getTime() + MAX_DAYS * 86_400_000)
          .toISOString()
          .slice(0, 10);
        if (body.expires < today || body.expires > latest) {
          throw new InputError(
            `expires: ${body.expires} must be from today (${today}) to ${latest}`,
          );
        }
        return this.deps.db.exemptionRequests.create(
          { ...body, entityRef },
          { requestedBy: principalOf(options.credentials), now: this.now() },
        );
      },
    );
  }

  /** Requests of entities the caller may see, newest first. */
  async list(
    filter: { status?: ExemptionRequestStatus; entityRef?: string },
    options: Options,
  ): Promise<ExemptionRequest[]> {
    const visible = await this.deps.visibility.visibleRefs(options);
    let entityRefs: string[] | undefined;
    if (filter.entityRef) {
      entityRefs = [
        await this.deps.visibility.assertVisible(filter.entityRef, options),
      ];
    } else if (visible !== 'all') {
      entityRefs = [...visible];
    }
    return this.deps.db.exemptionRequests.list({
      status: filter.status,
      entityRefs,
    });
  }

  async decide(
    id: string,
    decision: { status: 'approved' | 'denied' | 'revoked'; comment?: string },
    options: Options,
  ): Promise<ExemptionRequest> {
    const eventId = {
      approved: 'exemption-approve',
      denied: 'exemption-deny',
      revoked: 'exemption-revoke',
    }[decision.status];
    return auditedAction(
      this.deps.auditor,
      { eventId, meta: { requestId: id }, request: options.request },
      async () => {
        const [allowed] = await this.deps.permissions.authorize(
          [{ permission: maturityExemptionApprovePermission }],
          options,
        );
        if (allowed.result !== AuthorizeResult.ALLOW) {
          throw new NotAllowedError('You may not decide exemption requests');
        }
        const existing = await this.deps.db.exemptionRequests.get(id);
        if (!existing) throw new NotFoundError(`No exemption request ${id}`);
        const decided = await this.deps.db.exemptionRequests.decide(id, {
          ...decision,
          by: principalOf(options.credentials),
          now: this.now(),
        });
        if (decision.status !== 'denied') await this.rescore(decided.entityRef);
        return decided;
      },
    );
  }

  // The waiver applies (or stops applying) now, not at the next refresh.
  private async rescore(entityRef: string) {
    try {
      await this.deps.refresh.refreshOne(entityRef);
    } catch (error) {
      // Being scored right now, or a source down: the next refresh applies it.
      await this.deps.db.queue
        .markDue([entityRef], new Date(0))
        .catch(() => {});
      this.deps.logger.info(
        `Exemption decision for ${entityRef} applies at the next scoring: ${
          (error as Error).message
        }`,
      );
    }
  }
}
