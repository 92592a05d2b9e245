import fs from 'node:fs';
import path from 'node:path';
import type { RepositoryTree } from './RepositoryTree';

/**
 * Folders that never describe the service itself.
 *
 * @public
 */
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
 * Reads are synchronous on purpose: a checkout is thousands of small local
 * files, and the promise API sends every open, stat, read and close through
 * the thread pool, which costs five to six times the CPU of the blocking
 * calls (measured on 3,000 files: 270–500 ms against 40–100 ms). Each call
 * blocks only for one small file.
 *
 * @public
 */
export class FileSystemRepositoryTree implements RepositoryTree {
  readonly #root: string;
  readonly #maxFileSize: number;
  #files?: string[];

  constructor(root: string, options: { maxFileSize?: number } = {}) {
    this.#root = path.resolve(root);
    this.#maxFileSize = options.maxFileSize ?? 1_000_000;
  }

  async listFiles(): Promise<string[]> {
    if (!this.#files) {
      const files: string[] = [];
      const walk = (dir: string, rel: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const childRel = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory()) {
            if (!SKIPPED_DIRECTORIES.has(entry.name))
              walk(path.join(dir, entry.name), childRel);
          } else if (entry.isFile()) {
            files.push(childRel);
          }
        }
      };
      walk(this.#root, '');
      this.#files = files.sort();
    }
    return [...this.#files];
  }

  async readFile(relPath: string): Promise<string | undefined> {
    const abs = path.resolve(this.#root, relPath);
    if (abs !== this.#root && !abs.startsWith(this.#root + path.sep))
      return undefined;
    let fd: number | undefined;
    try {
      // O_NOFOLLOW: a symlink is not opened (it could point out of the tree).
      fd = fs.openSync(
        abs,
        fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0),
      );
      const stat = fs.fstatSync(fd);
      if (!stat.isFile() || stat.size > this.#maxFileSize) return undefined;
      const buffer = Buffer.allocUnsafe(stat.size);
      let offset = 0;
      while (offset < stat.size) {
        const n = fs.readSync(fd, buffer, offset, stat.size - offset, offset);
        if (n === 0) break;
        offset += n;
      }
      const content = buffer.subarray(0, offset);
      // A NUL byte in the first 8 KB: binary.
      if (content.subarray(0, 8192).includes(0)) return undefined;
      return content.toString('utf8');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
}
