import { parse } from 'yaml';
import type { RemediationContext } from '../RemediationGenerator';
import { editYaml } from '../yamlEdit/editYaml';

/** What a chart already has for a kind of object. */
export type ChartObject =
  | { kind: 'absent' }
  | {
      kind: 'toggle';
      path: string;
      content: string;
      key: string;
      template: string;
    }
  | { kind: 'present'; template: string; reason: string };

const REF = /^\.Values((?:\.[A-Za-z_][\w-]*)+)$/;

function lookup(values: any, keys: string[]): unknown {
  return keys.reduce(
    (v, k) => (v && typeof v === 'object' ? v[k] : undefined),
    values,
  );
}

/**
 * Whether the chart already has a template for `kind`. One switched off by
 * `{{ if .Values.<path> }}` (or `and` of such switches) is turned on in
 * values.yaml, edited in place; one switched by anything else, or always on,
 * is reported, so a second object is never added beside the chart's own.
 */
export async function chartObject(
  context: RemediationContext,
  chart: string,
  kind: string,
): Promise<ChartObject> {
  const dir = chart === '' ? '' : `${chart}/`;
  const kindLine = new RegExp(`^kind:\\s*["']?${kind}["']?\\s*$`, 'm');
  for (const template of (await context.tree.listFiles()).filter(
    p =>
      p.startsWith(`${dir}templates/`) &&
      !p.slice(dir.length).includes('/charts/'),
  )) {
    const text = (await context.tree.readFile(template)) ?? '';
    const at = text.search(kindLine);
    if (at < 0) continue;
    const guard = /\{\{-?\s*if\s+(.+?)\s*-?\}\}/.exec(text.slice(0, at));
    if (!guard)
      return {
        kind: 'present',
        template,
        reason: `the chart's ${template} already declares a ${kind}`,
      };
    const condition = guard[1].trim();
    const words = condition.startsWith('and ')
      ? condition.slice(4).trim().split(/\s+/)
      : [condition];
    const refs = words.map(w => REF.exec(w)?.[1]?.slice(1).split('.'));
    if (refs.some(r => !r))
      return {
        kind: 'present',
        template,
        reason: `the chart's ${template} declares a ${kind} behind \`${condition}\`; set those values to turn it on`,
      };
    const valuesPath = `${dir}values.yaml`;
    const valuesText = (await context.tree.readFile(valuesPath)) ?? '';
    let values: unknown;
    try {
      values = parse(valuesText) ?? {};
    } catch {
      return {
        kind: 'present',
        template,
        reason: `${valuesPath} does not parse`,
      };
    }
    const off = (refs as string[][]).filter(r => lookup(values, r) !== true);
    if (off.length === 0)
      return {
        kind: 'present',
        template,
        reason: `the chart's ${template} is on already`,
      };
    if (
      off.some(
        r =>
          typeof lookup(values, r) === 'object' && lookup(values, r) !== null,
      )
    )
      return {
        kind: 'present',
        template,
        reason: `the chart's ${template} declares a ${kind} behind \`${condition}\`; fill in those values to turn it on`,
      };
    const content = editYaml(
      valuesText,
      off.map(r => ({ op: 'set' as const, path: r, value: true })),
    );
    return {
      kind: 'toggle',
      path: valuesPath,
      content,
      key: off.map(r => r.join('.')).join(', '),
      template,
    };
  }
  return { kind: 'absent' };
}
