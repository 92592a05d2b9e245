import { parse, parseAllDocuments } from 'yaml';
import { missingInCi, missingTools } from './__testUtils__/systemTools';
import { fileOf, planFor, removedLines } from './__testUtils__/planFor';
import {
  helmTemplateCheck,
  locateHelmTemplateCheck,
} from './validation/helmTemplateCheck';

jest.setTimeout(120_000);

const deployment = (
  name: string,
  image: string,
  extra = '',
) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${name}
          image: ${image}
          ports:
            - name: http
              containerPort: 8080
${extra}`;

/** A chart as `helm create` writes it: names and selectors from helpers. */
function chart(dir: string, name: string, extra: Record<string, string> = {}) {
  return {
    [`${dir}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`,
    [`${dir}/values.yaml`]:
      'replicaCount: 1\nimage:\n  repository: ghcr.io/acme/shop\n  tag: "1.0"\nresources: {}\n',
    [`${dir}/templates/_helpers.tpl`]: [
      `{{- define "${name}.fullname" -}}`,
      `{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}`,
      '{{- end }}',
      `{{- define "${name}.selectorLabels" -}}`,
      `app.kubernetes.io/name: {{ .Chart.Name }}`,
      'app.kubernetes.io/instance: {{ .Release.Name }}',
      '{{- end }}',
      '',
    ].join('\n'),
    [`${dir}/templates/deployment.yaml`]: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: {{ include "${name}.fullname" . }}`,
      'spec:',
      '  replicas: {{ .Values.replicaCount }}',
      '  selector:',
      '    matchLabels:',
      `      {{- include "${name}.selectorLabels" . | nindent 6 }}`,
      '  template:',
      '    metadata:',
      '      labels:',
      `        {{- include "${name}.selectorLabels" . | nindent 8 }}`,
      '    spec:',
      '      containers:',
      `        - name: {{ .Chart.Name }}`,
      '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '          ports:',
      '            - name: http',
      '              containerPort: 8080',
      '          resources:',
      '            {{- toYaml .Values.resources | nindent 12 }}',
      '',
    ].join('\n'),
    ...extra,
  };
}

const objectsOf = (text: string) => parseAllDocuments(text).map(d => d.toJS());

describe('remediation aims at the service’s own workload', () => {
  it('never attaches the autoscaler, budget or scrape config to the repository’s PostgreSQL, nor changes it', async () => {
    const files = {
      'k8s/postgres.yaml': deployment('postgres', 'postgres:16'),
      'k8s/shop.yaml': deployment('shop', 'ghcr.io/acme/shop:1.0'),
    };
    const plan = await planFor(
      files,
      [
        'rel.autoscaling',
        'rel.pdb',
        'obs.metrics',
        'rel.replicas',
        'sec.non-root',
      ],
      { name: 'shop' },
    );
    expect(plan.checks.map(c => c.id).sort()).toEqual(
      [
        'obs.metrics',
        'rel.autoscaling',
        'rel.pdb',
        'rel.replicas',
        'sec.non-root',
      ].sort(),
    );
    expect(fileOf(plan, 'k8s/postgres.yaml')).toBeUndefined();
    const hpa = parse(fileOf(plan, 'k8s/shop-hpa.yaml')!.content);
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'shop',
    });
    expect(
      parse(fileOf(plan, 'k8s/shop-pdb.yaml')!.content).spec.selector
        .matchLabels,
    ).toEqual({ app: 'shop' });
    expect(
      parse(fileOf(plan, 'k8s/shop-podmonitor.yaml')!.content).spec.selector
        .matchLabels,
    ).toEqual({ app: 'shop' });
  });

  it('in a repository of eleven services, changes only the entity’s own — and names the candidates when it cannot tell', async () => {
    const names = [
      'ad',
      'cart',
      'checkout',
      'currency',
      'email',
      'frontend',
      'loadgen',
      'payment',
      'catalog',
      'recommend',
      'shipping',
    ];
    const files = Object.fromEntries(
      names.map(n => [
        `kubernetes-manifests/${n}.yaml`,
        deployment(n, `ghcr.io/acme/demo/${n}:1`),
      ]),
    );
    const cart = await planFor(files, ['rel.pdb', 'rel.resources'], {
      name: 'cart',
    });
    expect(cart.files.map(f => f.path).sort()).toEqual(
      [
        'kubernetes-manifests/cart.yaml',
        'kubernetes-manifests/cart-pdb.yaml',
      ].sort(),
    );
    expect(
      parse(fileOf(cart, 'kubernetes-manifests/cart-pdb.yaml')!.content).spec
        .selector.matchLabels,
    ).toEqual({ app: 'cart' });

    const repo = await planFor(files, ['rel.pdb'], {
      name: 'microservices-demo',
    });
    expect(repo.files).toEqual([]);
    expect(repo.skipped[0].reason).toMatch(
      /cannot tell which workload is microservices-demo: Deployment ad \(kubernetes-manifests\/ad\.yaml\)/,
    );
    expect(repo.skipped[0].reason).toMatch(/backstage\.io\/kubernetes-id/);

    // The annotation settles it.
    const annotated = {
      ...files,
      'kubernetes-manifests/email.yaml': files[
        'kubernetes-manifests/email.yaml'
      ].replace(
        '        app: email',
        '        app: email\n        backstage.io/kubernetes-id: mail',
      ),
    };
    const byId = await planFor(annotated, ['rel.pdb'], {
      name: 'mailer',
      kubernetesId: 'mail',
    });
    expect(
      parse(fileOf(byId, 'kubernetes-manifests/email-pdb.yaml')!.content).spec
        .selector.matchLabels,
    ).toEqual({ app: 'email' });
  });

  it('picks the service’s chart, not a vendored third-party chart with a shorter path, nor a chart without templates', async () => {
    const files = {
      ...chart('deploy/helm/shop', 'shop'),
      // A vendored logging chart: shorter path, a third-party image.
      'charts/fluent-bit/Chart.yaml':
        'apiVersion: v2\nname: fluent-bit\nversion: 0.47.0\n',
      'charts/fluent-bit/values.yaml':
        'image:\n  repository: cr.fluentbit.io/fluent/fluent-bit\n',
      'charts/fluent-bit/templates/daemonset.yaml': deployment(
        'fluent-bit',
        'cr.fluentbit.io/fluent/fluent-bit:3.1',
      ),
      // A chart with no templates at the root.
      'chart/Chart.yaml': 'apiVersion: v2\nname: umbrella\nversion: 0.1.0\n',
      'chart/values.yaml': 'global: {}\n',
    };
    const plan = await planFor(files, ['rel.pdb'], { name: 'shop' });
    expect(plan.files.map(f => f.path)).toEqual([
      'deploy/helm/shop/templates/pdb.yaml',
    ]);
  });

  it('never touches a database or test fixture even when the entity name says nothing', async () => {
    const files = {
      'deploy/app.yaml': deployment('web', 'ghcr.io/acme/site:2'),
      'deploy/redis.yaml': deployment('cache', 'docker.io/library/redis:7'),
      'test/fixtures/deployment.yaml': deployment(
        'fixture',
        'ghcr.io/acme/fixture:1',
      ),
    };
    const plan = await planFor(files, ['rel.replicas'], { name: 'storefront' });
    expect(plan.files.map(f => f.path)).toEqual(['deploy/app.yaml']);
  });

  it('writes the autoscaler target with the current API, even when the workload uses a removed one', async () => {
    const files = {
      'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1').replace(
        'apps/v1',
        'extensions/v1beta1',
      ),
    };
    const plan = await planFor(files, ['rel.autoscaling'], { name: 'api' });
    const hpa = parse(fileOf(plan, 'k8s/hpa.yaml')!.content);
    expect(hpa.spec.scaleTargetRef.apiVersion).toBe('apps/v1');
    expect(fileOf(plan, 'k8s/hpa.yaml')!.content).not.toContain(
      'extensions/v1beta1',
    );
  });

  it('turns on the chart’s own switchable budget instead of adding an always-on second one', async () => {
    const files = chart('chart', 'shop', {
      'chart/values.yaml':
        'replicaCount: 1\nresources: {}\npodDisruptionBudget:\n  create: false\n  minAvailable: 1\n',
      'chart/templates/pdb.yaml': [
        '{{- if .Values.podDisruptionBudget.create }}',
        'apiVersion: policy/v1',
        'kind: PodDisruptionBudget',
        'metadata:',
        '  name: {{ include "shop.fullname" . }}',
        'spec:',
        '  minAvailable: {{ .Values.podDisruptionBudget.minAvailable }}',
        '  selector:',
        '    matchLabels:',
        '      {{- include "shop.selectorLabels" . | nindent 6 }}',
        '{{- end }}',
        '',
      ].join('\n'),
    });
    const plan = await planFor(files, ['rel.pdb'], { name: 'shop' });
    expect(plan.files.map(f => [f.path, f.action])).toEqual([
      ['chart/values.yaml', 'update'],
    ]);
    expect(plan.files[0].content).toContain(
      'podDisruptionBudget:\n  create: true\n  minAvailable: 1\n',
    );

    // Switched by a condition we cannot set safely: skipped, not duplicated.
    const guarded = await planFor(
      {
        ...files,
        'chart/templates/pdb.yaml': files['chart/templates/pdb.yaml'].replace(
          '{{- if .Values.podDisruptionBudget.create }}',
          '{{- if gt (int .Values.replicaCount) 1 }}',
        ),
      },
      ['rel.pdb'],
      { name: 'shop' },
    );
    expect(guarded.files).toEqual([]);
    expect(guarded.skipped[0].reason).toMatch(
      /declares a PodDisruptionBudget behind `gt \(int \.Values\.replicaCount\) 1`/,
    );
  });

  it('sets values at the key the template reads: nested per-service keys and partly set resources', async () => {
    const files = chart('chart', 'shop', {
      'chart/values.yaml': [
        '# Values of the shop chart.',
        'api:',
        '    replicaCount: 1',
        '    resources:',
        '        limits:',
        '            memory: 512Mi',
        '',
        'worker:',
        '    resources: {}',
        '',
      ].join('\n'),
    });
    files['chart/templates/deployment.yaml'] = files[
      'chart/templates/deployment.yaml'
    ]
      .replace('{{ .Values.replicaCount }}', '{{ .Values.api.replicaCount }}')
      .replace('toYaml .Values.resources', 'toYaml .Values.api.resources');
    const plan = await planFor(files, ['rel.resources', 'rel.replicas'], {
      name: 'shop',
    });
    expect(plan.checks.map(c => c.id).sort()).toEqual([
      'rel.replicas',
      'rel.resources',
    ]);
    const values = fileOf(plan, 'chart/values.yaml')!.content;
    expect(parse(values).api).toEqual({
      replicaCount: 2,
      resources: {
        limits: { memory: '512Mi' },
        requests: { cpu: '100m', memory: '128Mi' },
      },
    });
    expect(parse(values).worker).toEqual({ resources: {} });
    expect(removedLines(files['chart/values.yaml'], values)).toEqual([
      '    replicaCount: 1',
    ]);
  });

  it('sets each key where a helper of the chart reads it, in values.yaml', async () => {
    const files = chart('chart', 'shop', {
      'chart/values.yaml':
        'security:\n  # -- by default, apps run as root\n  runAsNonRoot: false\n  runAsUid: 0\n',
    });
    files['chart/templates/_helpers.tpl'] += [
      '{{- define "shop.securitycontext" -}}',
      'runAsNonRoot: {{ .Values.security.runAsNonRoot | default false }}',
      'runAsUser: {{ .Values.security.runAsUid | default 0 }}',
      '{{- end -}}',
      '',
    ].join('\n');
    files['chart/templates/deployment.yaml'] = files[
      'chart/templates/deployment.yaml'
    ].replace(
      '    spec:\n      containers:',
      '    spec:\n      securityContext:\n{{- include "shop.securitycontext" . | nindent 8 }}\n      containers:',
    );
    const plan = await planFor(files, ['sec.non-root'], { name: 'shop' });
    expect(plan.files.map(f => f.path)).toEqual(['chart/values.yaml']);
    expect(plan.files[0].content).toBe(
      'security:\n  # -- by default, apps run as root\n  runAsNonRoot: true\n  runAsUid: 65532\n',
    );
  });

  it('writes into the chart’s template what it neither has nor reads from values, in its lines and indentation', async () => {
    const files = chart('chart', 'shop');
    files['chart/templates/deployment.yaml'] = files[
      'chart/templates/deployment.yaml'
    ]
      .replace('  replicas: {{ .Values.replicaCount }}\n', '')
      .replace(
        '          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n',
        '',
      );
    const plan = await planFor(
      files,
      ['sec.non-root', 'rel.replicas', 'rel.resources'],
      { name: 'shop' },
    );
    expect(plan.checks.map(c => c.id).sort()).toEqual([
      'rel.replicas',
      'rel.resources',
      'sec.non-root',
    ]);
    const edited = fileOf(plan, 'chart/templates/deployment.yaml')!;
    expect(
      removedLines(files['chart/templates/deployment.yaml'], edited.content),
    ).toEqual([]);
    expect(edited.content).toContain('spec:\n  replicas: 2\n  selector:');
    expect(edited.content).toContain(
      '    spec:\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 65532\n      containers:',
    );
    expect(edited.content).toContain(
      '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          resources:\n            requests:\n',
    );
  });
});

const describeWithGo =
  missingTools(['go']).length === 0 ? describe : describe.skip;

it('has Go to build the chart template checker (CI installs it)', () => {
  expect(missingInCi(['go'])).toEqual([]);
});

describeWithGo('chart templates that Helm renders', () => {
  async function render(files: Record<string, string>, chartDir: string) {
    const binary = await locateHelmTemplateCheck();
    const own = Object.fromEntries(
      Object.entries(files)
        .filter(([p]) => p.startsWith(`${chartDir}/`))
        .map(([p, t]) => [p.slice(chartDir.length + 1), t]),
    );
    return helmTemplateCheck(binary!, {
      chart: { name: parse(own['Chart.yaml']).name },
      files: own,
      values: parse(own['values.yaml']),
      render: true,
    });
  }

  it('a PrometheusRule in a chart keeps Prometheus’ {{ $labels }} for Prometheus, and the chart still renders', async () => {
    const files = chart('chart', 'shop');
    const plan = await planFor(files, ['obs.alerts'], { name: 'shop' });
    const rule = fileOf(plan, 'chart/templates/prometheusrule.yaml')!;
    const answer = await render(
      { ...files, [rule.path]: rule.content },
      'chart',
    );
    expect(answer.parseErrors).toEqual({});
    expect(answer.renderErrors).toEqual({});
    const [object] = objectsOf(
      answer.rendered['templates/prometheusrule.yaml'],
    );
    expect(object.metadata.name).toBe('release-shop');
    expect(JSON.stringify(object)).toContain(
      'No instance of {{ $labels.service }} is up',
    );
  });

  it('names the autoscaler’s target and the budget’s selector through the chart’s helpers, as Helm renders them', async () => {
    const files = chart('chart', 'shop');
    const plan = await planFor(files, ['rel.autoscaling', 'rel.pdb'], {
      name: 'shop',
    });
    const all = {
      ...files,
      ...Object.fromEntries(plan.files.map(f => [f.path, f.content])),
    };
    expect(all['chart/templates/hpa.yaml']).toContain(
      'name: {{ include "shop.fullname" . }}',
    );
    const answer = await render(all, 'chart');
    const [workload] = objectsOf(answer.rendered['templates/deployment.yaml']);
    const [hpa] = objectsOf(answer.rendered['templates/hpa.yaml']);
    const [pdb] = objectsOf(answer.rendered['templates/pdb.yaml']);
    expect(workload.metadata.name).toBe('release-shop');
    expect(hpa.spec.scaleTargetRef.name).toBe(workload.metadata.name);
    expect(pdb.spec.selector.matchLabels).toEqual(
      workload.spec.selector.matchLabels,
    );
  });
});
