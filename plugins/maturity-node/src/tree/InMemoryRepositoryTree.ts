import type { RepositoryTree } from './RepositoryTree';

/**
 * A {@link RepositoryTree} over file contents held in memory (tests, and the
 * backend's UrlReader results).
 *
 * @public
 */
export class InMemoryRepositoryTree implements RepositoryTree {
  constructor(private readonly files: Record<string, string>) {}

  async listFiles(): Promise<string[]> {
    return Object.keys(this.files).sort();
  }

  async readFile(path: string): Promise<string | undefined> {
    return Object.prototype.hasOwnProperty.call(this.files, path)
      ? this.files[path]
      : undefined;
  }
}
