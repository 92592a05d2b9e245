/**
 * A PromQL string literal holding `value` exactly: double-quoted with
 * backslashes, quotes and control characters escaped, so a label value can
 * never end the string and add selectors or operators.
 *
 * @public
 */
export function promqlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
