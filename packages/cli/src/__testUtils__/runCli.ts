import fs from 'node:fs';
import path from 'node:path';
import { run } from '../index';

/** Runs the CLI in-process as `maturity ARGS`, capturing its output. */
export async function runCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(['node', 'maturity', ...args], {
    stdout: t => {
      stdout += t;
    },
    stderr: t => {
      stderr += t;
    },
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** Writes files (paths relative to `dir`), creating their folders. */
export function writeFiles(dir: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}
