import { stringify } from 'yaml';

type Scope = {
  active: boolean;
  dot: unknown;
  parentActive: boolean;
  taken: boolean;
};

function lookup(root: unknown, path: string): unknown {
  let value: any = root;
  for (const key of path.split('.').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[key];
  }
  return value;
}

function truthy(value: unknown): boolean {
  if (
    value === undefined ||
    value === null ||
    value === false ||
    value === 0 ||
    value === ''
  )
    return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value as object).length > 0;
  return true;
}

/**
 * Splits a Go-template pipeline into its words, keeping quoted strings and
 * parenthesised groups whole.
 */
function words(expression: string): string[] {
  const out: string[] = [];
  const re = /"(?:[^"\\]|\\.)*"|\((?:[^()]|\([^()]*\))*\)|[^\s()]+/g;
  for (const m of expression.matchAll(re)) out.push(m[0]);
  return out;
}

/**
 * A tiny evaluator for the expressions charts use in `if`/`with`: `.Values`
 * paths, `.`, literals, `not`, `and`, `or`, `eq`, `ne`, `default`, `empty`.
 * Returns undefined when it does not understand the expression.
 */
function evaluate(expression: string, values: unknown, dot: unknown): unknown {
  const w = words(expression.trim());
  if (w.length === 0) return undefined;
  const arg = (token: string): unknown => {
    if (token.startsWith('(') && token.endsWith(')'))
      return evaluate(token.slice(1, -1), values, dot);
    if (token.startsWith('"')) return token.slice(1, -1);
    if (token === 'true' || token === 'false') return token === 'true';
    if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
    if (token === '.') return dot;
    if (token.startsWith('.Values.'))
      return lookup(values, token.slice('.Values.'.length));
    if (token === '.Values') return values;
    if (token.startsWith('$.Values.'))
      return lookup(values, token.slice('$.Values.'.length));
    if (
      token.startsWith('.') &&
      !token.startsWith('.Release') &&
      !token.startsWith('.Chart') &&
      !token.startsWith('.Capabilities')
    ) {
      return lookup(dot, token.slice(1));
    }
    return undefined;
  };
  const [head, ...rest] = w;
  switch (head) {
    case 'not': {
      const v = evaluate(rest.join(' '), values, dot);
      return v === undefined ? undefined : !truthy(v);
    }
    case 'and': {
      const vs = rest.map(arg);
      if (vs.some(v => v !== undefined && !truthy(v))) return false;
      return vs.every(v => v !== undefined) ? vs[vs.length - 1] : undefined;
    }
    case 'or': {
      const vs = rest.map(arg);
      const hit = vs.find(v => v !== undefined && truthy(v));
      if (hit !== undefined) return hit;
      return vs.every(v => v !== undefined) ? false : undefined;
    }
    case 'eq':
    case 'ne': {
      const [a, b] = rest.map(arg);
      if (a === undefined || b === undefined) return undefined;
      return head === 'eq' ? a === b : a !== b;
    }
    case 'empty': {
      const v = arg(rest[0]);
      return v === undefined ? true : !truthy(v);
    }
    case 'default': {
      const v = arg(rest[1]);
      return truthy(v) ? v : arg(rest[0]);
    }
    default:
      return w.length === 1 ? arg(head) : undefined;
  }
}

function indentBlock(text: string, indent: number): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map(line => ' '.repeat(indent) + line);
}

/**
 * Renders a Helm template approximately, with the chart's default values:
 * `if`/`else`/`with` blocks are kept or dropped by evaluating their
 * condition (a condition it cannot evaluate counts as enabled), `toYaml
 * .Values.x | nindent N` inserts the values as YAML, `.Values` paths are
 * substituted, and anything else becomes a placeholder. Good enough to read
 * kinds, probes, resources, replicas and security contexts — not a Helm
 * replacement.
 *
 * @public
 */
export function renderHelmTemplate(
  template: string,
  values: unknown,
  chartName: string,
): string {
  const out: string[] = [];
  const stack: Scope[] = [
    { active: true, dot: values, parentActive: true, taken: true },
  ];
  const top = () => stack[stack.length - 1];

  for (const rawLine of template.split('\n')) {
    const control =
      /^\s*\{\{-?\s*(if|else if|else|end|with|range|define|block)\b(.*?)-?\}\}\s*$/.exec(
        rawLine,
      );
    if (control) {
      const [, keyword, expression] = control;
      const scope = top();
      if (keyword === 'end') {
        if (stack.length > 1) stack.pop();
      } else if (keyword === 'else' || keyword === 'else if') {
        let cond = true;
        if (keyword === 'else if') {
          const v = evaluate(expression, values, scope.dot);
          cond = v === undefined || truthy(v);
        }
        scope.active = scope.parentActive && !scope.taken && cond;
        scope.taken = scope.taken || cond;
      } else if (keyword === 'define' || keyword === 'block') {
        stack.push({
          active: false,
          dot: scope.dot,
          parentActive: false,
          taken: true,
        });
      } else {
        const v = evaluate(expression, values, scope.dot);
        const cond = v === undefined ? true : truthy(v);
        let dot = scope.dot;
        if (keyword === 'with' && v !== undefined) dot = v;
        else if (keyword === 'range' && Array.isArray(v)) dot = v[0];
        stack.push({
          active: scope.active && cond,
          dot,
          parentActive: scope.active,
          taken: cond,
        });
      }
      continue;
    }
    if (!top().active) continue;

    const toYaml =
      /^(\s*)(.*?)\{\{-?\s*toYaml\s+(\S+)\s*\|\s*(n?indent)\s+(\d+)\s*-?\}\}\s*$/.exec(
        rawLine,
      );
    if (toYaml) {
      const [, lead, before, source, kind, n] = toYaml;
      const value = evaluate(source, values, top().dot);
      const dumped =
        value === undefined || value === null ? '{}' : stringify(value);
      if (before.trim()) {
        out.push(`${lead}${before.trimEnd()}`);
        if (truthy(value)) out.push(...indentBlock(dumped, Number(n)));
        else out[out.length - 1] += ' {}';
      } else if (truthy(value)) {
        out.push(
          ...indentBlock(
            dumped,
            kind === 'nindent' ? Number(n) : Number(n) + lead.length,
          ),
        );
      }
      continue;
    }
    const includeOnly =
      /^(\s*)\{\{-?\s*(?:include|template)\s+"[^"]*"\s+[^|}]*\|\s*n?indent\s+(\d+)\s*-?\}\}\s*$/.exec(
        rawLine,
      );
    if (includeOnly) {
      out.push(
        `${' '.repeat(
          Number(includeOnly[2]),
        )}app.kubernetes.io/name: ${chartName}`,
      );
      continue;
    }
    out.push(
      rawLine.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (_m, expr: string) => {
        const [first, ...pipes] = expr.split('|').map(s => s.trim());
        let value = evaluate(first, values, top().dot);
        for (const pipe of pipes) {
          if (pipe.startsWith('default') && !truthy(value))
            value = evaluate(
              pipe.replace(/^default\s+/, ''),
              values,
              top().dot,
            );
        }
        if (
          /\.Release\.Name|\.Chart\.Name|include|template|fullname/.test(first)
        )
          return chartName;
        if (/\.Release\.Namespace/.test(first)) return 'default';
        if (value === undefined || value === null) return 'placeholder';
        if (typeof value === 'object') return JSON.stringify(value);
        return String(value);
      }),
    );
  }
  return out.join('\n');
}
