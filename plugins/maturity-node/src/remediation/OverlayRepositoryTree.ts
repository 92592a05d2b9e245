import type { RepositoryTree } from '../tree/RepositoryTree';

/**
 * A repository tree with planned changes laid over it: what the repository
 * would look like after the pull request. Nothing is written anywhere.
 *
 * @public
 */
export class OverlayRepositoryTree implements RepositoryTree {
  readonly #base: RepositoryTree;
  readonly #changes = new Map<string, string>();

  constructor(base: RepositoryTree) {
    this.#base = base;
  }

  /** Sets a file's planned content. */
  write(path: string, content: string): void {
    this.#changes.set(path, content);
  }

  async listFiles(): Promise<string[]> {
    const files = new Set(await this.#base.listFiles());
    for (const path of this.#changes.keys()) files.add(path);
    return [...files].sort();
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.#changes.has(path)
      ? this.#changes.get(path)
      : this.#base.readFile(path);
  }
}
