/** The 1-based line of a character index (native scans: fast even before the JIT warms up). */
export function lineAtIndex(text: string, index: number): number {
  let line = 1;
  for (
    let i = text.indexOf('\n');
    i >= 0 && i < index;
    i = text.indexOf('\n', i + 1)
  )
    line++;
  return line;
}

/**
 * The 1-based line where `needle` first appears in `text` (its first line
 * when it spans several), or undefined.
 *
 * @public
 */
export function lineOf(
  text: string,
  needle: string,
  from = 0,
): number | undefined {
  const first = needle
    .split('\n')
    .find(l => l.trim().length > 0)
    ?.trim();
  if (!first) return undefined;
  const index = text.indexOf(first, from);
  if (index < 0) return undefined;
  return lineAtIndex(text, index);
}
