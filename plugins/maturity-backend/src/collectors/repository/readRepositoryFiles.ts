import type { UrlReaderService } from '@backstage/backend-plugin-api';

// Vendored and generated folders never say anything about the service.
const SKIPPED =
  /(^|\/)(node_modules|vendor|\.git|dist|build|target|out|\.next|coverage)\//;

/**
 * The text files of a repository tree read through Backstage's UrlReader
 * (so every integration works), without vendored or generated folders and
 * files over `maxFileSize`. Throws NotModifiedError when `etag` matches.
 */
export async function readRepositoryFiles(
  urlReader: UrlReaderService,
  location: string,
  options: { etag?: string; signal?: AbortSignal; maxFileSize?: number } = {},
): Promise<{ files: Record<string, string>; etag: string }> {
  const maxFileSize = options.maxFileSize ?? 1_000_000;
  const tree = await urlReader.readTree(location, {
    etag: options.etag,
    signal: options.signal as any,
    filter: (path, info) =>
      !SKIPPED.test(path) && (info?.size ?? 0) <= maxFileSize,
  });
  const files: Record<string, string> = {};
  for (const file of await tree.files()) {
    files[file.path] = (await file.content()).toString('utf8');
  }
  return { files, etag: tree.etag };
}
