import fs from 'node:fs/promises';
import path from 'node:path';
import type { RepositoryTree } from './RepositoryTree';

/** Folders that never describe the service itself. */
export const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  'vendor',
  '.git',
  'dist',
  'build',
  'target',
  'out',
  '.next',
  'coverage',
  '.venv',
  'venv',
  '__pycache__',
  '.terraform',
  '.gradle',
  '.idea',
]);

/**
 * A {@link RepositoryTree} over a folder on disk. Vendored and build output
 * folders are skipped, symlinks are not followed (they could leave the
 * tree), and files over `maxFileSize` or that look binary are not read.
 *
 * @public
 */
export class FileSystemRepositoryTree implements RepositoryTree {
  readonly #root: string;
  readonly #maxFileSize: number;
  #files?: Map<string, number>;

  constructor(root: string, options: { maxFileSize?: number } = {}) {
    this.#root = path.resolve(root);
    this.#maxFileSize = options.maxFileSize ?? 1_000_000;
  }

  async listFiles(): Promise<string[]> {
    if (!this.#files) {
      const files = new Map<string, number>();
      const walk = async (dir: string, rel: string) => {
        const entries = await fs.readdir(dir, { withFileTypes: true });
        for (const entry of entries) {
          const childRel = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory()) {
            if (!SKIPPED_DIRECTORIES.has(entry.name))
              await walk(path.join(dir, entry.name), childRel);
          } else if (entry.isFile()) {
            files.set(childRel, 0);
          }
        }
      };
      await walk(this.#root, '');
      this.#files = files;
    }
    return [...this.#files.keys()].sort();
  }

  async readFile(relPath: string): Promise<string | undefined> {
    const abs = path.resolve(this.#root, relPath);
    if (abs !== this.#root && !abs.startsWith(this.#root + path.sep))
      return undefined;
    try {
      const stat = await fs.lstat(abs);
      if (!stat.isFile() || stat.size > this.#maxFileSize) return undefined;
      const buffer = await fs.readFile(abs);
      // A NUL byte in the first 8 KB: binary.
      if (buffer.subarray(0, 8192).includes(0)) return undefined;
      return buffer.toString('utf8');
    } catch {
      return undefined;
    }
  }
}
