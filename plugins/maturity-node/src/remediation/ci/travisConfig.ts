import { parse } from 'yaml';
import type { RepositoryTree } from '../../tree/RepositoryTree';
import { editYaml } from '../yamlEdit/editYaml';
import type { PipelineStep } from './PipelineStep';

const TRAVIS = '.travis.yml';

/**
 * Adds jobs to `.travis.yml` under `jobs.include` (Travis runs them beside
 * the file's own jobs), edited in place.
 */
export async function extendTravisConfig(
  tree: RepositoryTree,
  steps: PipelineStep[],
): Promise<{ path: string; content: string } | { skipped: string }> {
  const text = await tree.readFile(TRAVIS);
  if (text === undefined) return { skipped: `no ${TRAVIS}` };
  let config: any;
  try {
    config = parse(text) ?? {};
  } catch {
    return { skipped: `${TRAVIS} does not parse` };
  }
  if (config.matrix)
    return {
      skipped: `${TRAVIS} uses the old matrix: key; add the job by hand`,
    };
  const jobs = steps.map(step => ({
    name: step.title,
    ...(step.docker ? { services: ['docker'] } : {}),
    ...(step.mainOnly ? { if: 'branch = main AND type = push' } : {}),
    script: step.commands,
  }));
  const include = config.jobs?.include;
  let content = text;
  if (Array.isArray(include))
    for (const job of jobs)
      content = editYaml(content, [
        { op: 'append', path: ['jobs', 'include'], value: job },
      ]);
  else if (include === undefined)
    content = editYaml(text, [
      { op: 'set', path: ['jobs', 'include'], value: jobs },
    ]);
  else return { skipped: `${TRAVIS} has a jobs.include that is not a list` };
  return { path: TRAVIS, content };
}
