import { InputError } from '@backstage/errors';
import type { z } from 'zod';

/**
 * Validates request input with a zod schema; on failure throws an
 * InputError (a 400) that names the parameter and says what is wrong, e.g.
 * `Invalid score query: limit: must be an integer from 1 to 500, got "0"`.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const allowed =
      'shape' in schema ? Object.keys((schema as any).shape).join(', ') : '';
    throw new InputError(
      `Invalid ${what}: unknown parameter ${issue.keys
        .map(k => `"${k}"`)
        .join(', ')}${allowed ? `; allowed are ${allowed}` : ''}`,
    );
  }
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new InputError(`Invalid ${what}: ${where}${issue.message}`);
}
