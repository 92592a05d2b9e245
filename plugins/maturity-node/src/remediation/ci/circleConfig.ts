import { parse } from 'yaml';
import type { RepositoryTree } from '../../tree/RepositoryTree';
import { editYaml } from '../yamlEdit/editYaml';
import type { PipelineStep } from './PipelineStep';

const CIRCLE = '.circleci/config.yml';

/**
 * Adds jobs to `.circleci/config.yml` (a Docker executor with remote
 * Docker) and runs them in its first workflow, edited in place.
 */
export async function extendCircleConfig(
  tree: RepositoryTree,
  steps: PipelineStep[],
): Promise<{ path: string; content: string } | { skipped: string }> {
  const text = await tree.readFile(CIRCLE);
  if (text === undefined) return { skipped: `no ${CIRCLE}` };
  let config: any;
  try {
    config = parse(text) ?? {};
  } catch {
    return { skipped: `${CIRCLE} does not parse` };
  }
  if (String(config.version) !== '2.1' && String(config.version) !== '2')
    return { skipped: `${CIRCLE} is not version 2 or 2.1` };
  let content = text;
  const names: string[] = [];
  for (const step of steps) {
    let name = `maturity-${step.id}`;
    for (let i = 2; config.jobs?.[name]; i++) name = `maturity-${step.id}-${i}`;
    names.push(name);
    content = editYaml(content, [
      {
        op: 'set',
        path: ['jobs', name],
        value: {
          docker: [{ image: 'cimg/base:current' }],
          steps: [
            'checkout',
            ...(step.docker ? ['setup_remote_docker'] : []),
            ...step.commands.map(command => ({
              run: { name: step.title, command },
            })),
          ],
        },
      },
    ]);
  }
  const workflows = Object.keys(config.workflows ?? {}).filter(
    k => k !== 'version',
  );
  const entry = (name: string, i: number) =>
    steps[i].mainOnly
      ? { [name]: { filters: { branches: { only: 'main' } } } }
      : name;
  if (
    workflows.length > 0 &&
    Array.isArray(config.workflows[workflows[0]]?.jobs)
  ) {
    names.forEach((name, i) => {
      content = editYaml(content, [
        {
          op: 'append',
          path: ['workflows', workflows[0], 'jobs'],
          value: entry(name, i),
        },
      ]);
    });
  } else if (workflows.length === 0) {
    content = editYaml(content, [
      {
        op: 'set',
        path: ['workflows', 'maturity'],
        value: { jobs: names.map(entry) },
      },
    ]);
  } else return { skipped: `the first workflow of ${CIRCLE} has no jobs list` };
  return { path: CIRCLE, content };
}
