// A test helper: how the tests count a document's items, independently of
// the importer.

/**
 * The actionable items of a Markdown document, counted line by line and
 * without the importer's parser — what "every item accounted for" is
 * checked against. Outside fenced code blocks (``` or ~~~), and after any
 * quote marks (`> `):
 *
 * - every ATX heading (`#`…`######` and a space): the importer reports on
 *   every heading too — the title, a phase, a section, context;
 * - every list item line: `-`, `*`, `+`, `1.` or `1)` and whitespace, at
 *   any indentation; a checklist item (`- [ ]`, `- [x]`) is a list item and
 *   counts once, and so does a line of lists nested on it (`- - x`); a
 *   thematic break (`* * *`) is not an item;
 * - every table body row: a line starting with `|` after a table's header
 *   row and its `|---|` separator row (neither of which counts), up to the
 *   first line that does not start with `|`.
 *
 * Paragraphs ("**Time Estimate**: 2-3 days", "**Why first?**") are not
 * items: the importer reads some for estimates and labels but lists none.
 * Setext headings and indented code blocks are not recognised: the seeds
 * use neither.
 */
export function actionableLines(markdown: string): number[] {
  const lines = markdown.split(/\r\n?|\n/).map(l => l.replace(/^(\s*>)+/, ''));
  const found: number[] = [];
  let fence: string | undefined;
  let inTable = false;
  const isSeparator = (l: string | undefined) =>
    l !== undefined && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(l);
  lines.forEach((line, i) => {
    const opener = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fence) {
      if (opener === fence) fence = undefined;
      return;
    }
    if (opener) {
      fence = opener;
      return;
    }
    if (/^\s*\|/.test(line)) {
      if (inTable && !isSeparator(line)) found.push(i + 1);
      else if (!inTable && isSeparator(lines[i + 1])) inTable = true;
      return;
    }
    inTable = false;
    const thematicBreak = /^\s*([-*_])(\s*\1){2,}\s*$/.test(line);
    if (/^\s{0,3}#{1,6}\s+\S/.test(line)) found.push(i + 1);
    else if (!thematicBreak && /^\s*([-*+]|\d+[.)])\s+\S/.test(line)) {
      found.push(i + 1);
    }
  });
  return found;
}
