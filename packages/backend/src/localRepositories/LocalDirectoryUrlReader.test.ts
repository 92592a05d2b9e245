import { ConfigReader } from '@backstage/config';
import { NotModifiedError } from '@backstage/errors';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalDirectoryUrlReader } from './LocalDirectoryUrlReader';

describe('LocalDirectoryUrlReader', () => {
  let dir: string;
  let reader: LocalDirectoryUrlReader;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'local-reader-'));
    await fs.mkdir(path.join(dir, 'repos/api/.github/workflows'), {
      recursive: true,
    });
    await fs.writeFile(path.join(dir, 'repos/api/README.md'), '# api\n');
    await fs.writeFile(
      path.join(dir, 'repos/api/.github/workflows/ci.yml'),
      'on: push\n',
    );
    await fs.writeFile(path.join(dir, 'secret.txt'), 'outside');
    await fs.symlink(
      path.join(dir, 'secret.txt'),
      path.join(dir, 'repos/api/link.txt'),
    );
    reader = LocalDirectoryUrlReader.fromConfig(
      new ConfigReader({
        localRepositories: [
          { urlPrefix: 'https://github.com/demo/', directory: 'repos' },
        ],
      }),
      dir,
    )!;
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('is off without config', () => {
    expect(
      LocalDirectoryUrlReader.fromConfig(new ConfigReader({})),
    ).toBeUndefined();
  });

  it('reads a tree under its prefix, GitHub tree URLs included, without symlinks', async () => {
    expect(reader.handles('https://github.com/demo/api/tree/main/')).toBe(true);
    expect(reader.handles('https://github.com/other/api/')).toBe(false);
    const tree = await reader.readTree(
      'https://github.com/demo/api/tree/main/',
    );
    const files = await tree.files();
    expect(files.map(f => f.path)).toEqual([
      '.github/workflows/ci.yml',
      'README.md',
    ]);
    expect((await files[1].content()).toString()).toBe('# api\n');
  });

  it('answers NotModified for an unchanged etag and a new etag after a change', async () => {
    const first = await reader.readTree('https://github.com/demo/api/');
    await expect(
      reader.readTree('https://github.com/demo/api/', { etag: first.etag }),
    ).rejects.toBeInstanceOf(NotModifiedError);
    await fs.writeFile(
      path.join(dir, 'repos/api/README.md'),
      '# api\n\nMore.\n',
    );
    const second = await reader.readTree('https://github.com/demo/api/', {
      etag: first.etag,
    });
    expect(second.etag).not.toBe(first.etag);
  });

  it('refuses URLs that escape the root', async () => {
    await expect(
      reader.readTree('https://github.com/demo/../'),
    ).rejects.toThrow(/outside/);
    await expect(
      reader.readUrl('https://github.com/demo/%2e%2e/secret.txt'),
    ).rejects.toThrow(/outside/);
    await expect(
      reader.readUrl('https://github.com/demo/api/link.txt'),
    ).rejects.toThrow(/outside/);
  });

  it('applies the caller filter', async () => {
    const tree = await reader.readTree('https://github.com/demo/api/', {
      filter: p => p.endsWith('.md'),
    });
    expect((await tree.files()).map(f => f.path)).toEqual(['README.md']);
  });

  it('names the bad key of a wrong prefix', () => {
    expect(() =>
      LocalDirectoryUrlReader.fromConfig(
        new ConfigReader({
          localRepositories: [{ urlPrefix: 'github.com/demo', directory: 'x' }],
        }),
      ),
    ).toThrow('localRepositories[0].urlPrefix');
  });
});
