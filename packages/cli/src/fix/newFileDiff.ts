/** A unified diff that creates `path` with `content`, as git prints one. */
export function newFileDiff(path: string, content: string): string {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const body = lines.map(line => `+${line}`);
  if (!content.endsWith('\n') && content.length > 0) {
    body.push('\\ No newline at end of file');
  }
  return [
    '--- /dev/null',
    `+++ b/${path}`,
    `@@ -0,0 +1,${lines.length} @@`,
    ...body,
    '',
  ].join('\n');
}
