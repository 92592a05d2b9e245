import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_CHECK_IDS } from '@roadmap/plugin-maturity-common';
import { parse } from 'yaml';

/** A human label of one repository check, decided from the files. */
export interface FieldLabel {
  label: 'pass' | 'fail' | 'ambiguous';
  /** Why, in the words of the written rule in docs/rubric.md. */
  reason: string;
  /** Repository paths that meet the rule (passes only). */
  evidence: string[];
}

/** One labelled snapshot of a real public repository. */
export interface FieldRepository {
  /** owner/name on GitHub. */
  repo: string;
  /** The commit whose tree was labelled. */
  commit: string;
  /** Why it is in the corpus. */
  why: string;
  /** Folder of its checkout below the field directory: owner+name. */
  folder: string;
  /** One label per repository check id. */
  labels: Record<string, FieldLabel>;
}

/** Where the label files live (one YAML per repository). */
// Benchmarks run from the repository root (`yarn bench:field` does).
export const FIELD_CORPUS_DIR = path.resolve(
  process.cwd(),
  'packages/bench/src/field/corpus',
);

/** Where checkout.sh writes the snapshots unless told otherwise. */
export const DEFAULT_FIELD_DIR = '/work/field';

/**
 * Loads the labelled corpus: every `corpus/*.yaml`, checked to name a
 * repository, a commit and a label for each of the repository checks of the
 * default rubric (so a later benchmark can rely on all of them being there).
 */
export function loadFieldCorpus(
  corpusDir = FIELD_CORPUS_DIR,
): FieldRepository[] {
  return fs
    .readdirSync(corpusDir)
    .filter(name => name.endsWith('.yaml'))
    .sort()
    .map(name => {
      const file = path.join(corpusDir, name);
      const doc = parse(
        fs.readFileSync(file, 'utf8'),
      ) as Partial<FieldRepository>;
      if (
        typeof doc?.repo !== 'string' ||
        !/^[0-9a-f]{40}$/.test(String(doc.commit))
      )
        throw new Error(`${file}: needs repo and a 40-hex commit`);
      const labels = (doc.labels ?? {}) as Record<string, FieldLabel>;
      for (const id of REPOSITORY_CHECK_IDS) {
        const l = labels[id];
        if (!l || !['pass', 'fail', 'ambiguous'].includes(l.label))
          throw new Error(`${file}: no label for ${id}`);
        l.evidence = l.evidence ?? [];
        if (l.label === 'pass' && l.evidence.length === 0)
          throw new Error(`${file}: ${id} passes without evidence paths`);
      }
      return {
        repo: doc.repo,
        commit: String(doc.commit),
        why: String(doc.why ?? ''),
        folder: doc.repo.replace('/', '+'),
        labels,
      };
    });
}
