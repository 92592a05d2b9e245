import { parse } from 'yaml';
import type {
  RemediationValidator,
  ValidationFinding,
} from './RemediationValidator';

const GITLAB_KEYWORDS = new Set([
  'stages',
  'variables',
  'include',
  'default',
  'workflow',
  'image',
  'services',
  'before_script',
  'after_script',
  'cache',
]);
const GITLAB_DEFAULT_STAGES = ['.pre', 'build', 'test', 'deploy', '.post'];

function gitlabProblems(config: any): string[] {
  const out: string[] = [];
  const stages: string[] = Array.isArray(config.stages)
    ? config.stages
    : GITLAB_DEFAULT_STAGES;
  for (const [name, job] of Object.entries<any>(config)) {
    if (GITLAB_KEYWORDS.has(name) || name.startsWith('.')) continue;
    if (!job || typeof job !== 'object' || Array.isArray(job)) {
      out.push(`job ${name} is not a mapping`);
      continue;
    }
    if (!job.script && !job.trigger && !job.extends && !job.run)
      out.push(`job ${name} has no script, trigger or extends`);
    if (
      typeof job.stage === 'string' &&
      ![...stages, '.pre', '.post'].includes(job.stage)
    )
      out.push(
        `job ${name} uses stage ${job.stage}, which stages does not list`,
      );
  }
  const includes = config.include === undefined ? [] : [config.include].flat();
  for (const include of includes)
    if (
      typeof include !== 'string' &&
      !['local', 'template', 'remote', 'project', 'component'].some(
        k => include?.[k],
      )
    )
      out.push(
        'an include names no local, template, remote, project or component',
      );
  return out;
}

function circleProblems(config: any): string[] {
  const out: string[] = [];
  if (![2, 2.1, '2', '2.1'].includes(config.version))
    out.push('version must be 2 or 2.1');
  const jobs = config.jobs ?? {};
  for (const [name, job] of Object.entries<any>(jobs)) {
    if (!Array.isArray(job?.steps)) out.push(`job ${name} has no steps`);
    if (!job?.docker && !job?.machine && !job?.macos && !job?.executor)
      out.push(
        `job ${name} has no executor (docker, machine, macos or executor)`,
      );
  }
  for (const [name, workflow] of Object.entries<any>(config.workflows ?? {})) {
    if (name === 'version') continue;
    for (const entry of workflow?.jobs ?? []) {
      const job =
        typeof entry === 'string' ? entry : Object.keys(entry ?? {})[0];
      if (job && !job.includes('/') && !(job in jobs))
        out.push(`workflow ${name} runs ${job}, which jobs does not define`);
    }
  }
  return out;
}

function travisProblems(config: any): string[] {
  const out: string[] = [];
  for (const [i, job] of (config.jobs?.include ?? []).entries()) {
    if (!job || typeof job !== 'object')
      out.push(`jobs.include[${i}] is not a mapping`);
    else if (
      job.script !== undefined &&
      typeof job.script !== 'string' &&
      !Array.isArray(job.script)
    )
      out.push(`jobs.include[${i}].script must be a string or a list`);
  }
  return out;
}

const CHECKS: [RegExp, (config: any) => string[]][] = [
  [/(^|\/)\.gitlab-ci\.ya?ml$/, gitlabProblems],
  [/^\.circleci\/config\.yml$/, circleProblems],
  [/^\.travis\.yml$/, travisProblems],
];

/**
 * Planned GitLab CI, CircleCI and Travis CI configurations keep the shape
 * their system requires: jobs with scripts or steps and an executor, stages
 * and workflows that name defined ones, includes of a known kind.
 */
export const ciConfigValidator: RemediationValidator = {
  name: 'ci-config',
  async validate({ after, changed }) {
    const findings: ValidationFinding[] = [];
    for (const path of changed) {
      const check = CHECKS.find(([re]) => re.test(path))?.[1];
      if (!check) continue;
      let config: any;
      try {
        config = parse((await after.readFile(path)) ?? '', { merge: true });
      } catch (error) {
        findings.push({
          path,
          validator: 'ci-config',
          message: (error as Error).message,
        });
        continue;
      }
      if (!config || typeof config !== 'object') {
        findings.push({
          path,
          validator: 'ci-config',
          message: 'not a mapping',
        });
        continue;
      }
      for (const message of check(config))
        findings.push({ path, validator: 'ci-config', message });
    }
    return { findings };
  },
};
