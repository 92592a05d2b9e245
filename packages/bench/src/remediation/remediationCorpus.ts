import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { FIELD_CORPUS_DIR as FIELD_CORPUS } from '../field/loadFieldCorpus';

/** One repository of the benchmark: a labelled field snapshot, or one fetched for it. */
export interface CorpusRepository {
  repo: string;
  commit?: string;
  /** Where its snapshot is on disk. */
  dir: string;
  /** Entities the label file names (name, type, annotations); derived when absent. */
  entities?: { name: string; type?: string; kubernetesId?: string }[];
}

/**
 * The repositories to run over: the field corpus of the detection benchmark
 * (packages/bench/src/field/corpus/*.yaml, snapshots under FIELD_DIR, default
 * /work/field), else every folder of REMEDIATION_CORPUS_DIR.
 */
export function remediationCorpus(): {
  repositories: CorpusRepository[];
  missing: string[];
} {
  const fieldDir = process.env.FIELD_DIR ?? '/work/field';
  const repositories: CorpusRepository[] = [];
  const missing: string[] = [];
  if (fs.existsSync(FIELD_CORPUS) && !process.env.REMEDIATION_CORPUS_DIR) {
    for (const name of fs
      .readdirSync(FIELD_CORPUS)
      .filter(n => n.endsWith('.yaml'))
      .sort()) {
      const label =
        parse(fs.readFileSync(path.join(FIELD_CORPUS, name), 'utf8')) ?? {};
      if (typeof label.repo !== 'string') continue;
      const dir = path.join(fieldDir, label.repo.replace('/', '+'));
      if (!fs.existsSync(dir)) {
        missing.push(label.repo);
        continue;
      }
      repositories.push({
        repo: label.repo,
        commit: label.commit,
        dir,
        ...(Array.isArray(label.entities) ? { entities: label.entities } : {}),
      });
    }
    return { repositories, missing };
  }
  const own = process.env.REMEDIATION_CORPUS_DIR ?? '/work/field-remediation';
  for (const name of fs.existsSync(own) ? fs.readdirSync(own).sort() : [])
    repositories.push({
      repo: name.replace('+', '/'),
      dir: path.join(own, name),
    });
  return { repositories, missing };
}
