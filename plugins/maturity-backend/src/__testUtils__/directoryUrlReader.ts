import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';

function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap(e =>
      e.isDirectory()
        ? filesUnder(dir, path.posix.join(prefix, e.name))
        : [path.posix.join(prefix, e.name)],
    );
}

/**
 * A UrlReader for tests: `https://github.com/<org>/<repo>/tree/<ref>/`
 * reads the folder `<root>/<repo>`, with the tree API the plugin uses.
 */
export function directoryUrlReaderFactory(root: string) {
  return createServiceFactory({
    service: coreServices.urlReader,
    deps: {},
    factory: () =>
      ({
        async readUrl(): Promise<never> {
          throw new Error('readUrl is not used');
        },
        async search(): Promise<never> {
          throw new Error('search is not used');
        },
        async readTree(url: string) {
          const repo = /^https:\/\/github\.com\/[^/]+\/([^/]+)\//.exec(
            url,
          )?.[1];
          const dir = path.join(root, repo ?? '');
          if (!repo || !fs.existsSync(dir))
            throw new Error(`not found: ${url}`);
          return {
            etag: 'test',
            async files() {
              return filesUnder(dir).map(file => ({
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
      } as any),
  });
}
