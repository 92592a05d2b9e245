import type { Evidence } from '@roadmap/plugin-maturity-common';
import type { Signals } from '../Signals';
import { PERSISTENT_ENVIRONMENT, type StepCapability } from './classifyStep';

/** One step of a CI job, classified. */
export interface ClassifiedStep {
  capabilities: Set<StepCapability>;
  evidence: Evidence;
  /** The raw text, for job-level heuristics. */
  text: string;
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

/**
 * Turns one CI job's steps into signals. A job that creates a throw-away
 * cluster (kind, k3d, minikube) is testing: its kubectl and helm calls are
 * not a deployment. A job bound to a persistent environment that runs a
 * deploy-like script is a deployment even when the command is unknown.
 */
export function recordCiJob(
  signals: Signals,
  job: {
    name: string;
    environment?: string;
    steps: ClassifiedStep[];
    evidence: Evidence;
  },
): void {
  const ephemeral = job.steps.some(s =>
    s.capabilities.has('ephemeral-cluster'),
  );
  for (const step of job.steps) {
    for (const capability of step.capabilities) {
      const check = CHECK_OF[capability];
      if (check) signals.add(check, step.evidence);
      if (capability === 'image-publish')
        signals.add('ci.container-build', step.evidence);
    }
    if (step.capabilities.has('deploy')) {
      if (ephemeral)
        signals.nearMiss('cd.deploy', {
          ...step.evidence,
          note: `${
            step.evidence.note ?? ''
          } (inside a throw-away cluster: a test, not a deployment)`.trim(),
        });
      else signals.add('cd.deploy', step.evidence);
    }
  }
  if (
    !ephemeral &&
    job.environment &&
    PERSISTENT_ENVIRONMENT.test(job.environment)
  ) {
    const deployish = /deploy|release|rollout|promote|publish/i;
    if (
      deployish.test(job.name) ||
      job.steps.some(s => deployish.test(s.text))
    ) {
      signals.add('cd.deploy', {
        ...job.evidence,
        note: `job ${job.name} deploys to environment ${job.environment}`,
      });
    }
  }
}
