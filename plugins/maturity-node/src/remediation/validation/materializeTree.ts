import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RepositoryTree } from '../../tree/RepositoryTree';

/**
 * Writes the files of a tree under `under` ('' for all) into a new temporary
 * folder, for tools that read a directory (kubectl kustomize). The caller
 * removes it.
 */
export async function materializeTree(
  tree: RepositoryTree,
  under: string,
): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'maturity-tree-'));
  const scope = under === '' || under === '.' ? '' : `${under}/`;
  for (const file of await tree.listFiles()) {
    if (!file.startsWith(scope)) continue;
    const text = await tree.readFile(file);
    if (text === undefined) continue;
    const target = path.join(dir, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, text);
  }
  return dir;
}
