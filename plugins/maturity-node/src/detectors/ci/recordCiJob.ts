import type { Evidence } from '@roadmap/plugin-maturity-common';
import type { Signals } from '../Signals';
import type { RepositoryFiles } from '../RepositoryFiles';
import { PERSISTENT_ENVIRONMENT, type StepCapability } from './classifyStep';
import { followScriptCalls } from './followScriptCalls';

/** One step of a CI job, classified. */
export interface ClassifiedStep {
  capabilities: Set<StepCapability>;
  evidence: Evidence;
  /** The raw text, for job-level heuristics and script hand-offs. */
  text: string;
  /** The folder the command runs in (GitHub working-directory). */
  cwd?: string;
}

const CHECK_OF: Partial<Record<StepCapability, string>> = {
  tests: 'ci.tests',
  'container-build': 'ci.container-build',
  'image-publish': 'ci.image-publish',
  'image-scan': 'sec.image-scan',
  sast: 'sec.sast',
  'secret-scan': 'sec.secret-scan',
  signing: 'sec.signing',
  'load-test': 'rel.load-test',
};

/** Names of jobs, stages or environments that deliver something. */
const DEPLOY_NAME = /deploy|release|rollout|promote|publish|\bcd\b|ci[-_]cd/i;
/** Deliveries that are not the service: docs sites and package indexes. */
const NOT_THE_SERVICE =
  /\b(?:docs?|pages|site|website|storybook|helm[-_ ]?(?:index|repo)|gh-pages)\b/i;
const RUNTIME_DEPLOY_NAME = /deploy|rollout|promote|\bcd\b/i;

/**
 * Turns one CI job's steps into signals. Steps that hand off to a script,
 * Makefile target or package.json script of the repository are followed
 * (see followScriptCalls) and what the called file does counts, cited at
 * its file and line. A job that creates a throw-away cluster (kind, k3d,
 * minikube) is testing: its kubectl and helm calls are an end-to-end test,
 * not a deployment. A job whose name, stage or environment (even an
 * expression) says it deploys is a deployment when it runs a deploy-like
 * script against a persistent environment, `docker compose up -d` on a
 * self-hosted runner, or pushes to a Git repository (a GitOps hand-off).
 */
export function recordCiJob(
  signals: Signals,
  job: {
    name: string;
    environment?: string;
    runsOn?: string;
    steps: ClassifiedStep[];
    evidence: Evidence;
  },
  files?: RepositoryFiles,
): void {
  const steps = [...job.steps];
  if (files)
    for (const step of job.steps)
      steps.push(
        ...followScriptCalls(
          step.text,
          files,
          step.cwd ?? '',
          step.evidence.path ?? 'step',
        ),
      );
  const ephemeral = steps.some(s => s.capabilities.has('ephemeral-cluster'));
  for (const step of steps) {
    for (const capability of step.capabilities) {
      const check = CHECK_OF[capability];
      if (check) signals.add(check, step.evidence);
      if (capability === 'image-publish')
        signals.add('ci.container-build', step.evidence);
    }
    if (step.capabilities.has('deploy')) {
      if (ephemeral) {
        const note = `${
          step.evidence.note ?? ''
        } (inside a throw-away cluster: a test, not a deployment)`.trim();
        signals.nearMiss('cd.deploy', { ...step.evidence, note });
        signals.add('ci.tests', {
          ...step.evidence,
          note: `${
            step.evidence.note ?? ''
          } (end-to-end test in a throw-away cluster)`.trim(),
        });
      } else signals.add('cd.deploy', step.evidence);
    }
  }
  if (ephemeral) return;
  const label = `${job.name} ${job.environment ?? ''}`;
  const deployJob = DEPLOY_NAME.test(label) && !NOT_THE_SERVICE.test(label);
  if (!deployJob) return;
  const persistent =
    job.environment && PERSISTENT_ENVIRONMENT.test(job.environment);
  const deployish = /deploy|release|rollout|promote|publish/i;
  if (
    persistent &&
    (deployish.test(job.name) || steps.some(s => deployish.test(s.text)))
  ) {
    signals.add('cd.deploy', {
      ...job.evidence,
      note: `job ${job.name} deploys to environment ${job.environment}`,
    });
  }
  if (RUNTIME_DEPLOY_NAME.test(label)) {
    const selfHosted = /self-hosted/i.test(job.runsOn ?? '');
    for (const step of steps) {
      if (selfHosted && step.capabilities.has('compose-up'))
        signals.add('cd.deploy', {
          ...step.evidence,
          note: `${
            step.evidence.note ?? ''
          } (docker compose on a self-hosted runner of a deploy job)`.trim(),
        });
      if (step.capabilities.has('git-push'))
        signals.add('cd.deploy', {
          ...step.evidence,
          note: `${
            step.evidence.note ?? ''
          } (a deploy job hands off to a Git repository)`.trim(),
        });
    }
  }
}
