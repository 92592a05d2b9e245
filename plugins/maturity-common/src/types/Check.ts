import type { Entity } from '@backstage/catalog-model';
import type { Evidence, Fact, FactValue } from './Fact';

/**
 * The outcome of one check for one entity.
 *
 * @public
 */
export type CheckStatus =
  | 'pass'
  | 'fail'
  | 'unknown'
  | 'exempt'
  | 'not-applicable'
  | 'upcoming';

/**
 * Rough effort to close a check's gap: small (an hour), medium (a day),
 * large (a sprint). Small, heavy checks are quick wins.
 *
 * @public
 */
export type Effort = 'S' | 'M' | 'L';

/**
 * Which entities a check is about. Each list matches any of its values;
 * every given list must match. Without `appliesTo` a check applies to all.
 *
 * @public
 */
export interface AppliesTo {
  kinds?: string[];
  types?: string[];
  lifecycles?: string[];
  tags?: string[];
}

/**
 * Where a service owner finds the fix for a failing check.
 *
 * @public
 */
export interface Remediation {
  /** Id of the remediation generator that writes the missing files. */
  generator?: string;
  /** Scaffolder template that opens a pull request with the fix. */
  template?: string;
  /** Documentation on why and how. */
  docs?: string;
}

/**
 * A condition adopters write in YAML over facts. Leaves read one fact with
 * one operator; `all` / `any` / `not` combine them. A leaf whose fact is
 * missing is `unknown`, and unknown propagates (three-valued logic).
 *
 * @public
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | FactCondition;

/**
 * One fact compared with one operator.
 *
 * @public
 */
export interface FactCondition {
  fact: string;
  equals?: FactValue;
  notEquals?: FactValue;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  /** `true`: the value is not null, not empty. `false`: it is. */
  exists?: boolean;
  /** The value (array or string) contains this. */
  contains?: FactValue;
  /** The string value matches this regular expression. */
  matches?: string;
}

/**
 * What a check written in TypeScript decides.
 *
 * @public
 */
export interface CheckOutcome {
  status: 'pass' | 'fail' | 'unknown';
  message?: string;
  evidence?: Evidence[];
}

/**
 * A check written in TypeScript: reads facts by id, returns an outcome.
 *
 * @public
 */
export type CheckEvaluator = (
  facts: ReadonlyMap<string, Fact>,
  entity: Entity | undefined,
) => CheckOutcome;

/**
 * One item of the roadmap, observed from facts.
 *
 * @public
 */
export interface Check {
  /** Stable id, e.g. `ci.tests`. */
  id: string;
  pillar: string;
  level: string;
  title: string;
  /** Why it matters, written for the service owner. */
  description: string;
  /** Relative importance within the rubric, 1–10. */
  weight: number;
  effort: Effort;
  appliesTo?: AppliesTo;
  /** YAML-style condition; either this or `evaluate`. */
  condition?: Condition;
  /** TypeScript check; either this or `condition`. Not serialised. */
  evaluate?: CheckEvaluator;
  /** Fact ids the check reads (derived from `condition`, declared for `evaluate`). */
  facts: string[];
  remediation?: Remediation;
  /** Message when the check passes; defaults to the title. */
  passMessage?: string;
  /** Message when the check fails. */
  failMessage?: string;
  /**
   * First day the check counts (YYYY-MM-DD): before it, the check is
   * `upcoming` — shown with its verdict-to-be, left out of score and level —
   * so teams get a grace period to prepare.
   */
  enabledFrom?: string;
}

/**
 * A pillar of the rubric, e.g. Observability.
 *
 * @public
 */
export interface Pillar {
  id: string;
  title: string;
  description?: string;
}

/**
 * A maturity level, e.g. Silver. Levels are ordered, lowest first.
 *
 * @public
 */
export interface Level {
  id: string;
  title: string;
  description?: string;
}

/**
 * A fact the rubric knows about: its id, source and value type.
 *
 * @public
 */
export interface FactDescriptor {
  id: string;
  source: string;
  type: 'boolean' | 'number' | 'string' | 'string[]' | 'json';
  description: string;
}

/**
 * Pillars × ordered levels × checks.
 *
 * @public
 */
export interface Rubric {
  pillars: Pillar[];
  levels: Level[];
  checks: Check[];
  /** The facts checks may read. */
  facts: FactDescriptor[];
}
