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
  /** The catalog entity, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** A fact id of the effective rubric, e.g. `repository.ci.tests`. */
  id: string;
  /** A value of the fact's declared type. */
  value: FactValue;
  /** When it was observed (ISO 8601); the time of the push when absent. */
  observedAt?: string;
  /** What it is based on (file and line, a link); at most 20. */
  evidence?: Evidence[];
}

/**
 * The body of `POST /api/maturity/facts`: facts for one or many entities,
 * all accepted or none.
 *
 * @public
 */
export interface PushFactsRequest {
  /** Where the facts come from, shown with their evidence. */
  provenance: PushedFactProvenance;
  /** How long the facts hold, in seconds from their observation; the configured default when absent. */
  ttlSeconds?: number;
  /** The facts, of at most 100 entities and 5,000 in all. */
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
  /** Each entity of the push, with its score after it. */
  entities: {
    entityRef: string;
    /** False when a refresh held the entity; it is scored again shortly. */
    rescored: boolean;
    level?: string | null;
    score?: number;
  }[];
}
