import { stringify } from 'yaml';
import { helmLiteral } from './helmLiteral';

const indentOf = (line: string) => /^ */.exec(line)![0].length;

function block(value: unknown, column: number): string[] {
  return helmLiteral(
    stringify(value, { lineWidth: 0, aliasDuplicateObjects: false }),
  )
    .replace(/\n$/, '')
    .split('\n')
    .map(l => ' '.repeat(column) + l);
}

/**
 * Adds a key a chart's workload template does not have — in plain YAML lines
 * of the template, at the right place and indentation — when the template
 * does not read it from values either: a pod's `securityContext` before its
 * `containers:`, a container's `resources` or probes after its `image:`, the
 * `replicas` of the spec. Undefined when the template's shape is not one we
 * can edit safely (the key is there, or the lines are template actions).
 */
export function insertIntoChartTemplate(
  template: string,
  level: 'pod' | 'container' | 'spec',
  key: string,
  value: unknown,
): string | undefined {
  const lines = template.split('\n');
  const containers = lines.findIndex(l => /^ *containers:\s*$/.test(l));
  if (level === 'spec') {
    const spec = lines.findIndex(l => /^spec:\s*$/.test(l));
    if (spec < 0 || lines.some(l => new RegExp(`^ {1,4}${key}:`).test(l)))
      return undefined;
    const child = lines
      .slice(spec + 1)
      .find(l => l.trim() !== '' && !l.trim().startsWith('{{'));
    const column = child ? indentOf(child) : 2;
    if (column === 0) return undefined;
    return [
      ...lines.slice(0, spec + 1),
      ...block({ [key]: value }, column),
      ...lines.slice(spec + 1),
    ].join('\n');
  }
  if (containers < 0) return undefined;
  const pod = indentOf(lines[containers]);
  if (level === 'pod') {
    const podLines = lines.filter(l => indentOf(l) === pod && l.trim() !== '');
    if (podLines.some(l => l.trimStart().startsWith(`${key}:`)))
      return undefined;
    return [
      ...lines.slice(0, containers),
      ...block({ [key]: value }, pod),
      ...lines.slice(containers),
    ].join('\n');
  }
  // The first container: `- name: x` under `containers:`.
  const first = lines.findIndex((l, i) => i > containers && /^ *- /.test(l));
  if (first < 0 || indentOf(lines[first]) < pod) return undefined;
  const keyColumn =
    indentOf(lines[first]) + /^ *-( +)/.exec(lines[first])![1].length + 1;
  let end = first + 1;
  while (
    end < lines.length &&
    (lines[end].trim() === '' ||
      indentOf(lines[end]) >= keyColumn ||
      lines[end].trim().startsWith('{{'))
  ) {
    if (
      /^ *- /.test(lines[end]) &&
      indentOf(lines[end]) === indentOf(lines[first])
    )
      break;
    end++;
  }
  const container = lines.slice(first, end);
  if (
    container.some(
      l =>
        new RegExp(`^ *(- +)?${key}:`).test(l) &&
        indentOf(l.replace(/- +/, m => ' '.repeat(m.length))) === keyColumn,
    )
  )
    return undefined;
  const image = container.findIndex(l => /^ *(- +)?image:/.test(l));
  if (
    image < 0 ||
    /\{\{-?\s*(if|with|range)\b/.test(
      container
        .slice(0, image + 1)
        .join('\n')
        .split('\n')
        .pop() ?? '',
    )
  )
    return undefined;
  const at = first + image + 1;
  return [
    ...lines.slice(0, at),
    ...block({ [key]: value }, keyColumn),
    ...lines.slice(at),
  ].join('\n');
}
