import { parseDocument } from 'yaml';
import type { Signals } from '../Signals';
import { lineOf } from '../lineOf';
import {
  classifyAction,
  classifyCommand,
  registryOf,
  type StepCapability,
} from './classifyStep';
import type { RepositoryFiles } from '../RepositoryFiles';
import { joinRepositoryPath } from '../RepositoryFiles';
import { type ClassifiedStep, recordCiJob } from './recordCiJob';

const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/** Whether a path is a GitHub Actions workflow. @public */
export function isGithubWorkflow(path: string): boolean {
  return WORKFLOW.test(path);
}

function environmentName(env: unknown): string | undefined {
  if (typeof env === 'string') return env;
  if (env && typeof env === 'object' && typeof (env as any).name === 'string')
    return (env as any).name;
  return undefined;
}

/**
 * Reads a GitHub Actions workflow: every job's `uses:` and `run:` steps, the
 * inputs of the common build/push actions, reusable workflows and
 * environments.
 *
 * @public
 */
export function detectGithubActions(
  path: string,
  text: string,
  signals: Signals,
  files?: RepositoryFiles,
): void {
  const doc = parseDocument(text, { merge: true, uniqueKeys: false });
  if (doc.errors.length > 0) {
    signals.warn(
      path,
      `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
    );
    return;
  }
  const workflow = doc.toJS() as {
    jobs?: Record<string, any>;
    defaults?: any;
  } | null;
  if (
    !workflow ||
    typeof workflow !== 'object' ||
    !workflow.jobs ||
    typeof workflow.jobs !== 'object'
  ) {
    signals.warn(path, 'no jobs: not a GitHub Actions workflow');
    return;
  }
  signals.ciSystems.add('github-actions');
  signals.add('ci.pipeline', {
    path,
    line: 1,
    note: 'GitHub Actions workflow',
  });

  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    if (!job || typeof job !== 'object') continue;
    const jobLine = lineOf(text, `${jobId}:`);
    const steps: ClassifiedStep[] = [];
    if (typeof job.uses === 'string') {
      const caps = classifyAction(job.uses);
      if (/deploy|release/i.test(job.uses)) caps.add('deploy');
      steps.push({
        capabilities: caps,
        evidence: {
          path,
          line: lineOf(text, job.uses),
          note: `uses: ${job.uses}`,
        },
        text: job.uses,
      });
    }
    const cwd =
      job.defaults?.run?.['working-directory'] ??
      workflow.defaults?.run?.['working-directory'];
    steps.push(
      ...classifySteps(
        path,
        text,
        job.steps,
        signals,
        files,
        typeof cwd === 'string' ? cwd : undefined,
      ),
    );
    recordCiJob(
      signals,
      {
        name: `${jobId} ${job.name ?? ''}`,
        environment: environmentName(job.environment),
        runsOn: JSON.stringify(job['runs-on'] ?? ''),
        steps,
        evidence: { path, line: jobLine, note: `job ${jobId}` },
      },
      files,
    );
  }
}

/** Classifies the `uses:` and `run:` steps of a job or composite action. */
function classifySteps(
  path: string,
  text: string,
  list: unknown,
  signals: Signals,
  files: RepositoryFiles | undefined,
  cwd: string | undefined,
  depth = 0,
): ClassifiedStep[] {
  const steps: ClassifiedStep[] = [];
  for (const step of Array.isArray(list) ? list : []) {
    if (!step || typeof step !== 'object') continue;
    if (typeof step.uses === 'string') {
      const caps: Set<StepCapability> = classifyAction(step.uses);
      const withs = (step.with ?? {}) as Record<string, unknown>;
      if (/^docker\/build-push-action@/i.test(step.uses)) {
        const push = withs.push;
        if (
          push === true ||
          push === 'true' ||
          (typeof push === 'string' && push.includes('${{'))
        )
          caps.add('image-publish');
        const tags = String(withs.tags ?? '');
        const registry = registryOf(tags.split(/[\s,]+/).find(Boolean) ?? '');
        if (registry) signals.registry ??= registry;
      }
      if (
        /^docker\/login-action@/i.test(step.uses) &&
        typeof withs.registry === 'string'
      ) {
        signals.registry ??=
          registryOf(`${withs.registry}/x`) ?? withs.registry;
      }
      if (
        /^snyk\/actions\//i.test(step.uses) &&
        !/code/i.test(String(withs.command ?? ''))
      )
        caps.delete('sast');
      if (
        /^snyk\/actions\/\w+/i.test(step.uses) &&
        /code/i.test(String(withs.command ?? ''))
      )
        caps.add('sast');
      if (/^sigstore\/cosign-installer/i.test(step.uses))
        caps.delete('signing');
      for (const v of Object.values(withs))
        if (typeof v === 'string')
          for (const c of classifyCommand(v)) caps.add(c);
      if (step.uses.startsWith('./') && files && depth < 3)
        steps.push(...compositeActionSteps(step.uses, signals, files, depth));
      steps.push({
        capabilities: caps,
        evidence: {
          path,
          line: lineOf(text, step.uses),
          note: `uses: ${step.uses}`,
        },
        text: `${step.name ?? ''} ${step.uses}`,
      });
    }
    if (typeof step.run === 'string') {
      const stepCwd = step['working-directory'] ?? cwd;
      const caps = classifyCommand(step.run);
      const firstLine =
        step.run
          .split('\n')
          .find((l: string) => l.trim() && !l.trim().startsWith('#'))
          ?.trim() ?? '';
      const registry = /\b(?:docker|podman)\s+push\s+(\S+)/.exec(step.run)?.[1];
      if (registry) signals.registry ??= registryOf(registry);
      steps.push({
        capabilities: caps,
        evidence: {
          path,
          line: lineOf(text, firstLine || step.run),
          note: `run: ${firstLine.slice(0, 80)}`,
        },
        text: `${step.name ?? ''} ${step.run}`,
        cwd: typeof stepCwd === 'string' ? stepCwd : undefined,
      });
    }
  }
  return steps;
}

/**
 * The steps of a composite action of the same repository (`uses:
 * ./.github/actions/x`), so what it runs counts where it is used.
 */
function compositeActionSteps(
  uses: string,
  signals: Signals,
  files: RepositoryFiles,
  depth: number,
): ClassifiedStep[] {
  const dir = joinRepositoryPath('', uses.replace(/@.*$/, ''));
  for (const name of ['action.yml', 'action.yaml']) {
    const actionPath = dir ? `${dir}/${name}` : name;
    const actionText = files.text(actionPath);
    if (actionText === undefined) continue;
    const doc = parseDocument(actionText, { merge: true, uniqueKeys: false });
    if (doc.errors.length > 0) return [];
    const action = doc.toJS() as any;
    if (action?.runs?.using !== 'composite') return [];
    return classifySteps(
      actionPath,
      actionText,
      action.runs.steps,
      signals,
      files,
      undefined,
      depth + 1,
    );
  }
  return [];
}
