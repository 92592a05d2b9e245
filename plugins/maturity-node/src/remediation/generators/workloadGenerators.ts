import { parse } from 'yaml';
import type {
  GeneratorResult,
  RemediationContext,
  RemediationGenerator,
} from '../RemediationGenerator';
import {
  chartLeafReads,
  chartValueRead,
  podSpecIndent,
} from '../kubernetes/chartValueReads';
import { insertIntoChartTemplate } from '../kubernetes/chartTemplateInsert';
import { serviceWorkload } from '../targeting/serviceWorkload';
import type { WorkloadCandidate } from '../targeting/WorkloadCandidate';
import { editYaml, type YamlEdit } from '../yamlEdit/editYaml';

const RESOURCES = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { memory: '256Mi' },
};
const POD_SECURITY = { runAsNonRoot: true, runAsUser: 65532 };

type Path = (string | number)[];
/** Changes to one object, as paths under it and the values to set there. */
type Changes = { path: Path; value: unknown }[];

const containers = (object: any): any[] =>
  Array.isArray(object?.spec?.template?.spec?.containers)
    ? object.spec.template.spec.containers
    : [];
const containerPath = (i: number): Path => [
  'spec',
  'template',
  'spec',
  'containers',
  i,
];

/** The parts of the default resources a container (or a values entry) lacks. */
function missingResources(current: any, at: Path): Changes {
  const out: Changes = [];
  if (!current?.requests?.cpu && !current?.requests?.memory) {
    out.push({
      path: [...at, 'requests', 'cpu'],
      value: RESOURCES.requests.cpu,
    });
    out.push({
      path: [...at, 'requests', 'memory'],
      value: RESOURCES.requests.memory,
    });
  }
  if (!current?.limits?.cpu && !current?.limits?.memory)
    out.push({
      path: [...at, 'limits', 'memory'],
      value: RESOURCES.limits.memory,
    });
  return out;
}

function probePort(container: any): string | number | undefined {
  return container?.ports?.[0]?.name ?? container?.ports?.[0]?.containerPort;
}

interface WorkloadChange {
  describe: string;
  /** For a manifest: changes to the workload object. */
  manifest: (workload: any) => Changes | { skipped: string };
  /** For a chart: the template key that reads values, and what to set there. */
  chart?: {
    key: string;
    level: 'pod' | 'container' | 'spec';
    changes: (
      current: unknown,
      at: Path,
      workload: WorkloadCandidate,
    ) => Changes;
    /** The mapping's keys and values, when the chart may read them one by one. */
    leaves?: Record<string, unknown>;
    describe: string;
  };
}

async function chartChange(
  context: RemediationContext,
  workload: WorkloadCandidate,
  spec: WorkloadChange,
): Promise<GeneratorResult> {
  const template = (await context.tree.readFile(workload.path)) ?? '';
  const pod = podSpecIndent(template);
  // A pod's keys sit level with `containers:`, a container's deeper.
  let where: { minIndent?: number; maxIndent?: number } = {};
  if (pod !== undefined && spec.chart?.level === 'pod')
    where = { minIndent: pod, maxIndent: pod };
  if (pod !== undefined && spec.chart?.level === 'container')
    where = { minIndent: pod + 1 };
  const read = spec.chart
    ? chartValueRead(template, spec.chart.key, where)
    : undefined;
  if (spec.chart?.leaves && !read) {
    const leaves = await leafChange(
      context,
      workload,
      template,
      spec.chart.leaves,
      spec,
    );
    if (leaves) return leaves;
  }
  if (!spec.chart || !read) return templateChange(workload, template, spec);
  const valuesPath = `${workload.chart ? `${workload.chart}/` : ''}values.yaml`;
  const text = (await context.tree.readFile(valuesPath)) ?? '';
  let values: any;
  try {
    values = parse(text) ?? {};
  } catch {
    return { skipped: `${valuesPath} does not parse` };
  }
  const current = read.reduce(
    (v: any, k) => (v && typeof v === 'object' ? v[k] : undefined),
    values,
  );
  const changes = spec.chart.changes(current, read, workload);
  if (changes.length === 0)
    return { skipped: `${valuesPath} sets ${read.join('.')} already` };
  const edits: YamlEdit[] = changes.map(c => ({
    op: 'set',
    path: c.path,
    value: c.value,
  }));
  return {
    files: [
      {
        path: valuesPath,
        content: editYaml(text, edits),
        action: 'update',
        description: `${spec.chart.describe} (\`${read.join('.')}\`, read by ${
          workload.path
        }).`,
      },
    ],
  };
}

/**
 * Values set key by key where the template (or a helper it includes) reads
 * each key of the mapping from its own value.
 */
async function leafChange(
  context: RemediationContext,
  workload: WorkloadCandidate,
  template: string,
  leaves: Record<string, unknown>,
  spec: WorkloadChange,
): Promise<GeneratorResult | undefined> {
  const dir = workload.chart ? `${workload.chart}/` : '';
  const helpers = await Promise.all(
    (await context.tree.listFiles())
      .filter(f => f.startsWith(`${dir}templates/`) && /\/_[^/]*\.tpl$/.test(f))
      .map(f => context.tree.readFile(f)),
  );
  const reads = chartLeafReads(
    [template, ...helpers.map(h => h ?? '')],
    Object.keys(leaves),
  );
  if (!reads) return undefined;
  const valuesPath = `${dir}values.yaml`;
  const text = (await context.tree.readFile(valuesPath)) ?? '';
  let values: any;
  try {
    values = parse(text) ?? {};
  } catch {
    return undefined;
  }
  const at = (p: string[]) =>
    p.reduce(
      (v: any, k) => (v && typeof v === 'object' ? v[k] : undefined),
      values,
    );
  const edits: YamlEdit[] = Object.entries(leaves)
    .filter(([key, value]) => at(reads[key]) !== value)
    .map(([key, value]) => ({ op: 'set', path: reads[key], value }));
  if (edits.length === 0)
    return { skipped: `${valuesPath} sets these already` };
  return {
    files: [
      {
        path: valuesPath,
        content: editYaml(text, edits),
        action: 'update',
        description: `${spec.chart!.describe} (${Object.entries(reads)
          .map(([k, p]) => `\`${p.join('.')}\` for ${k}`)
          .join(', ')}, read by ${workload.path}).`,
      },
    ],
  };
}

/**
 * The change written into the chart's template itself, when the template
 * neither has the key nor reads it from values: the same objects a manifest
 * edit would set, as plain YAML lines in the template.
 */
function templateChange(
  workload: WorkloadCandidate,
  template: string,
  spec: WorkloadChange,
): GeneratorResult {
  const changes = spec.manifest(workload.object);
  const reason = `${workload.path} does not read ${
    spec.chart?.key ?? 'this'
  } from the chart's values, and its lines could not be changed safely; change the template itself`;
  if ('skipped' in changes || changes.length === 0) return { skipped: reason };
  // Paths of the object: spec.replicas, the pod's securityContext.<key>,
  // or containers.<i>.<key>.<rest…> (only the first container here).
  const container = changes.filter(c => c.path[3] === 'containers');
  if (container.some(c => c.path[4] !== 0)) return { skipped: reason };
  const byKey = new Map<string, Record<string, unknown>>();
  for (const c of container) {
    const key = String(c.path[5]);
    const rest = c.path.slice(6).map(String);
    if (rest.length === 0) {
      byKey.set(key, c.value as Record<string, unknown>);
      continue;
    }
    let node: any = byKey.get(key) ?? {};
    byKey.set(key, node);
    for (const k of rest.slice(0, -1)) {
      node[k] ??= {};
      node = node[k];
    }
    node[rest[rest.length - 1]] = c.value;
  }
  const pod = Object.fromEntries(
    changes
      .filter(c => c.path[3] === 'securityContext')
      .map(c => [String(c.path[4]), c.value]),
  );
  let text: string | undefined = template;
  for (const [key, value] of byKey)
    text =
      text === undefined
        ? undefined
        : insertIntoChartTemplate(text, 'container', key, value);
  if (Object.keys(pod).length > 0 && text !== undefined)
    text = insertIntoChartTemplate(text, 'pod', 'securityContext', pod);
  for (const c of changes.filter(x => x.path.length === 2))
    text =
      text === undefined
        ? undefined
        : insertIntoChartTemplate(text, 'spec', String(c.path[1]), c.value);
  if (text === undefined || text === template) return { skipped: reason };
  return {
    files: [
      {
        path: workload.path,
        content: text,
        action: 'update',
        description: `${spec.describe} (in the chart's ${workload.path}, which does not read it from values).`,
      },
    ],
  };
}

/**
 * A change to the entity's own workload: edited in place in its manifest
 * (only that document, only the lines that change), or set at the key of
 * the chart's values that its template reads — including nested
 * per-service keys and values that are only partly set.
 */
function workloadGenerator(
  checkId: string,
  spec: WorkloadChange,
): RemediationGenerator {
  return {
    checkId,
    async generate(context) {
      const target = await serviceWorkload(context);
      if ('skipped' in target) return target;
      const { workload } = target;
      if (workload.source === 'chart')
        return chartChange(context, workload, spec);
      const changes = spec.manifest(workload.object);
      if ('skipped' in changes) return changes;
      if (changes.length === 0)
        return { skipped: `${workload.path} has this already` };
      const text = (await context.tree.readFile(workload.path)) ?? '';
      return {
        files: [
          {
            path: workload.path,
            content: editYaml(
              text,
              changes.map(c => ({
                op: 'set' as const,
                path: c.path,
                value: c.value,
                document: workload.document,
              })),
            ),
            action: 'update',
            description: `${spec.describe} (${workload.kind} ${workload.name}).`,
          },
        ],
      };
    },
  };
}

/**
 * Generators that change the service's workload itself: probes, requests
 * and limits, replicas and a non-root security context.
 *
 * @public
 */
export function workloadGenerators(): RemediationGenerator[] {
  return [
    workloadGenerator('obs.health', {
      describe:
        'Adds TCP readiness and liveness probes on the service port to containers that had none; switch them to the real health endpoint',
      manifest: object => {
        const out: Changes = [];
        containers(object).forEach((c, i) => {
          if (c?.readinessProbe || c?.livenessProbe || c?.startupProbe) return;
          const port = probePort(c);
          if (port === undefined) return;
          out.push({
            path: [...containerPath(i), 'readinessProbe'],
            value: { tcpSocket: { port }, periodSeconds: 10 },
          });
          out.push({
            path: [...containerPath(i), 'livenessProbe'],
            value: {
              tcpSocket: { port },
              initialDelaySeconds: 10,
              periodSeconds: 20,
            },
          });
        });
        return out.length > 0
          ? out
          : { skipped: 'no container without probes declares a port to probe' };
      },
    }),
    workloadGenerator('rel.resources', {
      describe:
        'Adds CPU/memory requests and a memory limit to containers without them (starting points: adjust to measured usage)',
      manifest: object =>
        containers(object).flatMap((c, i) =>
          missingResources(c?.resources, [...containerPath(i), 'resources']),
        ),
      chart: {
        key: 'resources',
        level: 'container',
        changes: (current, at) => missingResources(current, at),
        describe:
          'Sets the CPU/memory requests and memory limit the chart values lacked',
      },
    }),
    workloadGenerator('rel.replicas', {
      describe: 'Runs two replicas, so one can fail or roll without downtime',
      manifest: object => {
        const replicas = object?.spec?.replicas;
        return typeof replicas === 'number' && replicas >= 2
          ? []
          : [{ path: ['spec', 'replicas'], value: 2 }];
      },
      chart: {
        key: 'replicas',
        level: 'spec',
        changes: (current, at) =>
          typeof current === 'number' && current >= 2
            ? []
            : [{ path: at, value: 2 }],
        describe: 'Runs two replicas',
      },
    }),
    workloadGenerator('sec.non-root', {
      describe:
        'Runs the pods as a non-root user (runAsNonRoot, UID 65532); the image must not need root',
      manifest: object => {
        const ctx = object?.spec?.template?.spec?.securityContext ?? {};
        if (ctx.runAsNonRoot === true) return [];
        return Object.entries(POD_SECURITY)
          .filter(([k]) => ctx[k] === undefined || k === 'runAsNonRoot')
          .map(([k, v]) => ({
            path: ['spec', 'template', 'spec', 'securityContext', k],
            value: v,
          }));
      },
      chart: {
        key: 'securityContext',
        level: 'pod',
        changes: (current: any, at) =>
          current?.runAsNonRoot === true
            ? []
            : Object.entries(POD_SECURITY)
                .filter(
                  ([k]) => current?.[k] === undefined || k === 'runAsNonRoot',
                )
                .map(([k, v]) => ({ path: [...at, k], value: v })),
        describe: 'Runs the pods as a non-root user',
        leaves: POD_SECURITY,
      },
    }),
  ];
}
