import {
  type AppliesTo,
  defaultRubric,
  type Fact,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import { detectRepositoryFacts } from '../detectors/detectRepositoryFacts';
import { CachingRepositoryTree } from '../tree/CachingRepositoryTree';
import type { RepositoryTree } from '../tree/RepositoryTree';
import { remediationGenerators } from './generators/remediationGenerators';
import { OverlayRepositoryTree } from './OverlayRepositoryTree';
import { pullRequestText } from './pullRequestText';
import type {
  GeneratedFile,
  RemediationGenerator,
  RemediationService,
} from './RemediationGenerator';
import { repositoryProfile } from './RepositoryProfile';
import { unifiedDiff } from './unifiedDiff';
import { defaultRemediationValidators } from './validation/defaultRemediationValidators';
import type { RemediationValidator } from './validation/RemediationValidator';
import { validateChange } from './validation/validateChange';

/**
 * The files that close a service's gaps, and the pull request that proposes
 * them.
 *
 * @public
 */
export interface RemediationPlan {
  /** Checks the files fix (verified by re-running the detectors). */
  checks: { id: string; title: string; docs?: string }[];
  /** Requested checks not fixed, with the reason. */
  skipped: { id: string; reason: string }[];
  files: GeneratedFile[];
  pullRequest: { title: string; body: string };
  /**
   * Validators that could not run where the plan was made (their program is
   * not installed), with the reason; the files they would have checked are
   * still offered, and the pull request says so.
   */
  unvalidated: string[];
}

function applies(
  appliesTo: AppliesTo | undefined,
  service: RemediationService,
) {
  if (!appliesTo || !service.kind) return true;
  const kindOk =
    !appliesTo.kinds ||
    appliesTo.kinds.some(k => k.toLowerCase() === service.kind!.toLowerCase());
  const typeOk =
    !appliesTo.types || !service.type || appliesTo.types.includes(service.type);
  return kindOk && typeOk;
}

async function factsOf(tree: RepositoryTree): Promise<Map<string, Fact>> {
  const { facts } = await detectRepositoryFacts(tree);
  return new Map(facts.map(f => [f.id, f]));
}

const FOUNDATIONS = ['infra.container', 'infra.k8s'];

const passes = (facts: ReadonlyMap<string, Fact>, checkId: string) =>
  facts.get(`repository.${checkId}`)?.value === true;

/**
 * Plans the files that make a repository's failing checks pass. Generators
 * run in rubric order over an overlay of the repository, so a later one
 * sees what an earlier one added (a Dockerfile before the image scan, a
 * Deployment before its autoscaler), and after each the detectors run again:
 * a check counts as fixed only when the detectors say it passes, and a file
 * that would not fix its check is dropped. Existing files are changed only
 * by generators that edit them in place; none is deleted.
 *
 * @public
 */
export async function planRemediation(options: {
  tree: RepositoryTree;
  service: RemediationService;
  /** Repository checks to fix; default: every failing one with a generator. */
  checkIds?: string[];
  /**
   * The effective rubric (from `maturityRubricServiceRef`): only its checks
   * are planned, with its titles, docs and applicability. Default: the
   * default rubric.
   */
  rubric?: Rubric;
  generators?: RemediationGenerator[];
  /**
   * Run on every generator's files before they are offered: a change that
   * fails one is skipped with the finding. Default:
   * `defaultRemediationValidators()`.
   */
  validators?: RemediationValidator[];
}): Promise<RemediationPlan> {
  const validators = options.validators ?? defaultRemediationValidators();
  const unvalidated = new Set<string>();
  const checks = (options.rubric ?? defaultRubric).checks;
  const generators = options.generators ?? remediationGenerators();
  const byCheck = new Map(generators.map(g => [g.checkId, g]));
  const checkById = new Map(checks.map(c => [c.id, c]));
  // The detectors run again after every generator: read each file of the
  // checkout once, not once per run.
  const base = new CachingRepositoryTree(options.tree);
  const overlay = new OverlayRepositoryTree(base);
  const initial = await factsOf(overlay);
  let facts: ReadonlyMap<string, Fact> = initial;

  const skipped: RemediationPlan['skipped'] = [];
  const fixed: RemediationPlan['checks'] = [];
  const files = new Map<string, GeneratedFile>();
  const requested = options.checkIds
    ? [...new Set(options.checkIds)]
    : checks
        .filter(c => byCheck.has(c.id) && applies(c.appliesTo, options.service))
        .filter(c => !passes(facts, c.id))
        .map(c => c.id);
  // The container and the manifests first (other files build on them), then
  // rubric order: CI before security scanning, and so on.
  const order = new Map(
    [...FOUNDATIONS, ...checks.map(c => c.id)]
      .filter((id, i, all) => all.indexOf(id) === i)
      .map((id, i) => [id, i]),
  );
  requested.sort(
    (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity),
  );

  for (const id of requested) {
    const check = checkById.get(id);
    const generator = byCheck.get(id);
    if (!check) {
      // Disabled by the organisation, or never one of its checks.
      skipped.push({ id, reason: 'not a check of this rubric' });
      continue;
    }
    if (!generator) {
      skipped.push({
        id,
        reason: 'no generator: this check needs a change only people can make',
      });
      continue;
    }
    if (!applies(check.appliesTo, options.service)) {
      skipped.push({
        id,
        reason: `does not apply to this ${options.service.kind}`,
      });
      continue;
    }
    const title = check.title;
    if (passes(facts, id)) {
      // Passing already, or fixed by an earlier file of this plan.
      if (passes(initial, id)) skipped.push({ id, reason: 'already passes' });
      else fixed.push({ id, title, docs: check.remediation?.docs });
      continue;
    }
    const result = await generator.generate({
      tree: overlay,
      facts,
      // Recomputed: manifests added earlier in the plan change the layout.
      profile: repositoryProfile(facts, options.service),
      service: options.service,
    });
    if ('skipped' in result) {
      skipped.push({ id, reason: result.skipped });
      continue;
    }
    // Two generators may write the same file: the later content wins, so
    // the detectors and validators judge what the pull request will hold.
    const written = new Map(result.files.map(f => [f.path, f]));
    result.files = [...written.values()];
    const attempt = new OverlayRepositoryTree(overlay);
    for (const file of result.files) attempt.write(file.path, file.content);
    const after = await factsOf(attempt);
    if (!passes(after, id)) {
      skipped.push({
        id,
        reason:
          'the generated files would not make the check pass in this repository; fix it by hand',
      });
      continue;
    }
    // A plan that fails validation is not offered.
    const validation = await validateChange(validators, {
      before: overlay,
      after: attempt,
      changed: result.files.map(f => f.path),
    });
    validation.notRun.forEach(reason => unvalidated.add(reason));
    if (validation.findings.length > 0) {
      const [first] = validation.findings;
      skipped.push({
        id,
        reason: `the generated change fails ${first.validator} on ${
          first.path
        }: ${first.message}${
          validation.findings.length > 1
            ? ` (and ${validation.findings.length - 1} more findings)`
            : ''
        }; fix it by hand`,
      });
      continue;
    }
    for (const file of result.files) {
      overlay.write(file.path, file.content);
      const existing = files.get(file.path);
      files.set(file.path, {
        ...file,
        // A file created earlier in this plan stays a creation.
        action: existing?.action === 'create' ? 'create' : file.action,
        checkId: existing?.checkId ?? id,
        description: existing
          ? `${existing.description} ${file.description}`
          : file.description,
      });
    }
    facts = after;
    fixed.push({ id, title, docs: check.remediation?.docs });
  }

  const planned: GeneratedFile[] = [];
  for (const file of [...files.values()].sort((a, b) =>
    a.path.localeCompare(b.path),
  )) {
    const original = await base.readFile(file.path);
    planned.push(
      original === undefined
        ? { ...file, action: 'create' }
        : {
            ...file,
            action: 'update',
            diff: unifiedDiff(file.path, original, file.content),
          },
    );
  }
  return {
    checks: fixed,
    skipped,
    files: planned,
    pullRequest: pullRequestText({
      service: options.service,
      checks: fixed,
      skipped,
      files: planned,
      unvalidated: [...unvalidated],
    }),
    unvalidated: [...unvalidated],
  };
}
