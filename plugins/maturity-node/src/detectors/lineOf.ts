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
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
