import { parseDocument } from 'yaml';
import type { RemediationContext } from '../RemediationGenerator';

/**
 * Sets a value in the chart's values.yaml when a template of the chart
 * reads it (`.Values.<key>`) and it is unset or empty, keeping the file's
 * comments and order. Undefined when the chart does not read that key, so
 * setting it would change nothing.
 */
export async function helmValuesChange(
  context: RemediationContext,
  keys: string[],
  value: unknown,
): Promise<{ path: string; content: string; key: string } | undefined> {
  const layout = context.profile.kubernetes;
  if (layout.kind !== 'helm') return undefined;
  const dir = layout.dir === '.' ? '' : `${layout.dir}/`;
  const templates = (await context.tree.listFiles()).filter(p =>
    p.startsWith(`${dir}templates/`),
  );
  const texts = await Promise.all(templates.map(p => context.tree.readFile(p)));
  const key = keys.find(k =>
    texts.some(
      t => t !== undefined && new RegExp(`\\.Values\\.${k}\\b`).test(t),
    ),
  );
  if (!key) return undefined;
  const path = `${dir}values.yaml`;
  const doc = parseDocument((await context.tree.readFile(path)) ?? '');
  const current = doc.toJS()?.[key];
  if (
    current !== undefined &&
    current !== null &&
    !(typeof current === 'object' && Object.keys(current).length === 0)
  )
    return undefined;
  doc.set(key, doc.createNode(value));
  return { path, content: doc.toString({ lineWidth: 0 }), key };
}
