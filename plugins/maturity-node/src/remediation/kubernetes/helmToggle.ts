import { parseDocument } from 'yaml';
import type { RemediationContext } from '../RemediationGenerator';

/**
 * When the chart already has a template for `kind` that is switched off by
 * a `{{ if .Values.<path>.enabled }}` guard, the change that turns it on in
 * values.yaml (comments and order kept); otherwise undefined.
 */
export async function helmToggle(
  context: RemediationContext,
  kind: string,
): Promise<{ path: string; content: string; key: string } | undefined> {
  const layout = context.profile.kubernetes;
  if (layout.kind !== 'helm') return undefined;
  const dir = layout.dir === '.' ? '' : `${layout.dir}/`;
  const kindLine = new RegExp(`^kind:\\s*${kind}\\s*$`, 'm');
  for (const path of (await context.tree.listFiles()).filter(p =>
    p.startsWith(`${dir}templates/`),
  )) {
    const text = (await context.tree.readFile(path)) ?? '';
    const guard =
      /\{\{-?\s*if\s+\.Values\.([A-Za-z0-9_.]+)\.enabled\s*-?\}\}/.exec(text);
    if (!guard || !kindLine.test(text)) continue;
    const valuesPath = `${dir}values.yaml`;
    const doc = parseDocument((await context.tree.readFile(valuesPath)) ?? '');
    if (doc.errors.length > 0) return undefined;
    const keys = [...guard[1].split('.'), 'enabled'];
    if (doc.getIn(keys) === true) continue;
    doc.setIn(keys, true);
    return {
      path: valuesPath,
      content: doc.toString({ lineWidth: 0 }),
      key: keys.join('.'),
    };
  }
  return undefined;
}
