/**
 * Escapes text from entities, files and messages for Markdown, so a title
 * like `<img onerror=...>` or `a | b` renders as text, not markup.
 *
 * @public
 */
export function markdownText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[<>&]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' }[c]!))
    .replace(/([`*_[\]|#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}
