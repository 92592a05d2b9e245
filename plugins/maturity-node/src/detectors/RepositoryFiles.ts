/**
 * Synchronous access to the files detection already read, for detectors
 * that follow references from one file to another (a CI step calling a
 * script, a GitLab include, a composite action). Paths are repository-
 * relative with forward slashes.
 */
export interface RepositoryFiles {
  /** Every listed path, sorted. */
  readonly paths: readonly string[];
  /** The text of a file, or undefined when it is missing or unreadable. */
  text(path: string): string | undefined;
}

/** RepositoryFiles over a map of texts. */
export function repositoryFilesOf(
  paths: readonly string[],
  texts: Map<string, string>,
): RepositoryFiles {
  return { paths, text: path => texts.get(path) };
}

/** Joins a relative path onto a folder, resolving `.` and `..`. */
export function joinRepositoryPath(dir: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${dir}/${relative}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}
