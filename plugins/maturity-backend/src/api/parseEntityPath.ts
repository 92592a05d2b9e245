import { z } from 'zod';
import { boundedText } from './boundedInputs';
import { parseInput } from './parseInput';

// Backstage's own rules are stricter (63 characters, letters, digits and
// -_. ), but catalogs may relax them; what no entity can have is refused.
const part = (name: string) =>
  boundedText(name, 253)
    .min(1, `${name} must not be empty`)
    .refine(v => !v.includes('/'), `${name} must not contain "/"`);

const schema = z.object({
  kind: part('kind'),
  namespace: part('namespace'),
  name: part('name'),
});

/** The entity ref of a `/:kind/:namespace/:name` route, validated (400 when malformed). */
export function parseEntityPath(params: unknown): string {
  const { kind, namespace, name } = parseInput(schema, params, 'entity path');
  return `${kind}:${namespace}/${name}`;
}

/** The group ref of a `/groups/:namespace/:name` route, validated likewise. */
export function parseGroupPath(params: unknown): string {
  return parseEntityPath({ kind: 'group', ...(params as object) });
}
