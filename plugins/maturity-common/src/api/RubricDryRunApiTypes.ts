import type { z } from 'zod';
import type { rubricOverridesSchema } from '../rubric/rubricOverridesSchema';

/**
 * `POST /rubric/dry-run` body: proposed rubric overrides, in the same shape
 * adopters write under `maturity.rubric` (change a check's level or weight,
 * disable or enable a check, add a check with a condition, add levels,
 * pillars or facts). They apply on top of the effective rubric.
 *
 * @public
 */
export type RubricDryRunRequest = z.input<typeof rubricOverridesSchema>;

/**
 * One entity whose level the proposed overrides would change.
 *
 * @public
 */
export interface RubricDryRunChange {
  entityRef: string;
  kind: string;
  name: string;
  title?: string;
  /** Entity ref of the owner, e.g. `group:default/payments`. */
  owner?: string;
  /** Level under the effective rubric; null below the first level. */
  before: string | null;
  /** Level under the proposed rubric; null below the first level. */
  after: string | null;
}

/**
 * `POST /rubric/dry-run`: what the proposed overrides would do to the
 * levels of the services the caller may see, computed from the stored last
 * good facts. Nothing is written.
 *
 * @public
 */
export interface RubricDryRunResponse {
  /** The proposed rubric's levels, lowest first (the counts' keys, with `none`). */
  levels: { id: string; title: string }[];
  /** Entities evaluated: every scored entity the caller may see. */
  evaluated: number;
  /** Entities per level under the effective rubric; `none` below the first level. */
  before: Record<string, number>;
  /** Entities per level under the proposed rubric; `none` below the first level. */
  after: Record<string, number>;
  /** How many entities would change level. */
  changedCount: number;
  /** The first of them (at most 500), by entity ref. */
  changed: RubricDryRunChange[];
}
