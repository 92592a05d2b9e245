import { parseDocument } from 'yaml';
import type { Signals } from '../Signals';
import { lineOf } from '../lineOf';
import { classifyCommand, classifyTemplate, registryOf } from './classifyStep';
import { type ClassifiedStep, recordCiJob } from './recordCiJob';

const RESERVED = new Set([
  'stages',
  'variables',
  'include',
  'default',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'pages',
]);

function asList(value: unknown): string[];
function asList(value: unknown, keepObjects: true): any[];
function asList(value: unknown, keepObjects = false): any[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value))
    return keepObjects ? value : value.flatMap(v => asList(v));
  if (typeof value === 'string' || keepObjects) return [value];
  return [];
}

/**
 * Reads `.gitlab-ci.yml` (and CI files it includes from the repository):
 * jobs with their scripts, `extends` of hidden jobs, YAML anchors, and
 * GitLab templates included by name (SAST, Secret-Detection, ...).
 *
 * @public
 */
export function detectGitlabCi(
  path: string,
  text: string,
  signals: Signals,
): string[] {
  const doc = parseDocument(text, { merge: true, uniqueKeys: false });
  if (doc.errors.length > 0) {
    signals.warn(
      path,
      `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
    );
    return [];
  }
  const config = doc.toJS() as Record<string, any> | null;
  if (!config || typeof config !== 'object') return [];
  signals.ciSystems.add('gitlab-ci');
  signals.add('ci.pipeline', { path, line: 1, note: 'GitLab CI pipeline' });

  const localIncludes: string[] = [];
  for (const include of asList(config.include, true)) {
    const names: string[] =
      typeof include === 'string'
        ? [include]
        : [
            include?.template,
            include?.local,
            include?.file,
            include?.component,
          ].flatMap(asList);
    for (const name of names) {
      if (typeof include === 'object' && include?.local)
        localIncludes.push(String(include.local).replace(/^\//, ''));
      else if (typeof include === 'string' && include.startsWith('/'))
        localIncludes.push(include.slice(1));
      const caps = classifyTemplate(name);
      if (caps.size > 0) {
        recordCiJob(signals, {
          name: `include ${name}`,
          steps: [
            {
              capabilities: caps,
              evidence: {
                path,
                line: lineOf(text, name),
                note: `include: ${name}`,
              },
              text: name,
            },
          ],
          evidence: { path, line: lineOf(text, name) },
        });
      }
    }
  }

  const resolve = (
    job: Record<string, any>,
    depth = 0,
  ): Record<string, any> => {
    if (depth > 5 || !job.extends) return job;
    const parents = asList(job.extends)
      .map(name => config[name])
      .filter(p => p && typeof p === 'object');
    return Object.assign({}, ...parents.map(p => resolve(p, depth + 1)), job);
  };
  const globalBefore = asList(
    config.before_script ?? config.default?.before_script,
  );

  for (const [name, raw] of Object.entries(config)) {
    if (
      RESERVED.has(name) ||
      name.startsWith('.') ||
      !raw ||
      typeof raw !== 'object' ||
      Array.isArray(raw)
    )
      continue;
    const job = resolve(raw);
    const scripts = [
      ...(job.before_script ? asList(job.before_script) : globalBefore),
      ...asList(job.script),
      ...asList(job.after_script),
    ];
    if (scripts.length === 0 && !job.trigger && !job.extends) continue;
    const steps: ClassifiedStep[] = scripts.map(script => {
      const push = /\b(?:docker|podman)\s+push\s+(\S+)/.exec(script)?.[1];
      if (push && !push.startsWith('$')) signals.registry ??= registryOf(push);
      if (/\$CI_REGISTRY/.test(script))
        signals.registry ??= 'registry.gitlab.com';
      return {
        capabilities: classifyCommand(script),
        evidence: {
          path,
          line: lineOf(text, script),
          note: `${name}: ${script.split('\n')[0].slice(0, 80)}`,
        },
        text: script,
      };
    });
    const environment =
      typeof job.environment === 'string'
        ? job.environment
        : job.environment?.name;
    recordCiJob(signals, {
      name,
      environment,
      steps,
      evidence: { path, line: lineOf(text, `${name}:`), note: `job ${name}` },
    });
  }
  return localIncludes;
}
