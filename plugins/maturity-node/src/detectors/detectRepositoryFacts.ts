import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  type Evidence,
  type Fact,
  type FactValue,
  REPOSITORY_CHECK_IDS,
} from '@roadmap/plugin-maturity-common';
import { CachingRepositoryTree } from '../tree/CachingRepositoryTree';
import { SKIPPED_DIRECTORIES } from '../tree/FileSystemRepositoryTree';
import type { RepositoryTree } from '../tree/RepositoryTree';
import { detectGitlabCi, isGitlabCiRoot } from './ci/gitlabCi';
import { combineSignals } from './combineSignals';
import { detectFile } from './detectFile';
import { detectHelmCharts } from './helm/detectHelmCharts';
import { repositoryFilesOf } from './RepositoryFiles';
import { Signals } from './Signals';

/**
 * The informational facts the detectors emit besides one boolean per
 * repository check.
 *
 * @public
 */
export const REPOSITORY_INFO_FACT_IDS = [
  'repository.languages',
  'repository.ci.systems',
  'repository.build-tools',
  'repository.k8s.layout',
  'repository.container.registry',
  'repository.service.port',
  'repository.infra.iac.state-locking',
] as const;

/**
 * What detection found: facts with evidence, and files it could not read.
 *
 * @public
 */
export interface RepositoryDetection {
  facts: Fact[];
  warnings: { path: string; message: string }[];
  /** Files read (each at most once). */
  filesRead: number;
  filesListed: number;
}

const MAX_EVIDENCE = 8;
const BINARY =
  /\.(?:png|jpe?g|gif|ico|svg|webp|bmp|pdf|zip|gz|tgz|bz2|xz|7z|jar|war|class|so|dylib|dll|exe|bin|woff2?|ttf|eot|otf|mp[34]|mov|avi|wasm|pyc|lock|sum)$/i;

function skipped(path: string): boolean {
  return path
    .split('/')
    .some(
      (part, i, all) => i < all.length - 1 && SKIPPED_DIRECTORIES.has(part),
    );
}

function byLocation(a: Evidence, b: Evidence): number {
  return (
    (a.path ?? '').localeCompare(b.path ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.note ?? '').localeCompare(b.note ?? '')
  );
}

/**
 * Turns a repository tree into facts: one boolean `repository.<check>` per
 * repository check of the default rubric, with evidence (path, line, what
 * was found), plus descriptive facts about the stack. Files are parsed, not
 * grepped, where a parser exists; a malformed file yields a warning and no
 * fact from that file; every file is read at most once.
 *
 * @public
 */
export async function detectRepositoryFacts(
  source: RepositoryTree,
  options: { now?: Date; logger?: LoggerService } = {},
): Promise<RepositoryDetection> {
  const tree = new CachingRepositoryTree(source);
  const signals = new Signals();
  const all = (await tree.listFiles()).filter(p => !skipped(p));
  const read = (path: string) => tree.readFile(path);
  // Detectors run in file order, but reading is I/O-bound: warm the cache
  // with bounded parallel reads first (each file is still read only once).
  const wanted = all.filter(p => !BINARY.test(p));
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(32, wanted.length) }, async () => {
      while (next < wanted.length) await read(wanted[next++]);
    }),
  );

  // Helm charts: their templates are Go templates, rendered approximately.
  const charts = await detectHelmCharts(all, read, signals);
  const inChart = (p: string) =>
    charts.some(
      c =>
        p.startsWith(`${c.prefix}templates/`) ||
        p.startsWith(`${c.prefix}charts/`),
    );

  const texts = new Map<string, string>();
  for (const p of wanted) {
    const text = await read(p);
    if (text !== undefined) texts.set(p, text);
  }
  const files = repositoryFilesOf(all, texts);

  // GitLab CI is one configuration merged from the root file and its
  // includes; read it as a whole.
  const handled = new Set<string>();
  for (const root of all.filter(isGitlabCiRoot)) {
    const text = texts.get(root);
    if (text !== undefined)
      detectGitlabCi(root, text, signals, files).forEach(p => handled.add(p));
  }
  for (const path of all) {
    if (inChart(path) || handled.has(path)) continue;
    detectFile(path, texts.get(path), files, signals);
  }

  combineSignals(signals);
  for (const w of signals.warnings)
    options.logger?.warn(`maturity detectors: ${w.path}: ${w.message}`);

  const now = (options.now ?? new Date()).toISOString();
  const fact = (
    id: string,
    value: FactValue,
    evidence: Evidence[] = [],
  ): Fact => ({
    id,
    value,
    source: 'repository',
    observedAt: now,
    evidence: evidence.sort(byLocation).slice(0, MAX_EVIDENCE),
  });
  const facts: Fact[] = REPOSITORY_CHECK_IDS.map(check => {
    const found = signals.found.get(check) ?? [];
    return found.length > 0
      ? fact(`repository.${check}`, true, [...found])
      : fact(`repository.${check}`, false, [
          ...(signals.nearMisses.get(check) ?? []),
        ]);
  });
  facts.push(fact('repository.languages', [...signals.languages].sort()));
  facts.push(fact('repository.ci.systems', [...signals.ciSystems].sort()));
  facts.push(fact('repository.build-tools', [...signals.buildTools].sort()));
  facts.push(fact('repository.k8s.layout', [...signals.k8sLayout].sort()));
  facts.push(fact('repository.container.registry', signals.registry ?? null));
  facts.push(fact('repository.service.port', signals.port ?? null));
  if (signals.stateLocking !== undefined)
    facts.push(
      fact('repository.infra.iac.state-locking', signals.stateLocking),
    );
  facts.sort((a, b) => a.id.localeCompare(b.id));
  return {
    facts,
    warnings: signals.warnings.sort((a, b) => a.path.localeCompare(b.path)),
    filesRead: tree.reads,
    filesListed: all.length,
  };
}
