import type { Fact, FactValue } from '../types/Fact';
import type { Condition, FactCondition } from '../types/Check';

/**
 * A compiled condition: `true`, `false`, or `undefined` when a fact it needs
 * is missing (unknown).
 *
 * @public
 */
export type CompiledCondition = (
  facts: ReadonlyMap<string, Fact>,
) => boolean | undefined;

const OPERATORS = [
  'equals',
  'notEquals',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
  'contains',
  'matches',
] as const;

function deepEqual(a: FactValue, b: FactValue): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  )
    return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function isEmpty(value: FactValue): boolean {
  return (
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.keys(value).length === 0)
  );
}

function compileLeaf(leaf: FactCondition): CompiledCondition {
  const id = leaf.fact;
  const tests: ((v: FactValue) => boolean)[] = [];
  if ('equals' in leaf) tests.push(v => deepEqual(v, leaf.equals!));
  if ('notEquals' in leaf) tests.push(v => !deepEqual(v, leaf.notEquals!));
  if (leaf.gt !== undefined)
    tests.push(v => typeof v === 'number' && v > leaf.gt!);
  if (leaf.gte !== undefined)
    tests.push(v => typeof v === 'number' && v >= leaf.gte!);
  if (leaf.lt !== undefined)
    tests.push(v => typeof v === 'number' && v < leaf.lt!);
  if (leaf.lte !== undefined)
    tests.push(v => typeof v === 'number' && v <= leaf.lte!);
  if (leaf.exists !== undefined) tests.push(v => isEmpty(v) !== leaf.exists);
  if ('contains' in leaf) {
    tests.push(v =>
      Array.isArray(v)
        ? v.some(x => deepEqual(x, leaf.contains!))
        : typeof v === 'string' &&
          typeof leaf.contains === 'string' &&
          v.includes(leaf.contains),
    );
  }
  if (leaf.matches !== undefined) {
    const re = new RegExp(leaf.matches);
    tests.push(v => typeof v === 'string' && re.test(v));
  }
  if (tests.length === 0) {
    // `{ fact: x }` alone: the fact is truthy.
    tests.push(
      v =>
        v === true ||
        (typeof v === 'number' && v > 0) ||
        (!isEmpty(v) && v !== false && v !== 0),
    );
  }
  return facts => {
    const fact = facts.get(id);
    if (fact === undefined) return undefined;
    for (const test of tests) if (!test(fact.value)) return false;
    return true;
  };
}

/**
 * Compiles a condition into a closure, once per rubric, so evaluating an
 * entity allocates nothing but its results. Three-valued: `all` is false if
 * any part is false, else unknown if any part is unknown; `any` is true if
 * any part is true, else unknown if any is unknown; `not` keeps unknown.
 *
 * @public
 */
export function compileCondition(condition: Condition): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return facts => {
      let unknown = false;
      for (const part of parts) {
        const v = part(facts);
        if (v === false) return false;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return facts => {
      let unknown = false;
      for (const part of parts) {
        const v = part(facts);
        if (v === true) return true;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return facts => {
      const v = inner(facts);
      return v === undefined ? undefined : !v;
    };
  }
  return compileLeaf(condition);
}

/**
 * The fact ids a condition reads, in order of appearance, without repeats.
 *
 * @public
 */
export function factsOfCondition(condition: Condition): string[] {
  const ids: string[] = [];
  const walk = (c: Condition) => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if (!ids.includes(c.fact)) ids.push(c.fact);
  };
  walk(condition);
  return ids;
}

/**
 * The operator names a fact condition accepts.
 *
 * @public
 */
export const CONDITION_OPERATORS: readonly string[] = OPERATORS;
