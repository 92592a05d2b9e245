import { z } from 'zod';

// Enough for any review of a rubric (the default has under 100 checks),
// few enough that one request cannot ask for thousands of evaluations per
// entity.
const MAX_ENTRIES = { pillars: 20, levels: 20, facts: 200, checks: 200 };
const MAX_CONDITION_DEPTH = 16;
const MAX_PATTERN_LENGTH = 200;

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/**
 * Why a pattern from a request may not run against every entity's facts,
 * if it may not: a backreference, or a quantified group such as `(a+)+`,
 * can make a backtracking engine take exponential time (ReDoS), which a
 * dry run would repeat for every entity, twice.
 */
function unsafePattern(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `must be at most ${MAX_PATTERN_LENGTH} characters`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) {
    return 'must not use backreferences in a dry run';
  }
  if (/\)(?:[*+]|\{\d)/.test(pattern)) {
    return 'must not repeat a group (e.g. "(a+)+") in a dry run; repeat single characters or classes instead';
  }
  return undefined;
}

function inspectCondition(
  node: unknown,
  path: Path,
  depth: number,
  report: Report,
): void {
  if (depth > MAX_CONDITION_DEPTH) {
    report(path, `conditions nest at most ${MAX_CONDITION_DEPTH} deep`);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) =>
      inspectCondition(item, [...path, i], depth, report),
    );
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'matches' && typeof value === 'string') {
      const problem = unsafePattern(value);
      if (problem) report([...path, key], problem);
    } else if (key === 'all' || key === 'any' || key === 'not') {
      inspectCondition(value, [...path, key], depth + 1, report);
    }
  }
}

const entries = (name: keyof typeof MAX_ENTRIES) =>
  z
    .array(z.unknown())
    .max(
      MAX_ENTRIES[name],
      `${name} takes at most ${MAX_ENTRIES[name]} entries`,
    )
    .optional();

/**
 * The bounds of proposed rubric overrides from a request, checked before
 * the rubric loader validates their content: how many entries, how deep
 * the conditions nest (the loader's schema recurses once per level) and
 * which regular expressions may run.
 */
export const boundedRubricOverrides = z
  .object({
    pillars: entries('pillars'),
    levels: entries('levels'),
    facts: entries('facts'),
    checks: entries('checks'),
  })
  .strict()
  .superRefine((overrides, ctx) => {
    overrides.checks?.forEach((check, i) => {
      if (check && typeof check === 'object' && 'condition' in check) {
        inspectCondition(
          (check as { condition: unknown }).condition,
          ['checks', i, 'condition'],
          0,
          (path, message) => ctx.addIssue({ code: 'custom', path, message }),
        );
      }
    });
  });
