import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../UsageError';

const execFileAsync = promisify(execFile);

/** A local directory to score, and how to clean it up afterwards. */
export interface ResolvedSource {
  /** Absolute path of the tree to score. */
  dir: string;
  /** Shown in reports: the path or URL the user gave. */
  label: string;
  /** Removes a temporary clone; a no-op for local paths. */
  cleanup(): Promise<void>;
}

const GIT_URL = /^(?:https?:\/\/|ssh:\/\/|git:\/\/|file:\/\/|git@[^:]+:)/;

/**
 * Whether the argument names a git repository rather than a local folder:
 * URLs with a scheme, scp-like `git@host:org/repo`, and local bare
 * repositories (`*.git` folders).
 */
export async function isGitSource(source: string): Promise<boolean> {
  if (GIT_URL.test(source)) return true;
  if (!source.endsWith('.git')) return false;
  const stat = await fs.stat(source).catch(() => undefined);
  if (!stat?.isDirectory()) return false;
  // A bare repository has HEAD and objects/ at its top level.
  const head = await fs.stat(path.join(source, 'HEAD')).catch(() => undefined);
  return Boolean(head?.isFile());
}

/**
 * Turns the CLI's `[PATH|GIT-URL]` argument into a directory on disk. Git
 * sources are shallow-cloned into a temporary folder with `git` run directly
 * (no shell), so nothing in the URL is ever interpreted as a command.
 */
export async function resolveSource(
  source: string,
  options: { onProgress?: (message: string) => void } = {},
): Promise<ResolvedSource> {
  if (await isGitSource(source)) {
    if (source.startsWith('-')) {
      throw new UsageError(`not a repository URL: ${source}`);
    }
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'maturity-clone-'));
    const dir = path.join(tmp, 'repo');
    options.onProgress?.(`cloning ${source}`);
    try {
      await execFileAsync(
        'git',
        ['clone', '--quiet', '--depth', '1', '--', source, dir],
        { env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      );
    } catch (error) {
      await fs.rm(tmp, { recursive: true, force: true });
      const detail = String((error as { stderr?: string }).stderr ?? error)
        .trim()
        .split('\n')
        .pop();
      throw new UsageError(`could not clone ${source}: ${detail}`);
    }
    return {
      dir,
      label: source,
      cleanup: () => fs.rm(tmp, { recursive: true, force: true }),
    };
  }

  const dir = path.resolve(source);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat) {
    throw new UsageError(`no such file or directory: ${source}`);
  }
  if (!stat.isDirectory()) {
    throw new UsageError(`not a directory: ${source}`);
  }
  return { dir, label: source, cleanup: async () => {} };
}
