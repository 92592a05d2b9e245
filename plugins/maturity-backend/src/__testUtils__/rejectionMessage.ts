/**
 * The message a promise rejects with ('' when it resolves). Use it instead
 * of `rejects.toThrow` for errors from better-sqlite3: its native addon
 * keeps the error class of the first test file that loaded it, so in a Jest
 * worker's later files that error is not an `Error` of the test's realm and
 * `toThrow` reports "did not throw".
 */
export async function rejectionMessage(
  promise: Promise<unknown>,
): Promise<string> {
  try {
    await promise;
    return '';
  } catch (error) {
    return String((error as Error)?.message ?? error);
  }
}
