import { parse } from 'yaml';
import { factsOfCondition } from '../conditions/compileCondition';
import type { Check, Rubric } from '../types/Check';
import { defaultRubric } from './defaultRubric';
import { rubricOverridesSchema } from './rubricOverridesSchema';
import {
  type RubricIssue,
  RubricValidationError,
} from './RubricValidationError';

function keyPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`,
    prefix,
  );
}

function list(values: string[]): string {
  return values.join(', ');
}

/**
 * Checks a complete rubric: unique ids, every check's pillar and level
 * exist, every fact a condition reads is known, and every check has either
 * a condition or a TypeScript evaluator. Returns the issues found.
 *
 * @public
 */
export function validateRubric(
  rubric: Rubric,
  prefix = 'rubric',
): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const pillarIds = rubric.pillars.map(p => p.id);
  const levelIds = rubric.levels.map(l => l.id);
  const factIds = new Set(rubric.facts.map(f => f.id));
  const seen = new Set<string>();
  rubric.checks.forEach((check, i) => {
    const at = `${prefix}.checks[${i}]`;
    if (seen.has(check.id))
      issues.push({
        path: `${at}.id`,
        message: `duplicate check id "${check.id}"`,
      });
    seen.add(check.id);
    if (!pillarIds.includes(check.pillar)) {
      issues.push({
        path: `${at}.pillar`,
        message: `unknown pillar "${check.pillar}"; pillars are ${list(
          pillarIds,
        )}`,
      });
    }
    if (!levelIds.includes(check.level)) {
      issues.push({
        path: `${at}.level`,
        message: `unknown level "${check.level}"; levels are ${list(levelIds)}`,
      });
    }
    if (!check.condition && !check.evaluate) {
      issues.push({
        path: `${at}.condition`,
        message: `check "${check.id}" needs a condition`,
      });
    }
    for (const fact of check.facts) {
      if (!factIds.has(fact)) {
        issues.push({
          path: `${at}.condition`,
          message: `unknown fact "${fact}"; declare it under facts, or use one of the known facts (e.g. ${[
            ...factIds,
          ]
            .slice(0, 3)
            .join(', ')}, ...)`,
        });
      }
    }
  });
  return issues;
}

/**
 * The effective rubric: the default (or `base`) with an adopter's overrides
 * applied — add checks, change a check's weight, level, pillar or condition,
 * disable checks (`enabled: false`), add or retitle levels and pillars,
 * declare extra facts. Throws a {@link RubricValidationError} naming every
 * bad key, e.g. `maturity.rubric.checks[3].level: unknown level "platinum"; levels are bronze, silver, gold`.
 *
 * @public
 */
export function loadRubric(
  options: {
    overrides?: unknown;
    path?: string;
    base?: Rubric;
    extraChecks?: Check[];
  } = {},
): Rubric {
  const prefix = options.path ?? 'maturity.rubric';
  const base = options.base ?? defaultRubric;
  const parsed = rubricOverridesSchema.safeParse(options.overrides ?? {});
  if (!parsed.success) {
    throw new RubricValidationError(
      parsed.error.issues.map(issue => ({
        path: keyPath(prefix, issue.path),
        message:
          issue.code === 'unrecognized_keys'
            ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys
                .map(k => `"${k}"`)
                .join(', ')}`
            : issue.message,
      })),
    );
  }
  const o = parsed.data;

  const merge = <T extends { id: string; title: string }>(
    items: T[],
    changes: { id: string; title?: string; description?: string }[] | undefined,
    what: string,
    issues: RubricIssue[],
  ): T[] => {
    const result = items.map(i => ({ ...i }));
    changes?.forEach((c, i) => {
      const existing = result.find(x => x.id === c.id);
      if (existing) {
        Object.assign(existing, c);
      } else if (!c.title) {
        issues.push({
          path: `${prefix}.${what}[${i}].title`,
          message: `a new ${what.slice(0, -1)} "${c.id}" needs a title`,
        });
      } else {
        result.push({ ...c } as T);
      }
    });
    return result;
  };

  const issues: RubricIssue[] = [];
  const pillars = merge(base.pillars, o.pillars, 'pillars', issues);
  const levels = merge(base.levels, o.levels, 'levels', issues);
  const facts = [...base.facts, ...(o.facts ?? [])];
  const checks: Check[] = [...base.checks, ...(options.extraChecks ?? [])].map(
    c => ({ ...c }),
  );
  const removed = new Set<string>();

  o.checks?.forEach((change, i) => {
    const at = `${prefix}.checks[${i}]`;
    const { enabled, ...fields } = change;
    const index = checks.findIndex(c => c.id === change.id);
    if (enabled === false) {
      if (index < 0)
        issues.push({
          path: `${at}.id`,
          message: `no check "${change.id}" to disable`,
        });
      removed.add(change.id);
      return;
    }
    if (index >= 0) {
      const merged: Check = { ...checks[index], ...fields } as Check;
      if (fields.condition) {
        delete merged.evaluate;
        merged.facts = factsOfCondition(fields.condition);
      }
      if (fields.remediation)
        merged.remediation = {
          ...checks[index].remediation,
          ...fields.remediation,
        };
      checks[index] = merged;
      return;
    }
    const missing = (['pillar', 'level', 'title', 'condition'] as const).filter(
      k => fields[k] === undefined,
    );
    if (missing.length > 0) {
      issues.push({
        path: at,
        message: `new check "${change.id}" needs ${missing.join(', ')}`,
      });
      return;
    }
    checks.push({
      description: '',
      weight: 5,
      effort: 'M',
      ...fields,
      facts: factsOfCondition(fields.condition!),
    } as Check);
  });

  const rubric: Rubric = {
    pillars,
    levels,
    facts,
    checks: checks.filter(c => !removed.has(c.id)),
  };
  // Point validation messages at the override that introduced a problem.
  for (const issue of validateRubric(rubric, prefix)) {
    const m = /^.*\.checks\[(\d+)\](.*)$/.exec(issue.path);
    const checkId = m ? rubric.checks[Number(m[1])].id : undefined;
    const overrideIndex = o.checks?.findIndex(c => c.id === checkId) ?? -1;
    issues.push(
      overrideIndex >= 0
        ? { ...issue, path: `${prefix}.checks[${overrideIndex}]${m![2]}` }
        : issue,
    );
  }
  if (issues.length > 0) throw new RubricValidationError(issues);
  return rubric;
}

/**
 * Reads rubric overrides from YAML text; a syntax error names the file.
 *
 * @public
 */
export function parseRubricOverridesYaml(text: string, file: string): unknown {
  try {
    return parse(text) ?? {};
  } catch (error) {
    throw new RubricValidationError([
      {
        path: file,
        message: `not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      },
    ]);
  }
}
