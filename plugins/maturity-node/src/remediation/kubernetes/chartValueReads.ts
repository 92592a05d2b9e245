const indentOf = (line: string) => /^ */.exec(line)![0].length;
const VALUES_REF = /\.Values((?:\.[A-Za-z_][\w-]*)+)/;
const INDEX_REF = /index\s+\.Values((?:\s+"[^"]+")+)/;

function refIn(text: string): string[] | undefined {
  const index = INDEX_REF.exec(text);
  if (index) return [...index[1].matchAll(/"([^"]+)"/g)].map(m => m[1]);
  const dotted = VALUES_REF.exec(text);
  return dotted ? dotted[1].slice(1).split('.') : undefined;
}

/**
 * Where a chart's workload template reads a key from its values: the path
 * under `.Values` of the expression that fills `key:` — on the same line
 * (`replicas: {{ .Values.api.replicaCount }}`), on the lines nested under
 * it (`{{- toYaml .Values.api.resources | nindent 12 }}`), or in a `with`
 * around it (`{{- with .Values.resources }}`). Nested per-service keys and
 * `index .Values "api" "resources"` are read as such. `minIndent` and
 * `maxIndent` tell a pod's securityContext from a container's.
 */
export function chartValueRead(
  template: string,
  key: string,
  where: { minIndent?: number; maxIndent?: number } = {},
): string[] | undefined {
  const lines = template.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = new RegExp(`^( *)${key}:(.*)$`).exec(line);
    if (!m) continue;
    const indent = m[1].length;
    if (where.minIndent !== undefined && indent < where.minIndent) continue;
    if (where.maxIndent !== undefined && indent > where.maxIndent) continue;
    const same = refIn(m[2]);
    if (same) return same;
    // The nested lines (template actions may sit at any indentation).
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j];
      if (next.trim() === '') continue;
      if (indentOf(next) <= indent && !next.trim().startsWith('{{')) break;
      if (
        /^\{\{-?\s*(end|else)\b/.test(next.trim()) &&
        indentOf(next) <= indent
      )
        break;
      const nested = /^\{\{-?\s*(toYaml|include|tpl)\b/.test(next.trim())
        ? refIn(next)
        : undefined;
      if (nested) return nested;
      if (!next.trim().startsWith('{{')) break;
    }
    // `{{- with .Values.x }}` just before: `.` inside is that value.
    for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
      const before = /^\s*\{\{-?\s*with\s+(.+?)\s*-?\}\}\s*$/.exec(lines[j]);
      if (before) return refIn(before[1]);
      if (lines[j].trim() !== '') break;
    }
  }
  return undefined;
}

/** The indentation of `containers:` in a template (a pod spec's keys sit there). */
export function podSpecIndent(template: string): number | undefined {
  const line = template.split('\n').find(l => /^ *containers:\s*$/.test(l));
  return line === undefined ? undefined : indentOf(line);
}

/**
 * Where a chart reads each key of a mapping one by one — in the template or
 * a helper it includes: `runAsUser: {{ .Values.security.runAsUid | default 0 }}`
 * reads `runAsUser` from `security.runAsUid`. Undefined unless every key is
 * read so.
 */
export function chartLeafReads(
  texts: string[],
  keys: string[],
): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const key of keys) {
    const re = new RegExp(
      `^\\s*${key}:\\s*\\{\\{-?\\s*(?:default\\s+\\S+\\s+)?\\.Values((?:\\.[A-Za-z_][\\w-]*)+)`,
      'm',
    );
    const found = texts.map(t => re.exec(t)).find(Boolean);
    if (!found) return undefined;
    out[key] = found[1].slice(1).split('.');
  }
  return out;
}
