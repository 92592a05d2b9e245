/**
 * For a table's `sx`: cells wrap between words only. Backstage's theme gives
 * table cells `word-break: break-word`, with which a narrow column splits a
 * header or a number inside the word ("Sc|ore", "10|0"). Element selectors,
 * because the app prefixes MUI's class names (`v5-MuiTableCell-root`).
 */
export const wholeWordsTableSx = {
  '& th, & td': { wordBreak: 'normal' },
} as const;
