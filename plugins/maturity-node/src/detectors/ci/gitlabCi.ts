import { parseDocument } from 'yaml';
import type { Signals } from '../Signals';
import type { RepositoryFiles } from '../RepositoryFiles';
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

const MAX_INCLUDE_DEPTH = 5;

function asList(value: unknown): string[];
function asList(value: unknown, keepObjects: true): any[];
function asList(value: unknown, keepObjects = false): any[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value))
    return keepObjects ? value : value.flatMap(v => asList(v));
  if (typeof value === 'string' || keepObjects) return [value];
  return [];
}

/** GitLab's include globs: `*` within a folder, `**` across folders. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/^\//, '')
    .split('')
    .map((c, i, all) => {
      if (c === '*' && all[i + 1] === '*') return '';
      if (c === '*' && all[i - 1] === '*') return '.*';
      if (c === '*') return '[^/]*';
      return /[.+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** The file names GitLab CI treats as the pipeline. */
export function isGitlabCiRoot(path: string): boolean {
  return path === '.gitlab-ci.yml' || path === '.gitlab-ci.yaml';
}

interface LoadedFile {
  path: string;
  text: string;
  config: Record<string, any>;
}

/**
 * Reads a GitLab CI pipeline: `.gitlab-ci.yml` and the files it includes
 * from the repository (`include: local`, plain paths and wildcards like
 * `.gitlab/ci/*.yml`, recursively) merged into one configuration as GitLab
 * does; jobs with their scripts, `extends` of hidden jobs across files, YAML
 * anchors, and GitLab templates included by name (SAST, Secret-Detection,
 * ...). Returns the paths it read so they are not read again as plain YAML.
 *
 * @public
 */
export function detectGitlabCi(
  path: string,
  text: string,
  signals: Signals,
  files?: RepositoryFiles,
): string[] {
  const loaded: LoadedFile[] = [];
  const seen = new Set<string>();
  const load = (filePath: string, fileText: string, depth: number) => {
    if (seen.has(filePath) || depth > MAX_INCLUDE_DEPTH) return;
    seen.add(filePath);
    const doc = parseDocument(fileText, { merge: true, uniqueKeys: false });
    if (doc.errors.length > 0) {
      signals.warn(
        filePath,
        `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
      );
      return;
    }
    const config = doc.toJS() as Record<string, any> | null;
    if (!config || typeof config !== 'object') return;
    loaded.push({ path: filePath, text: fileText, config });
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
        const caps = classifyTemplate(name);
        if (caps.size > 0)
          recordCiJob(signals, {
            name: `include ${name}`,
            steps: [
              {
                capabilities: caps,
                evidence: {
                  path: filePath,
                  line: lineOf(fileText, name),
                  note: `include: ${name}`,
                },
                text: name,
              },
            ],
            evidence: { path: filePath, line: lineOf(fileText, name) },
          });
      }
      let local: string | undefined;
      if (typeof include === 'string' && !/^https?:/.test(include))
        local = include;
      else if (typeof include?.local === 'string') local = include.local;
      if (!local || !files) continue;
      const pattern = globToRegExp(local);
      for (const candidate of files.paths.filter(p => pattern.test(p))) {
        const candidateText = files.text(candidate);
        if (candidateText !== undefined)
          load(candidate, candidateText, depth + 1);
      }
    }
  };
  load(path, text, 0);
  if (loaded.length === 0) return [...seen];
  signals.ciSystems.add('gitlab-ci');
  signals.add('ci.pipeline', { path, line: 1, note: 'GitLab CI pipeline' });

  // Later files override earlier ones key by key, as GitLab merges includes
  // under the including file.
  const config: Record<string, any> = {};
  const origin = new Map<string, LoadedFile>();
  for (const file of [...loaded.slice(1), loaded[0]]) {
    for (const [key, value] of Object.entries(file.config)) {
      config[key] =
        value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        config[key] &&
        typeof config[key] === 'object'
          ? { ...config[key], ...value }
          : value;
      origin.set(key, file);
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
    const file = origin.get(name) ?? loaded[0];
    const steps: ClassifiedStep[] = scripts.map(script => {
      const push = /\b(?:docker|podman|buildah)\s+push\s+(\S+)/.exec(
        script,
      )?.[1];
      if (push && !push.startsWith('$')) signals.registry ??= registryOf(push);
      if (/\$CI_REGISTRY/.test(script))
        signals.registry ??= 'registry.gitlab.com';
      return {
        capabilities: classifyCommand(script),
        evidence: {
          path: file.path,
          line: lineOf(file.text, script),
          note: `${name}: ${script.split('\n')[0].slice(0, 80)}`,
        },
        text: script,
      };
    });
    const environment =
      typeof job.environment === 'string'
        ? job.environment
        : job.environment?.name;
    recordCiJob(
      signals,
      {
        name: `${name} ${typeof job.stage === 'string' ? job.stage : ''}`,
        environment,
        runsOn: JSON.stringify(job.tags ?? ''),
        steps,
        evidence: {
          path: file.path,
          line: lineOf(file.text, `${name}:`),
          note: `job ${name}`,
        },
      },
      files,
    );
  }
  return [...seen];
}
