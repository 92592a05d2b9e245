import type {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadTreeResponseFile,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import type { ReaderFactory } from '@backstage/backend-defaults/urlReader';
import type { Config } from '@backstage/config';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** One configured mapping from a URL prefix to a local folder. */
export interface LocalRoot {
  urlPrefix: string;
  directory: string;
}

/**
 * Demo only: serves repository URLs under configured prefixes from local
 * folders, e.g. the demo's `https://github.com/roadmap-demo/<name>/` from
 * `examples/repos/<name>/`, so that every plugin reading repositories through
 * the backend's UrlReader (the maturity plugin, the scaffolder) reads the
 * example repositories without a GitHub token. Enabled only by
 * `localRepositories`; a URL that resolves outside its folder (`..`,
 * symlinks) is refused.
 */
export class LocalDirectoryUrlReader implements UrlReaderService {
  /**
   * For `urlReaderFactoriesServiceRef`: one reader for all configured roots,
   * asked before the integrations' readers for the URLs under its prefixes.
   */
  static factory: ReaderFactory = ({ config }) => {
    const reader = LocalDirectoryUrlReader.fromConfig(config);
    return reader
      ? [{ reader, predicate: url => reader.handles(url.toString()) }]
      : [];
  };

  static fromConfig(
    config: Config,
    baseDir = process.cwd(),
  ): LocalDirectoryUrlReader | undefined {
    const roots = config.getOptionalConfigArray('localRepositories');
    if (!roots || roots.length === 0) return undefined;
    return new LocalDirectoryUrlReader(
      roots.map((root, index) => {
        const urlPrefix = root.getString('urlPrefix');
        if (!/^https?:\/\/[^/]+\/.*\/$/.test(urlPrefix)) {
          throw new InputError(
            `localRepositories[${index}].urlPrefix: "${urlPrefix}" must be an http(s) URL ending with "/"`,
          );
        }
        return {
          urlPrefix,
          directory: path.resolve(baseDir, root.getString('directory')),
        };
      }),
    );
  }

  constructor(private readonly roots: LocalRoot[]) {}

  /** Whether this reader serves the URL (otherwise ask the core reader). */
  handles(url: string): boolean {
    return this.roots.some(r => url.startsWith(r.urlPrefix));
  }

  async readUrl(url: string): Promise<UrlReaderServiceReadUrlResponse> {
    const file = await this.resolve(url);
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) throw new NotFoundError(`${url} is not a file`);
    return {
      buffer: () => fs.readFile(file),
      etag: `${stat.size}-${stat.mtimeMs}`,
      lastModifiedAt: stat.mtime,
    } as UrlReaderServiceReadUrlResponse;
  }

  async readTree(
    url: string,
    options: UrlReaderServiceReadTreeOptions = {},
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const root = await this.resolve(url.replace(/\/tree\/[^/]+\/?/, '/'));
    const stat = await fs.stat(root).catch(() => undefined);
    if (!stat?.isDirectory())
      throw new NotFoundError(`${url} is not a directory`);

    const entries: { rel: string; abs: string; size: number; mtime: Date }[] =
      [];
    const walk = async (dir: string) => {
      for (const dirent of await fs.readdir(dir, { withFileTypes: true })) {
        const abs = path.join(dir, dirent.name);
        const rel = path.relative(root, abs).split(path.sep).join('/');
        if (dirent.isDirectory()) {
          if (dirent.name !== '.git') await walk(abs);
        } else if (dirent.isFile()) {
          const s = await fs.stat(abs);
          if (!options.filter || options.filter(rel, { size: s.size })) {
            entries.push({ rel, abs, size: s.size, mtime: s.mtime });
          }
        }
        // Symlinks are skipped: they could point outside the root.
      }
    };
    await walk(root);
    entries.sort((a, b) => a.rel.localeCompare(b.rel));

    const hash = createHash('sha1');
    for (const e of entries)
      hash.update(`${e.rel}\0${e.size}\0${e.mtime.getTime()}\n`);
    const etag = hash.digest('hex');
    if (options.etag && options.etag === etag) {
      throw new NotModifiedError();
    }

    const files: UrlReaderServiceReadTreeResponseFile[] = entries.map(e => ({
      path: e.rel,
      content: () => fs.readFile(e.abs),
      lastModifiedAt: e.mtime,
    }));
    return {
      etag,
      files: async () => files,
      archive: async () => {
        throw new NotAllowedError(
          'LocalDirectoryUrlReader does not produce archives',
        );
      },
      dir: async dirOptions => {
        const target =
          dirOptions?.targetDir ??
          (await fs.mkdtemp(path.join(os.tmpdir(), 'maturity-local-')));
        for (const e of entries) {
          await fs.mkdir(path.dirname(path.join(target, e.rel)), {
            recursive: true,
          });
          await fs.copyFile(e.abs, path.join(target, e.rel));
        }
        return target;
      },
    };
  }

  async search(): Promise<UrlReaderServiceSearchResponse> {
    throw new NotAllowedError(
      'LocalDirectoryUrlReader does not support search',
    );
  }

  private async resolve(url: string): Promise<string> {
    const root = this.roots.find(r => url.startsWith(r.urlPrefix));
    if (!root)
      throw new NotAllowedError(`${url} is not under a configured local root`);
    const rest = decodeURIComponent(
      url.slice(root.urlPrefix.length).split(/[?#]/)[0],
    );
    const target = path.resolve(root.directory, rest);
    const base = await fs.realpath(root.directory).catch(() => root.directory);
    const real = await fs.realpath(target).catch(() => target);
    if (real !== base && !real.startsWith(base + path.sep)) {
      throw new NotAllowedError(`${url} resolves outside ${root.urlPrefix}`);
    }
    return real;
  }
}
