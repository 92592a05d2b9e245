import { marked, type Token, type Tokens } from 'marked';

/** One actionable-looking line of a roadmap document. */
export interface RoadmapLine {
  /** 1-based line of the document. */
  line: number;
  /** Plain text: emphasis, links and code marks removed. */
  text: string;
  kind: 'heading' | 'list-item' | 'table-row';
  /** Heading depth (for headings). */
  depth?: number;
  /** The headings above it, outermost first. */
  section: string[];
  /** A short paragraph right before its list, like "**Why first?**". */
  label?: string;
  /** Checked checkbox or a leading ✅. */
  done: boolean;
}

// Mojibake: UTF-8 emoji read in another encoding (`ğŸš€`, `‚≠ê`, `âœ…`,
// `üéØ`). A word made only of such characters is dropped; real words in
// other scripts are kept.
const MOJIBAKE_CHAR =
  /[\u0080-\u00bf\u0152-\u0178\u02c6-\u02dc\u2013-\u2122\u2260]/;
function isMojibake(word: string): boolean {
  if (/[\x00-\x7f]/.test(word)) return false;
  return MOJIBAKE_CHAR.test(word) || /^[\u00c0-\u00ff]{2,}$/.test(word);
}

/** Plain text of inline Markdown: `**CI/CD** (2-3 days)` → `CI/CD (2-3 days)`. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]{0,200}>/g, '')
    .replace(/[*_`~]+/g, '')
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{FE0F}\u{2B50}]/gu, '')
    .split(/\s+/)
    .filter(word => word && !isMojibake(word))
    .join(' ')
    .trim();
}

const isDone = (raw: string) =>
  /^\s*(?:[-*+]|\d+[.)])\s*\[[xX]\]/.test(raw) ||
  /^\s*(?:[-*+]|\d+[.)])?\s*✅/.test(raw) ||
  /âœ…/.test(raw.slice(0, 12));

/**
 * Every heading, list item (nested ones too) and table data row of a
 * Markdown document, with its line and the headings above it — parsed by
 * `marked`'s lexer, so code blocks and other non-items never count.
 */
export function roadmapItems(markdown: string): RoadmapLine[] {
  const lines: RoadmapLine[] = [];
  const section: { depth: number; text: string }[] = [];
  const lineAt = (offset: number) => {
    let n = 1;
    for (let i = 0; i < offset && i < markdown.length; i++) {
      if (markdown.charCodeAt(i) === 10) n++;
    }
    return n;
  };
  const sectionTexts = () => section.map(s => s.text);

  let label: string | undefined;
  const walkList = (list: Tokens.List, start: number) => {
    let offset = start;
    for (const item of list.items) {
      const at = markdown.indexOf(item.raw.trimStart().slice(0, 20), offset);
      const itemStart = at >= 0 ? at : offset;
      const first = item.text.split('\n')[0];
      const text = plainText(first.replace(/^\[[ xX]\]\s*/, ''));
      if (text) {
        lines.push({
          line: lineAt(itemStart),
          text,
          kind: 'list-item',
          section: sectionTexts(),
          label,
          done: isDone(item.raw) || item.checked === true,
        });
      }
      let inner = itemStart;
      for (const child of item.tokens) {
        if (child.type === 'list') {
          const childAt = markdown.indexOf(
            child.raw.trimStart().slice(0, 20),
            inner,
          );
          walkList(child as Tokens.List, childAt >= 0 ? childAt : inner);
        }
        inner += 0;
      }
      offset = itemStart + item.raw.length;
    }
  };

  let offset = 0;
  for (const token of marked.lexer(markdown) as Token[]) {
    const start = markdown.indexOf(token.raw, offset);
    const at = start >= 0 ? start : offset;
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      while (
        section.length &&
        section[section.length - 1].depth >= heading.depth
      ) {
        section.pop();
      }
      const text = plainText(heading.text);
      lines.push({
        line: lineAt(at),
        text,
        kind: 'heading',
        depth: heading.depth,
        section: sectionTexts(),
        done: /✅|âœ…/.test(heading.raw),
      });
      section.push({ depth: heading.depth, text });
      label = undefined;
    } else if (token.type === 'list') {
      walkList(token as Tokens.List, at);
      label = undefined;
    } else if (token.type === 'paragraph') {
      const text = plainText((token as Tokens.Paragraph).text);
      label = text.length <= 80 ? text : undefined;
    } else if (token.type === 'table') {
      const table = token as Tokens.Table;
      // Header and separator rows come first.
      const first = lineAt(at) + 2;
      table.rows.forEach((row, i) => {
        const text = plainText(row.map(c => c.text).join(' — '));
        if (text) {
          lines.push({
            line: first + i,
            text,
            kind: 'table-row',
            section: sectionTexts(),
            done: /✅|âœ…/.test(row.map(c => c.text).join(' ')),
          });
        }
      });
    }
    offset = at + token.raw.length;
  }
  return lines;
}
