import { parse, stringify } from 'yaml';
import type {
  GeneratedFile,
  RemediationContext,
} from '../RemediationGenerator';
import type { WorkloadCandidate } from '../targeting/WorkloadCandidate';
import { editYaml } from '../yamlEdit/editYaml';
import { kubernetesName } from '../escaping/kubernetesName';
import { workloadCandidates } from '../targeting/workloadCandidates';
import { chartWorkloadNaming, reindent } from './chartWorkloadTemplate';
import { helmLiteral } from './helmLiteral';

type NewFile = Omit<GeneratedFile, 'checkId'>;

/** Stand-ins in an object that the chart's own expressions replace. */
export const WORKLOAD_NAME = 'maturity-workload-name-placeholder';
export const WORKLOAD_SELECTOR = { 'maturity-selector-placeholder': 'x' };

const yamlText = (o: unknown) =>
  stringify(o, { lineWidth: 0, aliasDuplicateObjects: false });

const dirOf = (path: string) => path.split('/').slice(0, -1).join('/');
const join = (dir: string, file: string) =>
  dir === '' ? file : `${dir}/${file}`;

async function freePath(
  context: RemediationContext,
  dir: string,
  file: string,
) {
  const existing = new Set(await context.tree.listFiles());
  let name = file;
  for (let i = 2; existing.has(join(dir, name)); i++)
    name = file.replace(/\.yaml$/, `-${i}.yaml`);
  return join(dir, name);
}

/** An object with the workload's rendered name and selector filled in. */
function literal(object: Record<string, unknown>, workload: WorkloadCandidate) {
  const selector =
    Object.keys(workload.selector).length > 0
      ? workload.selector
      : workload.labels;
  return JSON.parse(
    JSON.stringify(object)
      .replaceAll(`"${WORKLOAD_NAME}"`, JSON.stringify(workload.name))
      .replaceAll(JSON.stringify(WORKLOAD_SELECTOR), JSON.stringify(selector)),
  );
}

/** A chart template: static text escaped for Helm, names and selectors in the chart's own helpers. */
async function chartTemplate(
  context: RemediationContext,
  workload: WorkloadCandidate,
  object: Record<string, unknown>,
): Promise<string | { skipped: string }> {
  const text = (await context.tree.readFile(workload.path)) ?? '';
  const naming = chartWorkloadNaming(text, workload.kind);
  if (!naming)
    return {
      skipped: `cannot read how ${workload.path} names and selects its ${workload.kind}, so a new object could not refer to it`,
    };
  if (
    naming.selector.length === 0 &&
    JSON.stringify(object).includes(JSON.stringify(WORKLOAD_SELECTOR))
  )
    return {
      skipped: `${workload.path} has no spec.selector.matchLabels to select the pods with`,
    };
  const lines = helmLiteral(yamlText(object)).split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const name = line.indexOf(WORKLOAD_NAME);
    if (name >= 0) {
      out.push(
        line.slice(0, name) +
          naming.name +
          line.slice(name + WORKLOAD_NAME.length),
      );
      continue;
    }
    const selector = /^( *)maturity-selector-placeholder: x$/.exec(line);
    if (selector) {
      out.push(...reindent(naming.selector, selector[1].length));
      continue;
    }
    out.push(line);
  }
  const body = out.join('\n').replace(/\n*$/, '\n');
  return naming.guard ? `${naming.guard}\n${body}{{- end }}\n` : body;
}

/**
 * New Kubernetes objects for the service's own workload, where its
 * repository keeps them: a template in the workload's chart (named and
 * selected through the chart's helpers), a file beside the workload's
 * manifest and listed in that folder's kustomization.yaml (edited in
 * place), or a file beside the manifest.
 */
export async function targetedObjectFiles(
  context: RemediationContext,
  workload: WorkloadCandidate,
  fileName: string,
  object: Record<string, unknown>,
  description: string,
): Promise<{ files: NewFile[] } | { skipped: string }> {
  const header = `# Added by Roadmap Maturity for ${context.profile.name}.\n`;
  if (workload.source === 'chart') {
    const dir = join(workload.chart ?? '', 'templates');
    const content = await chartTemplate(context, workload, object);
    if (typeof content !== 'string') return content;
    return {
      files: [
        {
          path: await freePath(context, dir, fileName),
          content: `{{- /* ${header.slice(2, -1)} */}}\n${content}`,
          action: 'create',
          description,
        },
      ],
    };
  }
  const dir = dirOf(workload.path);
  // A folder shared by several services gets one file per service, so the
  // pull requests of two services never add the same file.
  const neighbours = new Set(
    (await workloadCandidates(context.tree))
      .filter(c => c.source === 'manifest' && dirOf(c.path) === dir)
      .map(c => c.name),
  );
  const path = await freePath(
    context,
    dir,
    neighbours.size > 1
      ? `${kubernetesName(workload.name)}-${fileName}`
      : fileName,
  );
  const files: NewFile[] = [
    {
      path,
      content: header + yamlText(literal(object, workload)),
      action: 'create',
      description,
    },
  ];
  for (const name of [
    'kustomization.yaml',
    'kustomization.yml',
    'Kustomization',
  ]) {
    const kustomization = join(dir, name);
    const text = await context.tree.readFile(kustomization);
    if (text === undefined) continue;
    let listed: unknown;
    try {
      listed = parse(text)?.resources;
    } catch {
      listed = undefined;
    }
    const file = path.split('/').pop()!;
    const change = Array.isArray(listed)
      ? editYaml(text, [{ op: 'append', path: ['resources'], value: file }])
      : editYaml(text, [{ op: 'set', path: ['resources'], value: [file] }]);
    files.push({
      path: kustomization,
      content: change,
      action: 'update',
      description: `Lists ${file} in the Kustomization's resources.`,
    });
    break;
  }
  return { files };
}
