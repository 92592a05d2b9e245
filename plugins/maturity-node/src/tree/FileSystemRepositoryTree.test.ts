import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileSystemRepositoryTree } from './FileSystemRepositoryTree';

describe('FileSystemRepositoryTree', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-tree-'));
    const write = (file: string, content: string | Buffer) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), content);
    };
    write('README.md', '# hello\n');
    write('src/app.ts', 'export const x = 1;\n');
    write('node_modules/lib/index.js', 'module.exports = 1;\n');
    write('big.txt', 'x'.repeat(2000));
    write('logo.bin', Buffer.from([1, 0, 2, 3]));
    fs.writeFileSync(path.join(os.tmpdir(), 'maturity-outside.txt'), 'secret');
    fs.symlinkSync(
      path.join(os.tmpdir(), 'maturity-outside.txt'),
      path.join(root, 'link.txt'),
    );
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists files sorted, skipping vendored folders and symlinks', async () => {
    const tree = new FileSystemRepositoryTree(root, { maxFileSize: 1000 });
    expect(await tree.listFiles()).toEqual([
      'README.md',
      'big.txt',
      'logo.bin',
      'src/app.ts',
    ]);
  });

  it('reads text, and not large, binary, symlinked or outside files', async () => {
    const tree = new FileSystemRepositoryTree(root, { maxFileSize: 1000 });
    expect(await tree.readFile('src/app.ts')).toBe('export const x = 1;\n');
    expect(await tree.readFile('big.txt')).toBeUndefined();
    expect(await tree.readFile('logo.bin')).toBeUndefined();
    expect(await tree.readFile('link.txt')).toBeUndefined();
    expect(await tree.readFile('../maturity-outside.txt')).toBeUndefined();
    expect(await tree.readFile('missing.md')).toBeUndefined();
  });
});
