import { type Document, isMap, parseAllDocuments, parse } from 'yaml';
import { renderHelmTemplate } from '../../detectors/renderHelmTemplate';
import type { RemediationContext } from '../RemediationGenerator';

const SCALABLE = new Set(['Deployment', 'StatefulSet']);

/** A Deployment or StatefulSet of the repository. */
export interface Workload {
  path: string;
  kind: string;
  apiVersion: string;
  name: string;
  /** Labels that select its pods. */
  selector: Record<string, string>;
  containers: { name: string; port?: number | string; portName?: string }[];
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
      .map(([k, v]) => [k, String(v)]),
  );
}

function toWorkload(path: string, obj: any): Workload | undefined {
  if (!obj || !SCALABLE.has(obj.kind) || typeof obj.metadata?.name !== 'string')
    return undefined;
  const pod = obj.spec?.template;
  const containers: any[] = Array.isArray(pod?.spec?.containers)
    ? pod.spec.containers
    : [];
  const selector = stringRecord(obj.spec?.selector?.matchLabels);
  return {
    path,
    kind: obj.kind,
    apiVersion: String(obj.apiVersion ?? 'apps/v1'),
    name: obj.metadata.name,
    selector: Object.keys(selector).length
      ? selector
      : stringRecord(pod?.metadata?.labels),
    containers: containers.map(c => ({
      name: String(c?.name ?? 'app'),
      port: c?.ports?.[0]?.name ?? c?.ports?.[0]?.containerPort,
      portName: c?.ports?.[0]?.name,
    })),
  };
}

/** Files holding the repository's own manifests (not a chart). */
export async function manifestFiles(
  context: RemediationContext,
): Promise<string[]> {
  const layout = context.profile.kubernetes;
  if (layout.kind !== 'kustomize' && layout.kind !== 'manifests') return [];
  const dir = layout.dir === '.' ? '' : `${layout.dir}/`;
  return (await context.tree.listFiles()).filter(
    p =>
      p.startsWith(dir) &&
      !p.slice(dir.length).includes('/') &&
      /\.ya?ml$/.test(p) &&
      !/kustomization\.ya?ml$/i.test(p),
  );
}

/**
 * The Deployments and StatefulSets of the repository: from its manifests,
 * or rendered from its chart's templates.
 */
export async function findWorkloads(
  context: RemediationContext,
): Promise<Workload[]> {
  const found: Workload[] = [];
  const layout = context.profile.kubernetes;
  if (layout.kind === 'helm') {
    const dir = layout.dir === '.' ? '' : `${layout.dir}/`;
    let values: unknown = {};
    let chartName = context.profile.name;
    try {
      values =
        parse((await context.tree.readFile(`${dir}values.yaml`)) ?? '') ?? {};
      chartName =
        parse((await context.tree.readFile(`${dir}Chart.yaml`)) ?? '')?.name ??
        chartName;
    } catch {
      // The detectors report malformed files; nothing to add here.
    }
    for (const path of (await context.tree.listFiles()).filter(
      p => p.startsWith(`${dir}templates/`) && /\.ya?ml$/.test(p),
    )) {
      const text = (await context.tree.readFile(path)) ?? '';
      for (const doc of parseAllDocuments(
        renderHelmTemplate(text, values, chartName),
      )) {
        if (doc.errors.length === 0) {
          const w = toWorkload(path, doc.toJS());
          if (w) found.push(w);
        }
      }
    }
    return found;
  }
  for (const path of await manifestFiles(context)) {
    const text = (await context.tree.readFile(path)) ?? '';
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length === 0) {
        const w = toWorkload(path, doc.toJS());
        if (w) found.push(w);
      }
    }
  }
  return found;
}

/**
 * Edits the workloads of the repository's manifests in place. `edit` gets
 * each Deployment/StatefulSet document and returns whether it changed it;
 * the files come back with only those documents changed, comments and
 * order kept.
 */
export async function editWorkloads(
  context: RemediationContext,
  edit: (doc: Document, workload: any) => boolean,
): Promise<{ path: string; content: string }[]> {
  const changed: { path: string; content: string }[] = [];
  for (const path of await manifestFiles(context)) {
    const text = (await context.tree.readFile(path)) ?? '';
    const docs = parseAllDocuments(text);
    if (!Array.isArray(docs)) continue;
    let touched = false;
    for (const doc of docs) {
      if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
      const obj = doc.toJS();
      if (SCALABLE.has(obj?.kind) && edit(doc, obj)) touched = true;
    }
    if (touched)
      changed.push({
        path,
        content: docs.map(d => d.toString({ lineWidth: 0 })).join(''),
      });
  }
  return changed;
}
