import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { programAvailable, runProgram } from './externalProgram';

/** Whether Debian's `promtool` (package `prometheus`) is installed. */
export const promtoolAvailable = () => programAvailable('promtool');

/**
 * `promtool check rules` over rule groups: undefined when Prometheus would
 * load them, else its message.
 */
export async function promtoolProblem(
  groups: unknown,
): Promise<string | undefined> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'maturity-promtool-'));
  try {
    const file = path.join(dir, 'rules.yaml');
    await fs.writeFile(file, stringify({ groups }, { lineWidth: 0 }));
    const result = await runProgram('promtool', ['check', 'rules', file]);
    return result.code === 0
      ? undefined
      : `${result.stdout}${result.stderr}`.replace(/\s+/g, ' ').trim();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
