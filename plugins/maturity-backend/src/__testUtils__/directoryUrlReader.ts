import {
  coreServices,
  createServiceFactory,
  type UrlReaderService,
  type UrlReaderServiceReadTreeOptions,
} from '@backstage/backend-plugin-api';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap(e => {
      if (e.isDirectory()) {
        return e.name === '.git'
          ? []
          : filesUnder(dir, path.posix.join(prefix, e.name));
      }
      return e.isFile() ? [path.posix.join(prefix, e.name)] : [];
    });
}

/**
 * A UrlReader for tests: `https://github.com/<org>/<repo>/...` reads the
 * folder `<root>/<repo>`, with the tree API the plugin uses and an etag that
 * changes with the files (an unchanged tree answers NotModified). Adopters'
 * backends (and the demo's) add such sources to the real UrlReader through
 * `urlReaderFactoriesServiceRef`.
 */
export function directoryUrlReader(root: string): UrlReaderService {
  return {
    async readUrl(): Promise<never> {
      throw new Error('readUrl is not used');
    },
    async search(): Promise<never> {
      throw new Error('search is not used');
    },
    async readTree(url: string, options: UrlReaderServiceReadTreeOptions = {}) {
      const repo = /^https:\/\/github\.com\/[^/]+\/([^/]+)\//.exec(url)?.[1];
      const dir = path.join(root, repo ?? '');
      if (!repo || !fs.existsSync(dir)) throw new NotFoundError(url);
      const files = filesUnder(dir)
        .map(file => ({ file, stat: fs.statSync(path.join(dir, file)) }))
        .filter(
          ({ file, stat }) =>
            !options.filter || options.filter(file, { size: stat.size }),
        );
      const hash = createHash('sha1');
      for (const { file, stat } of files)
        hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
      const etag = hash.digest('hex');
      if (options.etag === etag) throw new NotModifiedError();
      return {
        etag,
        async files() {
          return files.map(({ file }) => ({
            path: file,
            content: async () => fs.readFileSync(path.join(dir, file)),
          }));
        },
        async archive(): Promise<never> {
          throw new Error('archive is not used');
        },
        async dir(): Promise<never> {
          throw new Error('dir is not used');
        },
      };
    },
  };
}

/** The backend's UrlReader replaced by {@link directoryUrlReader}. */
export function directoryUrlReaderFactory(root: string) {
  return createServiceFactory({
    service: coreServices.urlReader,
    deps: {},
    factory: () => directoryUrlReader(root),
  });
}
