// Spreadsheet programs run cells that start with these as formulas.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: quoted when needed, and formula-like text defused, so an
 * entity title cannot run in the reader's spreadsheet.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV with CRLF line ends (RFC 4180). */
export function csvLines(rows: (string | number | null | undefined)[][]) {
  return `${rows.map(r => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
