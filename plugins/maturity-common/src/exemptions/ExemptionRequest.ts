/**
 * Where an exemption request is: waiting for an approver, approved (it
 * applies until it expires), denied, or revoked after approval.
 *
 * @public
 */
export type ExemptionRequestStatus =
  | 'requested'
  | 'approved'
  | 'denied'
  | 'revoked';

/**
 * An exemption a service owner asked for, and what an approver decided —
 * who, when and why are kept.
 *
 * @public
 */
export interface ExemptionRequest {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  /** Last day the exemption holds, YYYY-MM-DD. */
  expires: string;
  status: ExemptionRequestStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionComment?: string;
}
