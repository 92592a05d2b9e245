import { spawn, spawnSync } from 'node:child_process';

const found = new Map<string, boolean>();

/** Whether a program answers on PATH (cached: PATH does not change under us). */
export function programAvailable(program: string, args = ['--version']) {
  if (!found.has(program)) {
    const result = spawnSync(program, args, { stdio: 'ignore' });
    found.set(program, !result.error && result.status === 0);
  }
  return found.get(program)!;
}

/**
 * Runs a program with `input` on stdin and returns its exit code and output.
 * A timeout ends it: a validator must never hang a plan.
 */
export function runProgram(
  program: string,
  args: string[],
  options: { input?: string; cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = setTimeout(
      () => child.kill('SIGKILL'),
      options.timeoutMs ?? 60_000,
    );
    timer.unref();
    child.stdout.on('data', chunk => stdout.push(chunk));
    child.stderr.on('data', chunk => stderr.push(chunk));
    child.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', code => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
    child.stdin.on('error', () => {
      // The program may exit before reading all of its input.
    });
    child.stdin.end(options.input ?? '');
  });
}
