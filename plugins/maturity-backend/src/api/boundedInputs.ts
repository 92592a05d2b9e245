import { z } from 'zod';

// C0 controls, DEL and NUL: PostgreSQL refuses NUL in text ("invalid byte
// sequence"), and none belongs in a name, a filter or a search.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A single text value: bounded, without control characters. */
export function boundedText(name: string, max: number) {
  return z
    .string()
    .max(max, `${name} must be at most ${max} characters`)
    .refine(
      v => !CONTROL.test(v),
      `${name} must not contain control characters`,
    );
}

/**
 * A list parameter (`?owner=a&owner=b` or `?owner=a,b`): at most `maxItems`
 * values of at most `maxLength` characters each, without control characters.
 */
export function boundedList(name: string, maxItems: number, maxLength = 255) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform(v =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v])
            .flatMap(s => s.split(','))
            .map(s => s.trim())
            .filter(Boolean),
    )
    .pipe(
      z
        .array(boundedText(name, maxLength))
        .max(maxItems, `${name} takes at most ${maxItems} values`)
        .optional(),
    );
}

/** An integer in a query string, within bounds. */
export function boundedInteger(name: string, min: number, max: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (
        !/^-?\d+$/.test(v.trim()) ||
        !Number.isInteger(n) ||
        n < min ||
        n > max
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be an integer from ${min} to ${max}, got "${v.slice(
            0,
            40,
          )}"`,
        });
        return z.NEVER;
      }
      return n;
    });
}

// Dates every supported database stores: PostgreSQL's timestamps reach
// back to 4713 BC, SQLite's are text; the API keeps to plain years.
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59);

/** An ISO 8601 date or date-time from 1970 to 9999. */
export function boundedDate(name: string) {
  return z
    .string()
    .max(40, `${name} must be an ISO 8601 date`)
    .transform((v, ctx) => {
      const ms = /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : NaN;
      if (Number.isNaN(ms) || ms < EARLIEST || ms > LATEST) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be an ISO 8601 date from 1970 to 9999, e.g. 2026-11-01, got "${v.slice(
            0,
            40,
          )}"`,
        });
        return z.NEVER;
      }
      return new Date(ms);
    });
}
