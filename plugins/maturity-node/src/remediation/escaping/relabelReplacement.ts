/**
 * A Prometheus relabelling `replacement` that yields `value` literally:
 * `$` starts a capture-group reference there, so it is doubled.
 *
 * @public
 */
export function relabelReplacement(value: string): string {
  return value.replace(/\$/g, '$$$$');
}
