import type { Evidence, FactValue } from '../types/Fact';

/**
 * Where pushed facts came from: the tool that observed them, and the commit
 * and pipeline run they were observed at. Shown with the evidence.
 *
 * @public
 */
export interface PushedFactProvenance {
  /** The pushing tool, e.g. `maturity-cli` or `github-actions`. */
  source: string;
  /** The commit the facts were observed at. */
  commit?: string;
  /** The pipeline run that pushed them. */
  runUrl?: string;
}

/**
 * One fact about one entity, as pushed to `POST /api/maturity/facts`. The
 * id must be a fact of the effective rubric (the default fact catalog or
 * one the adopter declared) and the value of its type.
 *
 * @public
 */
export interface PushedFactInput {
  entityRef: string;
  id: string;
  value: FactValue;
  /** When it was observed (ISO 8601); the time of the push when absent. */
  observedAt?: string;
  evidence?: Evidence[];
}

/**
 * The body of `POST /api/maturity/facts`: facts for one or many entities,
 * all accepted or none.
 *
 * @public
 */
export interface PushFactsRequest {
  provenance: PushedFactProvenance;
  /** How long the facts hold, in seconds from their observation; the configured default when absent. */
  ttlSeconds?: number;
  facts: PushedFactInput[];
}

/**
 * The answer to a push: what was stored, what was older than what is
 * stored (and so ignored), and the entities scored again.
 *
 * @public
 */
export interface PushFactsResponse {
  /** Facts stored. */
  accepted: number;
  /** Facts ignored because a newer observation of them is stored. */
  ignoredAsOlder: number;
  /** When the stored facts stop counting (ISO 8601), earliest first per entity. */
  expiresAt: string;
  entities: {
    entityRef: string;
    /** False when a refresh held the entity; it is scored again shortly. */
    rescored: boolean;
    level?: string | null;
    score?: number;
  }[];
}
