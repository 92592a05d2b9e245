import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { RepositoryTree } from '../../tree/RepositoryTree';

export const GITLAB_CI = '.gitlab-ci.yml';

/**
 * Adds jobs and template includes to `.gitlab-ci.yml`, creating it when the
 * repository has none. An existing file keeps its comments, anchors and
 * order; only missing jobs, stages and includes are appended.
 */
export async function extendGitlabPipeline(
  tree: RepositoryTree,
  change: {
    jobs?: Record<string, Record<string, unknown>>;
    templates?: string[];
  },
): Promise<{ path: string; content: string; action: 'create' | 'update' }> {
  const existing =
    (await tree.readFile(GITLAB_CI)) ??
    (await tree.readFile('.gitlab-ci.yaml'));
  const path =
    existing === undefined || (await tree.readFile(GITLAB_CI)) !== undefined
      ? GITLAB_CI
      : '.gitlab-ci.yaml';
  const doc = parseDocument(existing ?? '{}');
  if (doc.errors.length > 0)
    throw new Error(`${path} is not valid YAML: ${doc.errors[0].message}`);
  if (!isMap(doc.contents)) doc.contents = new YAMLMap() as any;

  if (change.templates?.length) {
    let include = doc.get('include');
    if (include === undefined) {
      include = new YAMLSeq();
      doc.set('include', include);
    } else if (!isSeq(include)) {
      const seq = new YAMLSeq();
      seq.add(include);
      include = seq;
      doc.set('include', seq);
    }
    const seq = include as YAMLSeq;
    const names = new Set(
      seq.items.map(item => JSON.stringify((item as any)?.toJSON?.() ?? item)),
    );
    for (const template of change.templates) {
      const node = doc.createNode({ template });
      if (!names.has(JSON.stringify({ template }))) seq.add(node);
    }
  }
  for (const [name, job] of Object.entries(change.jobs ?? {})) {
    let jobName = name;
    for (let i = 2; doc.has(jobName); i++) jobName = `${name}-${i}`;
    const stage = job.stage;
    if (typeof stage === 'string') {
      const stages = doc.get('stages');
      if (isSeq(stages) && !stages.items.some(s => (s as any)?.value === stage))
        stages.add(doc.createNode(stage));
    }
    doc.set(jobName, doc.createNode(job));
  }
  return {
    path,
    content: doc.toString({ lineWidth: 0 }),
    action: existing === undefined ? 'create' : 'update',
  };
}
