import type { GeneratedFile } from '@roadmap/plugin-maturity-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../UsageError';

/** A planned file that cannot be written as planned. */
export class WriteRefusedError extends UsageError {}

/** `file` inside `root` (both absolute), refusing anything that would leave it. */
function inside(root: string, file: string): string {
  const target = path.resolve(root, file);
  if (
    path.isAbsolute(file) ||
    file.includes('\\') ||
    !target.startsWith(`${root}${path.sep}`)
  ) {
    throw new WriteRefusedError(
      `refusing to write "${file}": it is not a path inside ${root}`,
    );
  }
  return target;
}

/** Its real parent folder must be inside the checkout too (no symlinked way out). */
async function parentInside(realRoot: string, target: string) {
  let dir = path.dirname(target);
  // The nearest folder that exists: the rest is created below it.
  for (;;) {
    const real = await fs.realpath(dir).catch(() => undefined);
    if (real !== undefined) {
      if (real !== realRoot && !real.startsWith(`${realRoot}${path.sep}`)) {
        throw new WriteRefusedError(
          `refusing to write ${target}: ${dir} leads outside the checkout`,
        );
      }
      return;
    }
    dir = path.dirname(dir);
  }
}

/**
 * Writes a plan into the checkout it was made from, all or nothing as far
 * as a file system allows: every file is checked before any is written. A
 * new file is created only where nothing exists (and exclusively, so a file
 * that appears meanwhile is not replaced); an existing file gets only the
 * planned in-place edit, and only while it still holds exactly what the plan
 * was made from. Nothing is deleted.
 */
export async function writePlannedFiles(options: {
  dir: string;
  files: GeneratedFile[];
  /** What the plan read from each file it changes. */
  originals: ReadonlyMap<string, string>;
}): Promise<string[]> {
  const root = path.resolve(options.dir);
  const realRoot = await fs.realpath(root);
  const targets = options.files.map(file => ({
    file,
    target: inside(root, file.path),
  }));
  for (const { file, target } of targets) {
    await parentInside(realRoot, target);
    const current = await fs.readFile(target, 'utf8').catch(error => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    });
    if (file.action === 'create' && current !== undefined) {
      throw new WriteRefusedError(
        `${file.path} exists now; nothing was written (run maturity fix again to plan around it)`,
      );
    }
    if (
      file.action === 'update' &&
      (current === undefined || current !== options.originals.get(file.path))
    ) {
      throw new WriteRefusedError(
        `${file.path} changed since the plan was made; nothing was written (run maturity fix again)`,
      );
    }
  }
  for (const { file, target } of targets) {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content, {
      encoding: 'utf8',
      flag: file.action === 'create' ? 'wx' : 'w',
    });
  }
  return targets.map(t => t.file.path);
}
