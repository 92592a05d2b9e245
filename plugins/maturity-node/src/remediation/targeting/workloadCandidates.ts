import { createHash } from 'node:crypto';
import { parse, parseAllDocuments } from 'yaml';
import { renderHelmTemplate } from '../../detectors/renderHelmTemplate';
import type { RepositoryTree } from '../../tree/RepositoryTree';
import {
  chartFolders,
  chartOf,
  helpersAround,
} from '../validation/chartFolders';
import {
  helmTemplateCheck,
  locateHelmTemplateCheck,
} from '../validation/helmTemplateCheck';
import type { WorkloadCandidate } from './WorkloadCandidate';

const KINDS = new Set(['Deployment', 'StatefulSet']);

function strings(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
      .map(([k, v]) => [k, String(v)]),
  );
}

function candidate(
  object: any,
  where: Omit<
    WorkloadCandidate,
    'kind' | 'name' | 'labels' | 'selector' | 'containers' | 'object'
  >,
): WorkloadCandidate | undefined {
  if (!object || !KINDS.has(object.kind)) return undefined;
  if (typeof object.metadata?.name !== 'string') return undefined;
  const pod = object.spec?.template;
  const containers: any[] = Array.isArray(pod?.spec?.containers)
    ? pod.spec.containers
    : [];
  return {
    ...where,
    kind: object.kind,
    name: object.metadata.name,
    labels: {
      ...strings(object.metadata?.labels),
      ...strings(pod?.metadata?.labels),
    },
    selector: strings(object.spec?.selector?.matchLabels),
    containers: containers.map(c => ({
      name: String(c?.name ?? ''),
      image: typeof c?.image === 'string' ? c.image : undefined,
      ports: Array.isArray(c?.ports)
        ? c.ports.map((p: any) => ({
            name: typeof p?.name === 'string' ? p.name : undefined,
            containerPort:
              typeof p?.containerPort === 'number'
                ? p.containerPort
                : undefined,
          }))
        : [],
    })),
    object,
  };
}

function objectsOf(text: string): any[] {
  return parseAllDocuments(text).map(d =>
    d.errors.length ? undefined : d.toJS(),
  );
}

/** A chart's templates rendered with its values: by Go's engine when it is available, else approximately. */
async function renderChart(
  tree: RepositoryTree,
  chart: string,
  files: string[],
): Promise<{
  rendered: Record<string, string>;
  errors: Record<string, string>;
}> {
  const p = chart === '' ? '' : `${chart}/`;
  const own = files.filter(
    f => f.startsWith(p) && !f.slice(p.length).startsWith('charts/'),
  );
  const texts: Record<string, string> = await helpersAround(tree, chart);
  for (const f of own)
    texts[f.slice(p.length)] = (await tree.readFile(f)) ?? '';
  let values: any = {};
  let meta: any = {};
  try {
    values = parse(texts['values.yaml'] ?? '') ?? {};
    meta = parse(texts['Chart.yaml'] ?? '') ?? {};
  } catch {
    // A chart that does not parse has no workloads we could aim at.
  }
  const binary = await locateHelmTemplateCheck();
  const answer = binary
    ? await helmTemplateCheck(binary, {
        chart: {
          name: String(meta.name ?? 'chart'),
          version: String(meta.version ?? '0.1.0'),
        },
        files: texts,
        values,
        render: true,
      }).catch(() => undefined)
    : undefined;
  const out: Record<string, string> = {};
  for (const [file, text] of Object.entries(texts)) {
    if (!/^templates\/[^_][^/]*\.ya?ml$/.test(file)) continue;
    // Helm's engine where the template renders; where it does not (values
    // the chart expects at install time), the approximate rendering.
    out[file] =
      answer?.rendered[file] ??
      renderHelmTemplate(text, values, String(meta.name ?? 'chart'));
  }
  return { rendered: out, errors: answer?.renderErrors ?? {} };
}

// Generators of one plan ask again and again about the same files: the
// answer is kept by the content of the YAML and template files it read.
const cache = new Map<string, Promise<WorkloadCandidate[]>>();
const CACHE_SIZE = 64;

/**
 * Every Deployment and StatefulSet of the repository: from its manifests
 * (any folder) and its charts (rendered with their default values).
 *
 * @public
 */
export async function workloadCandidates(
  tree: RepositoryTree,
): Promise<WorkloadCandidate[]> {
  const digest = createHash('sha256');
  for (const f of (await tree.listFiles()).filter(p =>
    /\.(ya?ml|tpl)$/.test(p),
  ))
    digest
      .update(f)
      .update('\0')
      .update((await tree.readFile(f)) ?? '')
      .update('\0');
  const key = digest.digest('hex');
  if (!cache.has(key)) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, findCandidates(tree));
  }
  return cache.get(key)!;
}

async function findCandidates(
  tree: RepositoryTree,
): Promise<WorkloadCandidate[]> {
  const files = await tree.listFiles();
  const charts = await chartFolders(tree);
  const found: WorkloadCandidate[] = [];
  for (const path of files) {
    if (!/\.ya?ml$/.test(path) || chartOf(path, charts) !== undefined) continue;
    if (
      path.startsWith('.github/') ||
      /(^|\/)(\.gitlab-ci|catalog-info|kustomization)\.ya?ml$/.test(path)
    )
      continue;
    const text = (await tree.readFile(path)) ?? '';
    if (!/kind:\s*["']?(Deployment|StatefulSet)/.test(text)) continue;
    objectsOf(text).forEach((object, document) => {
      const c = candidate(object, { source: 'manifest', path, document });
      if (c) found.push(c);
    });
  }
  for (const chart of charts) {
    const p = chart === '' ? '' : `${chart}/`;
    let chartName: string | undefined;
    try {
      chartName = parse((await tree.readFile(`${p}Chart.yaml`)) ?? '')?.name;
    } catch {
      chartName = undefined;
    }
    const { rendered, errors } = await renderChart(tree, chart, files);
    for (const [template, text] of Object.entries(rendered)) {
      objectsOf(text).forEach((object, document) => {
        const c = candidate(object, {
          source: 'chart',
          path: `${p}${template}`,
          document,
          chart,
          chartName,
          ...(errors[template] ? { renderError: errors[template] } : {}),
        });
        if (c) found.push(c);
      });
    }
  }
  return found;
}
