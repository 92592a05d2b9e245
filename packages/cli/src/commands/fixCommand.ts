import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  CachingRepositoryTree,
  FileSystemRepositoryTree,
  planRemediation,
  remediationServiceOf,
  repositoryCheckFor,
  type RemediationService,
} from '@roadmap/plugin-maturity-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadEntity } from '../entity/loadEntity';
import type { FixReport, FixStanding } from '../fix/FixReport';
import { formatFixReport } from '../fix/formatFixReport';
import { newFileDiff } from '../fix/newFileDiff';
import { writePlannedFiles } from '../fix/writePlannedFiles';
import { loadCliRubric } from '../rubric/loadCliRubric';
import { type CheckoutScore, scoreCheckout } from '../scoring/scoreCheckout';
import { isGitSource } from '../source/resolveSource';
import { UsageError } from '../UsageError';

/** Options of `maturity fix`. */
export interface FixOptions {
  checks?: string;
  write: boolean;
  format: 'table' | 'json';
  rubric?: string;
  config?: string;
  entity?: string;
  color: boolean;
  progress: (message: string) => void;
}

const standingOf = ({ score }: CheckoutScore): FixStanding => ({
  level: score.level,
  score: score.score,
});

const statusesOf = ({ score }: CheckoutScore) =>
  new Map(score.results.map(r => [r.checkId, r.status]));

/**
 * `maturity fix [PATH] --checks ID,…`: plans, with the scaffolder actions'
 * generators, the files that close failing checks of a local checkout;
 * prints them with their diffs, and with `--write` writes them (never over
 * a file it did not plan to edit) and re-scores. Returns the exit code: 0
 * when every planned check is closed (or, without `--write`, when every
 * named check has a plan), 1 when a named check cannot be fixed here or a
 * re-score finds a planned check still failing.
 */
export async function fixCommand(
  target: string,
  options: FixOptions,
  write: (text: string) => void,
): Promise<number> {
  const rubricService = loadCliRubric({
    config: options.config,
    rubric: options.rubric,
  });
  const rubric = rubricService.getRubric();
  const requested = options.checks
    ?.split(',')
    .map(id => id.trim())
    .filter(Boolean);
  if (options.checks !== undefined && requested?.length === 0) {
    throw new UsageError('--checks needs check ids, e.g. --checks ci.tests');
  }
  for (const id of requested ?? []) {
    if (!rubric.checks.some(c => c.id === id)) {
      throw new UsageError(
        `--checks: "${id}" is not a check of the rubric; its checks are ${rubric.checks
          .map(c => c.id)
          .join(', ')}`,
      );
    }
  }
  if (await isGitSource(target)) {
    throw new UsageError(
      `fix writes into a local checkout; clone ${target} and run maturity fix in it`,
    );
  }
  const dir = path.resolve(target);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new UsageError(`${target} is not a folder`);
  }

  const { entity, file } = await loadEntity({
    entityFile: options.entity,
    treeDir: dir,
  });
  if (!entity) {
    options.progress(
      `no catalog-info.yaml or --entity: planning for a service named "${path.basename(
        dir,
      )}"`,
    );
  }
  const service: RemediationService = entity
    ? remediationServiceOf(entity)
    : { name: path.basename(dir), kind: 'Component', type: 'service' };
  const score = () =>
    scoreCheckout({ dir, entity, entityFile: file, rubric: rubricService });

  const before = await score();
  options.progress(`planning fixes in ${target}`);
  const started = Date.now();
  const tree = new CachingRepositoryTree(new FileSystemRepositoryTree(dir));
  const plan = await planRemediation({
    tree,
    service,
    rubric,
    checkIds: requested && [...new Set(requested.map(repositoryCheckFor))],
  });
  options.progress(
    `planned ${plan.files.length} files for ${plan.checks.length} checks in ${
      Date.now() - started
    } ms`,
  );
  // What the plan read from the files it edits, so a write can tell that
  // nothing changed them since (the cache holds the plan's reads).
  const originals = new Map<string, string>();
  for (const f of plan.files.filter(x => x.action === 'update')) {
    originals.set(f.path, (await tree.readFile(f.path)) ?? '');
  }

  const report: FixReport = {
    source: target,
    entityRef: entity ? stringifyEntityRef(entity) : undefined,
    checks: plan.checks,
    skipped: plan.skipped,
    files: plan.files.map(f => ({
      path: f.path,
      action: f.action,
      checkId: f.checkId,
      description: f.description,
      diff: f.diff ?? newFileDiff(f.path, f.content),
    })),
    unvalidated: plan.unvalidated,
    written: false,
    before: standingOf(before),
  };
  if (options.write && plan.files.length > 0) {
    await writePlannedFiles({ dir, files: plan.files, originals });
    report.written = true;
    options.progress(`wrote ${plan.files.length} files; scoring again`);
    const after = await score();
    const was = statusesOf(before);
    const now = statusesOf(after);
    report.after = {
      ...standingOf(after),
      closed: plan.checks
        .map(c => c.id)
        .filter(id => was.get(id) !== 'pass' && now.get(id) === 'pass'),
      stillOpen: plan.checks
        .map(c => c.id)
        .filter(id => now.get(id) === 'fail'),
    };
  }

  write(
    options.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : formatFixReport(report, { color: options.color }),
  );
  const notFixed = plan.skipped.filter(s => s.reason !== 'already passes');
  if (requested && notFixed.length > 0) return 1;
  if (report.after && report.after.stillOpen.length > 0) return 1;
  return 0;
}
