/**
 * A repository's files, as detectors see them: a list of paths and a way to
 * read one. The CLI reads a checkout on disk; the backend reads what
 * Backstage's UrlReader returned.
 *
 * @public
 */
export interface RepositoryTree {
  /** Repository-relative paths with forward slashes, files only. */
  listFiles(): Promise<string[]>;
  /** The file as UTF-8 text; undefined when it is missing, binary or too large. */
  readFile(path: string): Promise<string | undefined>;
}
