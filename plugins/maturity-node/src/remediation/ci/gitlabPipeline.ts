import { parse, stringify } from 'yaml';
import type { RepositoryTree } from '../../tree/RepositoryTree';
import { editYaml } from '../yamlEdit/editYaml';

export const GITLAB_CI = '.gitlab-ci.yml';

/**
 * Adds jobs and template includes to `.gitlab-ci.yml`, creating it when the
 * repository has none. An existing file is edited in place: only the new
 * jobs, stages and includes are written, every other line stays as it was.
 */
export async function extendGitlabPipeline(
  tree: RepositoryTree,
  change: {
    jobs?: Record<string, Record<string, unknown>>;
    templates?: string[];
  },
): Promise<{ path: string; content: string; action: 'create' | 'update' }> {
  const path =
    (await tree.readFile(GITLAB_CI)) === undefined &&
    (await tree.readFile('.gitlab-ci.yaml')) !== undefined
      ? '.gitlab-ci.yaml'
      : GITLAB_CI;
  const existing = await tree.readFile(path);
  if (existing === undefined) {
    const content: Record<string, unknown> = {};
    if (change.templates?.length)
      content.include = change.templates.map(template => ({ template }));
    Object.assign(content, change.jobs ?? {});
    return {
      path,
      content: stringify(content, {
        lineWidth: 0,
        aliasDuplicateObjects: false,
      }),
      action: 'create',
    };
  }
  const config = parse(existing, { merge: true }) ?? {};
  if (typeof config !== 'object' || Array.isArray(config))
    throw new Error(`${path} is not a mapping`);
  let text = existing;
  if (change.templates?.length) {
    const include = config.include;
    const present = new Set([include ?? []].flat().map(i => JSON.stringify(i)));
    const missing = change.templates
      .map(template => ({ template }))
      .filter(t => !present.has(JSON.stringify(t)));
    if (missing.length > 0) {
      if (Array.isArray(include))
        for (const t of missing)
          text = editYaml(text, [
            { op: 'append', path: ['include'], value: t },
          ]);
      else
        text = editYaml(text, [
          {
            op: 'set',
            path: ['include'],
            value: include === undefined ? missing : [include, ...missing],
          },
        ]);
    }
  }
  for (const [name, job] of Object.entries(change.jobs ?? {})) {
    let jobName = name;
    for (let i = 2; jobName in config; i++) jobName = `${name}-${i}`;
    config[jobName] = job;
    const stage = job.stage;
    if (
      typeof stage === 'string' &&
      Array.isArray(config.stages) &&
      !config.stages.includes(stage)
    ) {
      text = editYaml(text, [{ op: 'append', path: ['stages'], value: stage }]);
      config.stages.push(stage);
    }
    text = editYaml(text, [{ op: 'set', path: [jobName], value: job }]);
  }
  return { path, content: text, action: 'update' };
}
