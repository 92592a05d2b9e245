import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One exemption as adopters write it (in the entity's annotation or under
 * `maturity.exemptions`): the check, a non-empty reason and the last day it
 * holds. A YAML date (which parses to a Date) is accepted as that day.
 *
 * @public
 */
export const exemptionSchema = z.object({
  check: z.string().min(1, 'needs the id of the check it waives'),
  reason: z
    .string()
    .transform(s => s.trim())
    .pipe(z.string().min(1, 'needs a non-empty reason')),
  expires: z
    .union([z.string(), z.date()])
    .transform(v => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .pipe(
      z
        .string()
        .regex(DATE, 'must be a date as YYYY-MM-DD')
        .refine(
          s => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)),
          'is not a calendar date',
        ),
    ),
  entityRef: z
    .string()
    .min(1)
    .transform(s => s.toLocaleLowerCase('en-US'))
    .optional(),
});

/**
 * Where in an exemption list something is wrong, e.g.
 * `[2].expires: must be a date as YYYY-MM-DD`.
 *
 * @public
 */
export function describeExemptionIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path
    .map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('');
  return `${where}: ${issue.message}`;
}
