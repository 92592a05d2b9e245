import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseAllDocuments,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { yamlStyle, type YamlStyle } from './yamlStyle';

type Path = (string | number)[];

/** One change to a YAML text. */
export type YamlEdit =
  | { op: 'set'; path: Path; value: unknown; document?: number }
  | { op: 'append'; path: Path; value: unknown; document?: number };

const lineStartOf = (text: string, offset: number) =>
  text.lastIndexOf('\n', offset - 1) + 1;
const columnOf = (text: string, offset: number) =>
  offset - lineStartOf(text, offset);

/** The offset just after the line that holds `offset - 1`. */
function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/** Block YAML of a value, each line indented by `column` spaces. */
function block(value: unknown, column: number, style: YamlStyle): string {
  const text = stringify(value, {
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map(l => ' '.repeat(column) + l)
    .join('\n')
    .concat('\n');
}

/** Flow YAML of a value on one line, for flow collections the file already has. */
function flow(value: unknown): string {
  return stringify(value, {
    collectionStyle: 'flow',
    lineWidth: 0,
    aliasDuplicateObjects: false,
  }).trim();
}

function nest(keys: Path, value: unknown): unknown {
  return keys.reduceRight<unknown>((v, k) => ({ [k]: v }), value);
}

function firstKeyColumn(text: string, map: YAMLMap): number | undefined {
  const key = map.items[0]?.key;
  return isNode(key) && key.range ? columnOf(text, key.range[0]) : undefined;
}

function splice(text: string, start: number, end: number, insert: string) {
  return text.slice(0, start) + insert + text.slice(end);
}

function applyOne(text: string, edit: YamlEdit): string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error('not YAML');
  const doc = docs[edit.document ?? 0];
  if (!doc || doc.errors.length > 0)
    throw new Error(`document ${edit.document ?? 0} does not parse`);
  // Each document of a stream may come from another file: its own habits.
  const style = yamlStyle(text.slice(doc.range[0], doc.range[2]));

  // Walk down as far as the path exists.
  let node: Node | null | undefined = doc.contents as Node | null;
  let parentPair: Pair | undefined;
  let depth = 0;
  for (; depth < edit.path.length; depth++) {
    const key = edit.path[depth];
    if (isMap(node)) {
      const pair = node.items.find(
        p => (isScalar(p.key) ? p.key.value : p.key) === key,
      );
      if (!pair) break;
      parentPair = pair;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key] as Node;
      parentPair = undefined;
    } else break;
  }
  const rest = edit.path.slice(depth);

  if (edit.op === 'append' && rest.length === 0 && isSeq(node)) {
    const seq = node as YAMLSeq;
    if (seq.flow) {
      const close = text.lastIndexOf(']', seq.range![1]);
      const sep = seq.items.length > 0 ? ', ' : '';
      return splice(text, close, close, `${sep}${flow(edit.value)}`);
    }
    const last = seq.items[seq.items.length - 1] as Node;
    const dash = text.lastIndexOf('-', (last as Node).range![0]);
    const at = afterLine(text, last.range![1]);
    return splice(
      text,
      at,
      at,
      block([edit.value], columnOf(text, dash), style),
    );
  }
  const value = edit.op === 'append' ? [edit.value] : edit.value;

  if (rest.length === 0) {
    if (!node) {
      // `key:` with nothing after it: the value goes on the lines below.
      const key = parentPair!.key as Node;
      const at = afterLine(text, key.range![1]);
      const column = columnOf(text, key.range![0]) + style.indent;
      if (isScalar(value) || typeof value !== 'object' || value === null)
        return splice(
          text,
          key.range![1] + 1,
          key.range![1] + 1,
          ` ${flow(value)}`,
        );
      return splice(text, at, at, block(value, column, style));
    }
    if (isScalar(node) && (typeof value !== 'object' || value === null))
      return splice(text, node.range![0], node.range![1], flow(value));
    if (
      isMap(node) &&
      !node.flow &&
      value &&
      typeof value === 'object' &&
      !Array.isArray(value)
    ) {
      // Merge key by key: what is there stays as written.
      let out = text;
      for (const [k, v] of Object.entries(value))
        out = applyOne(out, {
          ...edit,
          op: 'set',
          path: [...edit.path, k],
          value: v,
        });
      return out;
    }
    if (
      isNode(node) &&
      (isMap(node) || isSeq(node)) &&
      (node as YAMLMap).flow
    ) {
      const merged =
        isMap(node) &&
        value &&
        typeof value === 'object' &&
        !Array.isArray(value)
          ? { ...(node.toJSON() as object), ...(value as object) }
          : value;
      return splice(text, node.range![0], node.range![1], flow(merged));
    }
    // A scalar (null, '', ~) or another shape where a mapping goes.
    const key = parentPair?.key as Node | undefined;
    if (!key) return splice(text, node.range![0], node.range![1], flow(value));
    const column = columnOf(text, key.range![0]) + style.indent;
    const lineEnd = afterLine(text, node.range![1]);
    return splice(
      text,
      key.range![1],
      lineEnd,
      `:\n${block(value, column, style)}`,
    );
  }

  // Part of the path is missing: add it under the deepest node that exists.
  if (isMap(node)) {
    const map = node as YAMLMap;
    if (map.flow) {
      const merged = {
        ...(map.toJSON() as object),
        ...(nest(rest, value) as object),
      };
      return splice(text, map.range![0], map.range![1], flow(merged));
    }
    const column =
      firstKeyColumn(text, map) ??
      (parentPair
        ? columnOf(text, (parentPair.key as Node).range![0]) + style.indent
        : 0);
    const at = afterLine(text, map.range![1]);
    return splice(text, at, at, block(nest(rest, value), column, style));
  }
  if (
    node === null ||
    node === undefined ||
    (isScalar(node) && (node.value === null || node.value === ''))
  ) {
    if (!parentPair) {
      // An empty document.
      return text.replace(/\s*$/, '\n') + block(nest(rest, value), 0, style);
    }
    const key = parentPair.key as Node;
    const column = columnOf(text, key.range![0]) + style.indent;
    const end =
      node && isNode(node)
        ? afterLine(text, node.range![1])
        : afterLine(text, key.range![1]);
    return splice(
      text,
      key.range![1],
      end,
      `:\n${block(nest(rest, value), column, style)}`,
    );
  }
  throw new Error(
    `cannot add ${edit.path.join('.')}: a ${
      node.constructor.name
    } is in the way`,
  );
}

/**
 * Applies edits to a YAML text the way a person would: the new keys and
 * items are written in the file's own indentation and sequence style, in
 * block style (flow style where the file already uses a flow collection);
 * every line the edits do not touch stays byte for byte as it was —
 * comments, blank lines, `---` separators, quoting, anchors.
 */
export function editYaml(text: string, edits: YamlEdit[]): string {
  return edits.reduce(applyOne, text);
}
