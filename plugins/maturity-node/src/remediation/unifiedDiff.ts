import { createTwoFilesPatch } from 'diff';

/** A unified diff of one file (git's `a/` and `b/` prefixes, three lines of context). */
export function unifiedDiff(
  path: string,
  before: string,
  after: string,
): string {
  return createTwoFilesPatch(
    `a/${path}`,
    `b/${path}`,
    before,
    after,
    undefined,
    undefined,
    {
      context: 3,
    },
  );
}
