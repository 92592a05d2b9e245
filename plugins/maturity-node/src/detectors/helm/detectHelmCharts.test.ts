import { detectFixture } from '../__testUtils__/detectFixture';

const library = {
  'charts/common/Chart.yaml':
    'apiVersion: v2\nname: common\ntype: library\nversion: 1.0.0\n',
  'charts/common/values.yaml': 'defaults:\n  replicaCount: 1\n',
  'charts/common/templates/_deployment.tpl': `{{- define "common.deployment" -}}
{{- $root := .root -}}
{{- $component := .component -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $component.name }}
spec:
  replicas: {{ default 1 $component.replicaCount }}
  template:
    spec:
      containers:
        - name: {{ $component.name }}
          image: "{{ $component.image }}"
          {{- with $component.readinessProbe }}
          readinessProbe:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $component.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
{{- end -}}
`,
};

describe('Helm charts', () => {
  it("expands include of a library chart template with the caller's dict argument and values files", async () => {
    const r = await detectFixture({
      ...library,
      'charts/api/Chart.yaml':
        'apiVersion: v2\nname: api\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 1.0.0\n    repository: file://../common\n',
      'charts/api/values.yaml':
        'component:\n  name: api\n  image: ghcr.io/acme/api:1\n  readinessProbe:\n    httpGet: { path: /ready, port: 8080 }\n',
      'charts/api/values-prod.yaml':
        'component:\n  replicaCount: 3\n  resources:\n    requests: { cpu: 100m, memory: 128Mi }\n    limits: { memory: 256Mi }\n',
      'charts/api/templates/app.yaml':
        '{{ include "common.deployment" (dict "root" . "component" .Values.component) }}\n',
    });
    expect(r.value('obs.health')).toBe(true);
    expect(r.value('rel.replicas')).toBe(true);
    expect(r.notes('rel.replicas')).toContain('values-prod.yaml');
    expect(r.value('rel.resources')).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('renders one workload per entry of a range over a map, with its variables', async () => {
    const r = await detectFixture({
      'deploy/Chart.yaml': 'apiVersion: v2\nname: platform\nversion: 1.0.0\n',
      'deploy/values.yaml': `services:
  api:
    image: ghcr.io/acme/api:1
    replicaCount: 2
    resources: { requests: { cpu: 50m }, limits: { cpu: 100m } }
  worker:
    image: ghcr.io/acme/worker:1
    replicaCount: 1
`,
      'deploy/templates/services.yaml': `{{- range $name, $svc := .Values.services }}
{{- $fullName := printf "%s-%s" $.Release.Name $name }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullName }}
spec:
  replicas: {{ $svc.replicaCount }}
  template:
    spec:
      containers:
        - name: {{ $name }}
          image: {{ $svc.image }}
          {{- if $svc.resources }}
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
          {{- end }}
{{- end }}
`,
    });
    expect(r.value('rel.replicas')).toBe(true);
    expect(r.notes('rel.replicas')).toContain('platform-api');
    expect(r.value('rel.resources')).toBe(true);
    expect(r.notes('rel.resources')).toContain('container api');
  });

  it('decides a condition it cannot evaluate from the shipped values files, never as on by default', async () => {
    const chart = (extra: Record<string, string>) => ({
      'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
      'chart/values.yaml': 'keda:\n  enabled: false\npdb:\n  enabled: false\n',
      'chart/templates/scaler.yaml': `{{- if and .Values.keda.enabled (semverCompare ">=1.23" .Capabilities.KubeVersion.Version) }}
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: api
spec:
  minReplicaCount: 2
{{- end }}
`,
      'chart/templates/pdb.yaml': `{{- if .Capabilities.APIVersions.Has "policy/v1" }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api
{{- end }}
`,
      ...extra,
    });
    const off = await detectFixture(chart({}));
    expect(off.value('rel.autoscaling')).toBe(false);
    expect(off.value('rel.pdb')).toBe(false);
    const on = await detectFixture(
      chart({ 'chart/values-production.yaml': 'keda:\n  enabled: true\n' }),
    );
    expect(on.value('rel.autoscaling')).toBe(true);
  });

  it('gives umbrella values to sub-charts and skips test hooks and vendored charts', async () => {
    const r = await detectFixture({
      'helm/Chart.yaml':
        'apiVersion: v2\nname: suite\nversion: 1.0.0\ndependencies:\n  - name: api\n    version: 1.0.0\n    repository: file://charts/api\n  - name: postgresql\n    version: 12.0.0\n    repository: https://charts.bitnami.com/bitnami\n',
      'helm/values.prod.yaml': 'api:\n  replicaCount: 3\n',
      'helm/charts/api/Chart.yaml':
        'apiVersion: v2\nname: api\nversion: 1.0.0\n',
      'helm/charts/api/values.yaml': 'replicaCount: 1\n',
      'helm/charts/api/templates/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1\n',
      'helm/charts/api/templates/tests/ping.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ping\n  annotations:\n    "helm.sh/hook": test\nspec:\n  securityContext: { runAsNonRoot: true }\n  containers:\n    - name: ping\n      image: ghcr.io/acme/ping:1\n      resources: { requests: { cpu: 10m }, limits: { cpu: 20m } }\n',
      'helm/charts/postgresql/Chart.yaml':
        'apiVersion: v2\nname: postgresql\nversion: 12.0.0\n',
      'helm/charts/postgresql/templates/sts.yaml':
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: db\n          image: docker.io/acme/db:1\n',
    });
    expect(r.value('rel.replicas')).toBe(true);
    expect(r.evidence('rel.replicas')).toEqual([
      expect.objectContaining({
        path: 'helm/charts/api/templates/deployment.yaml',
        note: expect.stringContaining('helm/values.prod.yaml'),
      }),
    ]);
    expect(r.value('sec.non-root')).toBe(false);
    expect(r.value('rel.resources')).toBe(false);
  });

  it('warns when a rendered template does not parse instead of counting its kind: lines', async () => {
    const r = await detectFixture({
      'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
      'chart/templates/hpa.yaml':
        'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: [unclosed\n',
    });
    expect(r.value('rel.autoscaling')).toBe(false);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        path: 'chart/templates/hpa.yaml',
        message: expect.stringContaining('does not parse'),
      }),
    ]);
  });
});
