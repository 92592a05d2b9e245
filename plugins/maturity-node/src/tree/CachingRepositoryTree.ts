import type { RepositoryTree } from './RepositoryTree';

/**
 * Wraps a tree so each file is read at most once per detection run, however
 * many detectors look at it, and counts the reads.
 *
 * @public
 */
export class CachingRepositoryTree implements RepositoryTree {
  readonly #cache = new Map<string, Promise<string | undefined>>();
  #list?: Promise<string[]>;
  reads = 0;

  constructor(private readonly inner: RepositoryTree) {}

  listFiles(): Promise<string[]> {
    this.#list ??= this.inner.listFiles();
    return this.#list;
  }

  readFile(path: string): Promise<string | undefined> {
    let cached = this.#cache.get(path);
    if (!cached) {
      this.reads += 1;
      cached = this.inner.readFile(path);
      this.#cache.set(path, cached);
    }
    return cached;
  }
}
