import { Lexer, type Token, type Tokens } from 'marked';
import { isMojibakeWord, repairMojibake } from './mojibake';
import { durationDays, ESTIMATE } from './phaseDates';

/** One actionable-looking line of a roadmap document. */
export interface RoadmapLine {
  /** 1-based line of the document. */
  line: number;
  /**
   * Plain text (of the first 1,000 characters of its first line): emphasis,
   * links and code marks removed, mojibake repaired, emoji dropped; HTML is
   * kept as the characters it is written with, never interpreted.
   */
  text: string;
  /**
   * A heading, list item or table data row — the items of the document —
   * or a paragraph that gives an estimate (`**Time Estimate**: 2-3 days`),
   * read for the due date of its phase and not an item.
   */
  kind: 'heading' | 'list-item' | 'table-row' | 'estimate';
  /** Heading depth (for headings). */
  depth?: number;
  /** The headings above it, outermost first. */
  section: string[];
  /** A short paragraph right before its list, like "**Why first?**". */
  label?: string;
  /** Checked checkbox or a leading ✅. */
  done: boolean;
  /** Days an estimate says (for estimates). */
  days?: number;
}

// Emoji and the characters that build them (variation selector, joiner,
// skin tones, keycaps, flags).
const EMOJI =
  /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D\u20E3]/gu;

/**
 * Plain text of inline Markdown: `**CI/CD** (2-3 days)` → `CI/CD (2-3 days)`.
 * Bounded repetitions (links of at most 300 + 2,000 characters) keep it
 * linear on any input.
 */
export function plainText(markdown: string): string {
  return repairMojibake(markdown)
    .replace(/!\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)/g, '')
    .replace(/\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(EMOJI, '')
    .replace(/&lt;/g, '<')
    .split(/\s+/)
    .filter(word => word && !isMojibakeWord(word))
    .join(' ')
    .trim();
}

// Done: a list item checked or marked ✅ first; a heading or table row
// with a ✅ anywhere.
const LEADING = /^\s*(?:[-*+]|\d+[.)])?\s*/;
const isDone = (raw: string) => {
  const start = repairMojibake(raw.slice(0, 60));
  return (
    /^\s*(?:[-*+]|\d+[.)])\s*\[[xX]\]/.test(start) ||
    start.replace(LEADING, '').startsWith('✅')
  );
};
const hasDoneMark = (raw: string) => repairMojibake(raw).includes('✅');

// The containers a line opens: quote marks and list markers (`> - 1. x`).
// Each step is deterministic (whitespace, then a mark): linear on any line.
const CONTAINERS = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))+/;
const CONTAINER = /[ \t]*(?:>|[-*+]|\d{1,9}[.)])/g;
const MAX_CONTAINERS = 8;

/**
 * The document as Markdown for the lexer, line for line: line endings
 * normalised; `<` escaped, so that HTML is text (an HTML block would hide
 * the items inside it); indentation beyond 40 columns and more than eight
 * quotes and list markers opened on one line flattened, so that hostile
 * nesting cannot make the lexer's work or recursion grow without bound
 * (deeper items stay items, at the deepest level kept).
 */
function prepare(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/</g, '&lt;')
    .replace(/^[ \t]+/gm, indent =>
      ' '.repeat(Math.min(40, indent.replace(/\t/g, '    ').length)),
    )
    .replace(new RegExp(CONTAINERS.source, 'gm'), prefix => {
      const marks = prefix.match(CONTAINER) ?? [];
      // The outermost ones and the innermost, which makes the line an item.
      return marks.length > MAX_CONTAINERS
        ? [...marks.slice(0, MAX_CONTAINERS - 1), marks[marks.length - 1]].join(
            '',
          )
        : prefix;
    });
}

const firstLine = (raw: string) =>
  raw
    .replace(/^\n+/, '')
    .split('\n', 1)[0]
    .replace(/^[\s>]+/, '')
    .trimEnd()
    .slice(0, 40);
const spanOf = (raw: string) => raw.replace(/\n+$/, '').split('\n').length;

/**
 * Every heading, list item (nested ones too, and those in quotes) and table
 * data row of a Markdown document, with its line and the headings above
 * it — parsed by `marked`'s block lexer (inline Markdown is not needed and
 * never lexed), so code blocks and other non-items never count.
 */
export function roadmapItems(markdown: string): RoadmapLine[] {
  const src = prepare(markdown);
  const sourceLines = src
    .split('\n')
    .map(l => l.replace(/^[\s>]+/, '').slice(0, 40));
  const lines: RoadmapLine[] = [];
  const section: { depth: number; text: string }[] = [];
  const sectionTexts = () => section.map(s => s.text);
  let label: string | undefined;

  // A token's line: the next line, from `from`, that starts with the first
  // line of its raw text (the lexer removes indentation and quote marks of
  // nested content, never lines). Bounded lookahead: linear on any input.
  const locate = (raw: string, from: number, end: number) => {
    const needle = firstLine(raw);
    const last = Math.min(end, from + 500, sourceLines.length);
    for (let i = from; i < last && needle; i++) {
      if (sourceLines[i].startsWith(needle)) return i;
    }
    return Math.min(from, sourceLines.length - 1);
  };

  // One item a line: an item nested on its parent's line ("- - x") is the
  // innermost, and replaces its parent.
  const push = (line: Omit<RoadmapLine, 'section'>) => {
    const last = lines[lines.length - 1];
    if (line.line > 0 && last?.line === line.line) lines.pop();
    lines.push({ ...line, section: sectionTexts() });
  };

  function walk(tokens: Token[], from: number, end: number) {
    let cursor = from;
    for (const token of tokens) {
      if (token.type === 'space') continue;
      const at = locate(token.raw, cursor, end);
      const span = spanOf(token.raw);
      cursor = at + span;
      if (token.type === 'heading') {
        const heading = token as Tokens.Heading;
        while (
          section.length &&
          section[section.length - 1].depth >= heading.depth
        ) {
          section.pop();
        }
        const text = plainText(heading.text.slice(0, 1000));
        push({
          line: at + 1,
          text,
          kind: 'heading',
          depth: heading.depth,
          done: hasDoneMark(heading.text.slice(0, 1000)),
        });
        section.push({ depth: heading.depth, text });
        label = undefined;
      } else if (token.type === 'list') {
        walkList(token as Tokens.List, at, at + span);
        label = undefined;
      } else if (token.type === 'paragraph' || token.type === 'text') {
        paragraph((token as Tokens.Paragraph).text);
      } else if (token.type === 'table') {
        const table = token as Tokens.Table;
        // Header and separator rows come first; data rows follow, a line each.
        table.rows.forEach((row, i) => {
          push({
            line: at + 3 + i,
            text: row
              .map(c => plainText(c.text.slice(0, 1000)))
              .filter(Boolean)
              .join(' — '),
            kind: 'table-row',
            done: row.some(c => hasDoneMark(c.text.slice(0, 1000))),
          });
        });
        label = undefined;
      } else if (token.type === 'blockquote') {
        walk((token as Tokens.Blockquote).tokens, at, at + span);
      }
    }
  }

  function walkList(list: Tokens.List, from: number, end: number) {
    let cursor = from;
    for (const item of list.items) {
      const at = locate(item.raw, cursor, end);
      const span = spanOf(item.raw);
      cursor = at + span;
      const first = item.text.split('\n', 1)[0].slice(0, 1000);
      push({
        line: at + 1,
        text: plainText(first.replace(/^\[[ xX]\]\s*/, '')),
        kind: 'list-item',
        label,
        done: isDone(item.raw) || item.checked === true,
      });
      // What the item holds: nested lists, tables, quotes — from its own
      // line when one starts there ("- - x", "- > - x").
      const sameLine = item.tokens.length > 0 && item.tokens[0].type !== 'text';
      const nested = item.tokens.filter(t => t.type !== 'text');
      const saved = label;
      walk(nested, sameLine ? at : at + 1, at + span);
      label = saved;
    }
  }

  function paragraph(text: string) {
    const rows = text.split('\n', 20).map(l => plainText(l.slice(0, 200)));
    const plain = text.length <= 400 ? plainText(text) : '';
    label = plain && plain.length <= 80 ? plain : undefined;
    for (const row of rows) {
      const days = ESTIMATE.test(row) ? durationDays(row) : undefined;
      if (!days) continue;
      push({ line: 0, text: row, kind: 'estimate', done: false, days });
      // An estimate is no label of the list after it.
      label = undefined;
    }
  }

  walk(new Lexer().blockTokens(src, []), 0, sourceLines.length);
  return lines;
}
