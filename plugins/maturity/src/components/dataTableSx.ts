/**
 * For the `sx` of the plugin's data tables (services × pillars, the rubric).
 *
 * Cells wrap between words only: Backstage's theme gives table cells
 * `word-break: break-word`, with which a narrow column splits a header or a
 * number inside the word ("Sc|ore", "10|0"). And cells keep 8 px of padding
 * on each side instead of the theme's 20 + 16, so that a service and its six
 * pillars fit a 1280-pixel-wide screen. Element selectors, because the app
 * prefixes MUI's class names (`v5-MuiTableCell-root`).
 */
export const dataTableSx = {
  '& th, & td': { wordBreak: 'normal', px: 1 },
} as const;
