/** One piece of a Helm template, line-based: text or a control block. */
export type HelmNode =
  | { type: 'text'; line: string; lineNumber: number }
  | { type: 'assign'; name: string; expression: string }
  | {
      type: 'if';
      branches: { condition?: string; body: HelmNode[] }[];
    }
  | {
      type: 'with' | 'range';
      expression: string;
      variables: string[];
      body: HelmNode[];
      elseBody: HelmNode[];
    }
  | { type: 'define'; name: string; body: HelmNode[] };

const CONTROL =
  /\{\{-?\s*(if|else\s+if|else|end|with|range|define|block)\b((?:[^}"]|"(?:[^"\\]|\\.)*"|\}(?!\}))*?)\s*-?\}\}/g;
const ASSIGN = /^\s*\{\{-?\s*(\$\w+)\s*:?=\s*(.*?)\s*-?\}\}\s*$/;

/**
 * Puts every block action (`if`, `else`, `end`, `with`, `range`, `define`)
 * on a line of its own, so the renderer can work line by line, except for
 * a balanced `if … else … end` inside one line of text (`key: {{ if .x }}a{{
 * else }}b{{ end }}`), which stays inline and is resolved with the line.
 */
function splitControlLines(
  template: string,
): { text: string; lineNumber: number }[] {
  const out: { text: string; lineNumber: number }[] = [];
  template.split('\n').forEach((line, index) => {
    const matches = [...line.matchAll(CONTROL)];
    const rest = line.replace(CONTROL, '').trim();
    if (matches.length === 0 || (rest === '' && matches.length === 1)) {
      out.push({ text: line, lineNumber: index + 1 });
      return;
    }
    const keywords = matches.map(m => m[1].replace(/\s+/g, ' '));
    const inlineIf =
      keywords[0] === 'if' &&
      keywords[keywords.length - 1] === 'end' &&
      rest !== '' &&
      keywords.filter(k => k === 'if' || k === 'with' || k === 'range')
        .length === keywords.filter(k => k === 'end').length;
    if (inlineIf) {
      out.push({ text: line, lineNumber: index + 1 });
      return;
    }
    let last = 0;
    const indent = /^\s*/.exec(line)![0];
    for (const m of matches) {
      const before = line.slice(last, m.index);
      if (before.trim())
        out.push({
          text: last === 0 ? before : indent + before.trim(),
          lineNumber: index + 1,
        });
      out.push({ text: m[0], lineNumber: index + 1 });
      last = m.index! + m[0].length;
    }
    const after = line.slice(last);
    if (after.trim())
      out.push({ text: indent + after.trim(), lineNumber: index + 1 });
  });
  return out;
}

/**
 * Parses a Helm template into a tree of text lines and control blocks.
 * Unbalanced blocks are closed at the end of the file rather than failing:
 * the renderer is an approximation and must never throw on a chart.
 */
export function parseHelmTemplate(template: string): HelmNode[] {
  const root: HelmNode[] = [];
  type Frame = { node?: HelmNode; body: HelmNode[] };
  const stack: Frame[] = [{ body: root }];
  const top = () => stack[stack.length - 1];
  for (const { text, lineNumber } of splitControlLines(template)) {
    const control =
      /^\s*\{\{-?\s*(if|else\s+if|else|end|with|range|define|block)\b(.*?)\s*-?\}\}\s*$/.exec(
        text,
      );
    if (!control) {
      const assign = ASSIGN.exec(text);
      if (assign)
        top().body.push({
          type: 'assign',
          name: assign[1],
          expression: assign[2],
        });
      else top().body.push({ type: 'text', line: text, lineNumber });
      continue;
    }
    const keyword = control[1].replace(/\s+/g, ' ');
    const expression = control[2].trim();
    if (keyword === 'end') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    if (keyword === 'else' || keyword === 'else if') {
      const frame = top();
      const node = frame.node;
      if (node?.type === 'if') {
        const body: HelmNode[] = [];
        node.branches.push({
          condition: keyword === 'else if' ? expression : undefined,
          body,
        });
        frame.body = body;
      } else if (node && (node.type === 'with' || node.type === 'range')) {
        frame.body = node.elseBody;
      }
      continue;
    }
    let node: HelmNode;
    if (keyword === 'if') {
      const body: HelmNode[] = [];
      node = { type: 'if', branches: [{ condition: expression, body }] };
      top().body.push(node);
      stack.push({ node, body });
      continue;
    }
    if (keyword === 'define' || keyword === 'block') {
      const name = /^"([^"]*)"/.exec(expression)?.[1] ?? '';
      node = { type: 'define', name, body: [] };
      top().body.push(node);
      stack.push({ node, body: node.body });
      continue;
    }
    const vars = /^((?:\$\w+\s*,\s*)?\$\w+)\s*:=\s*(.*)$/.exec(expression);
    node = {
      type: keyword as 'with' | 'range',
      expression: vars ? vars[2] : expression,
      variables: vars ? vars[1].split(',').map(v => v.trim()) : [],
      body: [],
      elseBody: [],
    };
    top().body.push(node);
    stack.push({ node, body: node.body });
  }
  return root;
}

/** The `define` blocks of a template file, by name. */
export function definesOf(
  nodes: HelmNode[],
  into = new Map<string, HelmNode[]>(),
): Map<string, HelmNode[]> {
  for (const node of nodes)
    if (node.type === 'define' && node.name) into.set(node.name, node.body);
  return into;
}
