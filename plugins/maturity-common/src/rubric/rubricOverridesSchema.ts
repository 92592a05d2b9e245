import { z } from 'zod';
import type { Condition } from '../types/Check';

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'must be lower-case letters, digits, dots, dashes or underscores',
  );

const factValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(factValue),
    z.record(z.string(), factValue),
  ]),
);

const regex = z.string().refine(
  s => {
    try {
      return RegExp(s) instanceof RegExp;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid regular expression' },
);

const factCondition = z
  .object({
    fact: z.string(),
    equals: factValue.optional(),
    notEquals: factValue.optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    exists: z.boolean().optional(),
    contains: factValue.optional(),
    matches: regex.optional(),
  })
  .strict();

/**
 * The condition language as a zod schema.
 *
 * @public
 */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    factCondition,
  ]),
) as z.ZodType<Condition>;

const named = z
  .object({
    id,
    title: z.string().min(1).optional(),
    description: z.string().optional(),
  })
  .strict();

/**
 * What an adopter may change in the default rubric (`maturity.rubric` in
 * app-config.yaml, or a YAML file).
 *
 * @public
 */
export const rubricOverridesSchema = z
  .object({
    pillars: z.array(named).optional(),
    levels: z.array(named).optional(),
    facts: z
      .array(
        z
          .object({
            id: z
              .string()
              .regex(
                /^[a-z0-9-]+\.[a-z0-9._-]+$/,
                'must look like <source>.<name>',
              ),
            source: id,
            type: z
              .enum(['boolean', 'number', 'string', 'string[]', 'json'])
              .default('json'),
            description: z.string().default(''),
          })
          .strict(),
      )
      .optional(),
    checks: z
      .array(
        z
          .object({
            id,
            enabled: z.boolean().optional(),
            pillar: id.optional(),
            level: id.optional(),
            title: z.string().min(1).optional(),
            description: z.string().optional(),
            weight: z.number().min(0).max(10).optional(),
            effort: z.enum(['S', 'M', 'L']).optional(),
            appliesTo: z
              .object({
                kinds: z.array(z.string()).optional(),
                types: z.array(z.string()).optional(),
                lifecycles: z.array(z.string()).optional(),
                tags: z.array(z.string()).optional(),
              })
              .strict()
              .optional(),
            condition: conditionSchema.optional(),
            remediation: z
              .object({
                generator: z.string().optional(),
                template: z.string().optional(),
                docs: z.string().url().optional(),
              })
              .strict()
              .optional(),
            passMessage: z.string().optional(),
            failMessage: z.string().optional(),
            enabledFrom: z
              .union([z.string(), z.date()])
              .transform(v =>
                v instanceof Date ? v.toISOString().slice(0, 10) : v,
              )
              .pipe(
                z
                  .string()
                  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
              )
              .optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/**
 * Adopter changes to the rubric, as validated.
 *
 * @public
 */
export type RubricOverrides = z.infer<typeof rubricOverridesSchema>;
