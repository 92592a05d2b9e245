import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  defaultRemediationValidators,
  detectRepositoryFacts,
  FileSystemRepositoryTree,
  notFirstParty,
  planRemediation,
  type RemediationPlan,
  type RemediationService,
  validateChange,
  workloadCandidates,
} from '@roadmap/plugin-maturity-node';

/** What one entity's plan did, measured. */
export interface EntityOutcome {
  entity: string;
  /** Remediable checks that failed before (planned). */
  failing: string[];
  fixed: string[];
  /** Fixed by the plan but failing after re-scoring the written copy. */
  notPassingAfter: string[];
  /** Checks that passed before and fail after. */
  worse: string[];
  skipped: { id: string; reason: string }[];
  /** Changes the plan refused because a validator failed (at plan time). */
  rejectedByValidators: number;
  /** Findings of every validator over the written copy (must be 0). */
  validatorFailures: string[];
  unvalidated: string[];
  created: number;
  edited: number;
  /** Planned changes that touch a workload that is not first-party. */
  wrongTarget: string[];
  plan: RemediationPlan;
}

async function checkResults(dir: string): Promise<Map<string, boolean>> {
  const { facts } = await detectRepositoryFacts(
    new FileSystemRepositoryTree(dir),
  );
  return new Map(
    facts
      .filter(f => typeof f.value === 'boolean')
      .map(f => [f.id.replace(/^repository\./, ''), f.value as boolean]),
  );
}

/**
 * A change aimed at someone else's workload: an edit of a document that
 * declares a database, a vendored chart's or a fixture's workload, or a new
 * object whose target or selector is one of those.
 */
async function wrongTargets(
  dir: string,
  plan: RemediationPlan,
): Promise<string[]> {
  const tree = new FileSystemRepositoryTree(dir);
  const foreign = (await workloadCandidates(tree)).filter(c =>
    notFirstParty(c),
  );
  const out: string[] = [];
  const docs = (text: string) =>
    parseAllDocuments(text).map(d => (d.errors.length ? undefined : d.toJS()));
  for (const file of plan.files) {
    const original = await tree.readFile(file.path);
    const before = original === undefined ? [] : docs(original);
    // Chart templates are judged through their chart's helpers (tests).
    const after = file.content.startsWith('{{') ? [] : docs(file.content);
    after.forEach((o: any, index) => {
      const changed = JSON.stringify(o) !== JSON.stringify(before[index]);
      if (!changed) return;
      for (const w of foreign.filter(
        c => c.path === file.path && c.document === index,
      ))
        out.push(
          `${file.path}: edits ${w.kind} ${w.name} (${notFirstParty(w)})`,
        );
      if (
        ![
          'HorizontalPodAutoscaler',
          'PodDisruptionBudget',
          'PodMonitor',
          'ServiceMonitor',
        ].includes(o?.kind)
      )
        return;
      const targetName = o.spec?.scaleTargetRef?.name;
      const selector = o.spec?.selector?.matchLabels;
      for (const w of foreign) {
        const selected =
          selector &&
          Object.keys(selector).length > 0 &&
          Object.entries(selector).every(([k, v]) => w.labels[k] === v);
        if ((targetName && targetName === w.name) || selected)
          out.push(
            `${file.path}: ${o.kind} aims at ${w.kind} ${
              w.name
            } (${notFirstParty(w)})`,
          );
      }
    });
  }
  return out;
}

/**
 * Plans every remediable failing check of one entity, writes the plan into
 * a copy of the repository, re-scores the copy and runs every validator
 * over it.
 */
export async function benchEntity(
  dir: string,
  service: RemediationService,
): Promise<EntityOutcome> {
  const before = await checkResults(dir);
  const plan = await planRemediation({
    tree: new FileSystemRepositoryTree(dir),
    service,
  });
  const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-remediation-'));
  try {
    await fs.cp(dir, copy, { recursive: true });
    for (const file of plan.files) {
      const target = path.join(copy, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.content);
    }
    const after = await checkResults(copy);
    const validation = await validateChange(defaultRemediationValidators(), {
      before: new FileSystemRepositoryTree(dir),
      after: new FileSystemRepositoryTree(copy),
      changed: plan.files.map(f => f.path),
    });
    const skipped = plan.skipped.filter(s => s.reason !== 'already passes');
    return {
      entity: service.name,
      failing: [...plan.checks.map(c => c.id), ...skipped.map(s => s.id)],
      fixed: plan.checks.map(c => c.id),
      notPassingAfter: plan.checks
        .filter(c => after.get(c.id) !== true)
        .map(c => c.id),
      worse: [...before]
        .filter(([id, ok]) => ok && after.get(id) === false)
        .map(([id]) => id),
      skipped,
      rejectedByValidators: skipped.filter(s =>
        /^the generated change fails /.test(s.reason),
      ).length,
      validatorFailures: validation.findings.map(
        f => `${f.path}: ${f.validator}: ${f.message}`,
      ),
      unvalidated: [...new Set([...plan.unvalidated, ...validation.notRun])],
      created: plan.files.filter(f => f.action === 'create').length,
      edited: plan.files.filter(f => f.action === 'update').length,
      wrongTarget: await wrongTargets(dir, plan),
      plan,
    };
  } finally {
    await fs.rm(copy, { recursive: true, force: true });
  }
}
