/**
 * What a chart's workload template says about naming, in the chart's own
 * words: the expression of its `metadata.name` (e.g.
 * `{{ include "podinfo.fullname" . }}`), the lines of its
 * `spec.selector.matchLabels` (e.g. `{{- include "podinfo.selectorLabels" . | nindent 6 }}`)
 * and the `{{ if }}` that switches the whole template, if any. New objects
 * use the same words, so they name and select what Helm really renders.
 */
export interface ChartWorkloadNaming {
  name: string;
  /** Empty when the template has no `spec.selector.matchLabels`. */
  selector: string[];
  /** The opening line of a guard around the whole template, e.g. `{{- if .Values.api.enabled }}`. */
  guard?: string;
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;

/** The lines nested under the line at `index` (deeper indentation). */
function childLines(lines: string[], index: number): string[] {
  const base = indentOf(lines[index]);
  const out: string[] = [];
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const trimmed = line.trim();
    // Template lines such as `{{- include ... | nindent 6 }}` may sit at
    // any indentation; they belong to the block until a sibling key.
    if (indentOf(line) <= base && !trimmed.startsWith('{{')) break;
    if (indentOf(line) <= base && /^\{\{-?\s*(end|else)/.test(trimmed)) break;
    out.push(line);
  }
  return out;
}

function findKey(
  lines: string[],
  key: string,
  from: number,
  to: number,
  minIndent = 0,
) {
  for (let i = from; i < to; i++)
    if (
      new RegExp(`^ *${key}:(\\s|$)`).test(lines[i]) &&
      indentOf(lines[i]) >= minIndent
    )
      return i;
  return -1;
}

/** Reads the naming of the first Deployment/StatefulSet in a chart template. */
export function chartWorkloadNaming(
  text: string,
  kind: string,
): ChartWorkloadNaming | undefined {
  const lines = text.split('\n');
  const kindLine = lines.findIndex(l =>
    new RegExp(`^kind:\\s*["']?${kind}["']?\\s*$`).test(l),
  );
  if (kindLine < 0) return undefined;
  let end = lines.findIndex((l, i) => i > kindLine && /^---/.test(l));
  if (end < 0) end = lines.length;
  const start = (() => {
    for (let i = kindLine; i >= 0; i--) if (/^---/.test(lines[i])) return i + 1;
    return 0;
  })();
  const metadata = findKey(lines, 'metadata', start, end);
  if (metadata < 0 || indentOf(lines[metadata]) !== 0) return undefined;
  const meta = childLines(lines, metadata);
  const nameLine = meta.find(
    l => /^ *name:\s*\S/.test(l) && indentOf(l) === indentOf(meta[0] ?? ''),
  );
  if (!nameLine) return undefined;
  const name = nameLine.replace(/^ *name:\s*/, '').trimEnd();
  const spec = findKey(lines, 'spec', start, end);
  const selector = spec < 0 ? -1 : findKey(lines, 'selector', spec + 1, end, 1);
  const matchLabels =
    selector < 0
      ? -1
      : findKey(
          lines,
          'matchLabels',
          selector + 1,
          end,
          indentOf(lines[selector]) + 1,
        );
  // No selector (an invalid workload, but charts have them): objects that
  // only name the workload can still be written.
  const selectorLines = matchLabels < 0 ? [] : childLines(lines, matchLabels);
  const first = lines
    .slice(0, start === 0 ? kindLine : start)
    .find(l => l.trim() !== '' && !l.trim().startsWith('#'));
  const guard =
    first &&
    /^\{\{-?\s*if\s/.test(first.trim()) &&
    /\{\{-?\s*end\s*-?\}\}\s*$/.test(text.trimEnd())
      ? first.trim()
      : undefined;
  return { name, selector: selectorLines, ...(guard ? { guard } : {}) };
}

/**
 * Lines moved to another indentation: literal lines shift with the block,
 * and `indent N` / `nindent N` of template actions follow.
 */
export function reindent(lines: string[], column: number): string[] {
  const literal = lines.filter(l => !l.trim().startsWith('{{'));
  const base = Math.min(
    ...(literal.length > 0 ? literal : lines).map(indentOf),
  );
  const templated = lines.map(l => /\bn?indent\s+(\d+)/.exec(l)).find(Boolean);
  const templateBase =
    literal.length === 0 && templated ? Number(templated[1]) : base;
  return lines.map(line => {
    const shifted = line.trim().startsWith('{{')
      ? ' '.repeat(column) + line.trim()
      : ' '.repeat(Math.max(0, column + indentOf(line) - base)) + line.trim();
    return shifted.replace(
      /\b(n?indent)\s+(\d+)/g,
      (_m, fn, n) => `${fn} ${Number(n) - templateBase + column}`,
    );
  });
}
