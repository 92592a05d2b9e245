/**
 * A value the evaluator could not compute (a function or object it does not
 * model, such as `.Capabilities` or `semverCompare`). Distinct from
 * `undefined`, which is a value path that is simply absent.
 */
export const UNKNOWN: unique symbol = Symbol('unknown');

export type HelmValue = unknown;

/** What an expression is evaluated against. */
export interface HelmScope {
  /** `.` */
  dot: HelmValue;
  /** `$`: the chart's root context ({ Values, Release, Chart }). */
  root: HelmValue;
  /** `$name` variables in scope. */
  vars: Map<string, HelmValue>;
  /** Renders a named template to text (for `include` in a value). */
  include?: (name: string, dot: HelmValue) => string | undefined;
}

export function lookup(root: HelmValue, path: string): HelmValue {
  let value: any = root;
  for (const key of path.split('.').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[key];
  }
  return value;
}

/** Go template truthiness: false, 0, nil, empty string/collection are false. */
export function truthy(value: HelmValue): boolean {
  if (value === UNKNOWN) return false;
  if (value === undefined || value === null || value === false) return false;
  if (value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value as object).length > 0;
  return true;
}

function isPlainObject(v: HelmValue): v is Record<string, HelmValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sprig's merge: the first map wins, nested maps are merged. */
export function mergeValues(...maps: HelmValue[]): Record<string, HelmValue> {
  const out: Record<string, HelmValue> = {};
  for (const map of [...maps].reverse()) {
    if (!isPlainObject(map)) continue;
    for (const [k, v] of Object.entries(map)) {
      out[k] =
        isPlainObject(out[k]) && isPlainObject(v) ? mergeValues(v, out[k]) : v;
    }
  }
  return out;
}

/** Splits a pipeline into words, keeping strings and parentheses whole. */
function words(expression: string): string[] {
  const out: string[] = [];
  const re =
    /"(?:[^"\\]|\\.)*"|`[^`]*`|\((?:[^()"]|"(?:[^"\\]|\\.)*"|\((?:[^()]|\([^()]*\))*\))*\)|[^\s()]+/g;
  for (const m of expression.matchAll(re)) out.push(m[0]);
  return out;
}

function splitPipes(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const ch of expression) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(Boolean);
}

const num = (v: HelmValue) => (typeof v === 'number' ? v : Number(v));

function token(t: string, scope: HelmScope): HelmValue {
  if (t.startsWith('(') && t.endsWith(')'))
    return evaluateHelmExpression(t.slice(1, -1), scope);
  if (t.startsWith('"')) {
    try {
      return JSON.parse(t);
    } catch {
      return t.slice(1, -1);
    }
  }
  if (t.startsWith('`')) return t.slice(1, -1);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'nil') return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === '.') return scope.dot;
  if (t === '$') return scope.root;
  if (t.startsWith('$.')) return lookup(scope.root, t.slice(2));
  if (t.startsWith('$')) {
    const [name, ...rest] = t.split('.');
    if (!scope.vars.has(name)) return UNKNOWN;
    return rest.length
      ? lookup(scope.vars.get(name), rest.join('.'))
      : scope.vars.get(name);
  }
  if (t.startsWith('.')) {
    if (/^\.(?:Capabilities|Files|Template)\b/.test(t)) return UNKNOWN;
    const v = lookup(scope.dot, t.slice(1));
    // `.Values` inside a `with`/`range` whose dot is not the root context:
    // charts mean the chart's values there (Helm would fail), so do we.
    if (v === undefined && /^\.(?:Values|Release|Chart)\b/.test(t))
      return lookup(scope.root, t.slice(1));
    return v;
  }
  return UNKNOWN;
}

function call(fn: string, args: HelmValue[], scope: HelmScope): HelmValue {
  const known = args.every(a => a !== UNKNOWN);
  switch (fn) {
    case 'not':
      return args[0] === UNKNOWN ? UNKNOWN : !truthy(args[0]);
    case 'and': {
      for (const a of args) if (a !== UNKNOWN && !truthy(a)) return a;
      return known ? args[args.length - 1] : UNKNOWN;
    }
    case 'or': {
      for (const a of args) if (a !== UNKNOWN && truthy(a)) return a;
      return known ? args[args.length - 1] : UNKNOWN;
    }
    case 'eq':
      return known ? args.slice(1).some(a => a === args[0]) : UNKNOWN;
    case 'ne':
      return known ? args[0] !== args[1] : UNKNOWN;
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le': {
      if (!known) return UNKNOWN;
      const [a, b] = args.map(num);
      if (Number.isNaN(a) || Number.isNaN(b)) return UNKNOWN;
      if (fn === 'gt') return a > b;
      if (fn === 'ge') return a >= b;
      if (fn === 'lt') return a < b;
      return a <= b;
    }
    case 'empty':
      return args[0] === UNKNOWN ? UNKNOWN : !truthy(args[0]);
    case 'default':
      // default DEFAULT VALUE: VALUE when truthy
      if (args.length < 2) return args[0];
      return args[1] !== UNKNOWN && truthy(args[1]) ? args[1] : args[0];
    case 'coalesce':
      return (
        args.find(a => a !== UNKNOWN && truthy(a)) ??
        (known ? undefined : UNKNOWN)
      );
    case 'ternary':
      if (args[2] === UNKNOWN) return UNKNOWN;
      return truthy(args[2]) ? args[0] : args[1];
    case 'required':
      return args[1];
    case 'quote':
    case 'squote':
    case 'toString':
    case 'trim':
    case 'lower':
    case 'upper':
    case 'title':
    case 'b64enc':
    case 'toYaml':
    case 'toJson':
    case 'tpl':
      return args[0];
    case 'int':
    case 'int64':
    case 'float64':
      return args[0] === UNKNOWN ? UNKNOWN : num(args[0]);
    case 'dict': {
      const out: Record<string, HelmValue> = {};
      for (let i = 0; i + 1 < args.length; i += 2)
        out[String(args[i])] = args[i + 1];
      return out;
    }
    case 'list':
      return args;
    case 'merge':
      return mergeValues(...args);
    case 'mergeOverwrite':
      return mergeValues(...[...args].reverse());
    case 'omit': {
      if (!isPlainObject(args[0])) return args[0];
      const drop = new Set(args.slice(1).map(String));
      return Object.fromEntries(
        Object.entries(args[0]).filter(([k]) => !drop.has(k)),
      );
    }
    case 'pick': {
      if (!isPlainObject(args[0])) return args[0];
      const keep = new Set(args.slice(1).map(String));
      return Object.fromEntries(
        Object.entries(args[0]).filter(([k]) => keep.has(k)),
      );
    }
    case 'get':
      return isPlainObject(args[0]) ? args[0][String(args[1])] : UNKNOWN;
    case 'hasKey':
      return isPlainObject(args[0]) ? String(args[1]) in args[0] : UNKNOWN;
    case 'index': {
      let v: any = args[0];
      for (const k of args.slice(1))
        v = v === null || typeof v !== 'object' ? undefined : v[k as any];
      return v;
    }
    case 'printf': {
      if (typeof args[0] !== 'string') return UNKNOWN;
      let i = 1;
      return args[0].replace(/%[-+ #0-9.]*[a-zA-Z]/g, () =>
        String(args[i++] ?? ''),
      );
    }
    case 'include':
    case 'template':
      return typeof args[0] === 'string'
        ? scope.include?.(args[0], args[1]) ?? UNKNOWN
        : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/**
 * Evaluates a Go-template pipeline as charts write them in `if`, `with`,
 * `range` and `{{ }}`: value paths on `.`, `$` and `$variables`, literals,
 * the logic and comparison functions, `default`, `dict`, `merge`, `omit`,
 * `include` and the pipes charts use. Returns {@link UNKNOWN} when a part of
 * it is not modelled, so callers can tell "off" from "cannot tell".
 */
export function evaluateHelmExpression(
  expression: string,
  scope: HelmScope,
): HelmValue {
  const stages = splitPipes(expression.trim());
  if (stages.length === 0) return UNKNOWN;
  let value: HelmValue = UNKNOWN;
  stages.forEach((stage, i) => {
    const w = words(stage);
    if (w.length === 0) return;
    const [head, ...rest] = w;
    const isFunction =
      /^[a-zA-Z]\w*$/.test(head) && !['true', 'false', 'nil'].includes(head);
    if (!isFunction) {
      value = w.length === 1 ? token(head, scope) : UNKNOWN;
      return;
    }
    const args = rest.map(t => token(t, scope));
    // A piped value becomes the last argument.
    if (i > 0) args.push(value);
    if (['nindent', 'indent'].includes(head)) return; // layout only
    value = call(head, args, scope);
  });
  return value;
}

/** The `.Values...` paths an expression reads (to decide it from values files). */
export function valuePathsOf(expression: string): string[] {
  return [...expression.matchAll(/(?:^|[\s(])\$?\.Values\.([\w.]+)/g)].map(
    m => m[1],
  );
}
