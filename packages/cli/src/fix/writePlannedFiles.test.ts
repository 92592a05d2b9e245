import type { GeneratedFile } from '@roadmap/plugin-maturity-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writePlannedFiles } from './writePlannedFiles';

const file = (
  p: string,
  action: GeneratedFile['action'],
  content = 'new\n',
): GeneratedFile => ({
  path: p,
  content,
  action,
  checkId: 'docs.codeowners',
  description: 'test',
});

describe('writePlannedFiles', () => {
  let dir: string;
  let outside: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-write-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-outside-'));
    fs.writeFileSync(path.join(dir, 'ci.yml'), 'on: push\n');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const listing = () => fs.readdirSync(dir, { recursive: true }).sort();

  it('creates new files and applies planned edits to unchanged ones', async () => {
    const written = await writePlannedFiles({
      dir,
      files: [
        file('docs/a/index.md', 'create'),
        file('ci.yml', 'update', 'on: push\njobs: {}\n'),
      ],
      originals: new Map([['ci.yml', 'on: push\n']]),
    });
    expect(written).toEqual(['docs/a/index.md', 'ci.yml']);
    expect(fs.readFileSync(path.join(dir, 'docs/a/index.md'), 'utf8')).toBe(
      'new\n',
    );
    expect(fs.readFileSync(path.join(dir, 'ci.yml'), 'utf8')).toBe(
      'on: push\njobs: {}\n',
    );
  });

  it('never replaces a file that exists or changed since the plan, and then writes nothing', async () => {
    const before = listing();
    await expect(
      writePlannedFiles({
        dir,
        files: [file('README.md', 'create'), file('ci.yml', 'create')],
        originals: new Map(),
      }),
    ).rejects.toThrow('ci.yml exists now; nothing was written');
    await expect(
      writePlannedFiles({
        dir,
        files: [file('README.md', 'create'), file('ci.yml', 'update')],
        originals: new Map([['ci.yml', 'on: pull_request\n']]),
      }),
    ).rejects.toThrow('ci.yml changed since the plan was made');
    expect(listing()).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'ci.yml'), 'utf8')).toBe(
      'on: push\n',
    );
  });

  it('refuses paths and symlinks that lead out of the checkout', async () => {
    fs.symlinkSync(outside, path.join(dir, 'link'));
    for (const bad of ['../escape.md', '/etc/passwd', 'a\\b.md', 'link/x.md']) {
      await expect(
        writePlannedFiles({
          dir,
          files: [file(bad, 'create')],
          originals: new Map(),
        }),
      ).rejects.toThrow(/refusing to write/);
    }
    expect(fs.readdirSync(outside)).toEqual([]);
  });
});
