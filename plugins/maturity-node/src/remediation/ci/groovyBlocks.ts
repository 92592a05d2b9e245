/**
 * A `name { ... }` or `name('arg') { ... }` block of a Groovy file
 * (Jenkinsfile), by character offsets of its braces.
 */
export interface GroovyBlock {
  /** The word before the block, e.g. `pipeline`, `stages`, `stage`. */
  name: string;
  /** The parenthesised argument text, e.g. `'Build'`. */
  argument?: string;
  open: number;
  close: number;
  depth: number;
}

/**
 * The blocks of a Groovy text. Strings (all four quote forms, with their
 * `${}` interpolations) and comments are skipped, so a brace inside them
 * opens nothing. Undefined when the braces do not balance: the file is not
 * something we can edit safely.
 */
export function groovyBlocks(text: string): GroovyBlock[] | undefined {
  const blocks: GroovyBlock[] = [];
  const stack: { open: number; header: string }[] = [];
  let i = 0;
  let lineStart = 0;
  const skipString = (quote: string) => {
    const triple = text.startsWith(quote.repeat(3), i);
    const end = triple ? quote.repeat(3) : quote;
    i += end.length;
    while (i < text.length) {
      if (text[i] === '\\') {
        i += 2;
        continue;
      }
      if (text.startsWith(end, i)) {
        i += end.length;
        return true;
      }
      if (!triple && text[i] === '\n') return false;
      i++;
    }
    return false;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') lineStart = i + 1;
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      if (!skipString(c)) return undefined;
      continue;
    }
    if (c === '{') {
      stack.push({ open: i, header: text.slice(lineStart, i) });
    } else if (c === '}') {
      const top = stack.pop();
      if (!top) return undefined;
      const header = /([A-Za-z_][\w]*)\s*(?:\(([^)]*)\))?\s*$/.exec(top.header);
      blocks.push({
        name: header?.[1] ?? '',
        ...(header?.[2] !== undefined ? { argument: header[2].trim() } : {}),
        open: top.open,
        close: i,
        depth: stack.length,
      });
    }
    i++;
  }
  if (stack.length > 0) return undefined;
  return blocks.sort((a, b) => a.open - b.open);
}
