import { InMemoryRepositoryTree } from '../tree/InMemoryRepositoryTree';
import { detectRepositoryFacts } from './detectRepositoryFacts';

async function detect(files: Record<string, string>) {
  const result = await detectRepositoryFacts(
    new InMemoryRepositoryTree(files),
    {
      now: new Date('2026-11-24T00:00:00Z'),
    },
  );
  const value = (id: string) =>
    result.facts.find(f => f.id === `repository.${id}`)?.value;
  const evidence = (id: string) =>
    result.facts.find(f => f.id === `repository.${id}`)?.evidence ?? [];
  return { ...result, value, evidence };
}

describe('detectRepositoryFacts: CI', () => {
  it('reads a GitHub Actions pipeline that tests, builds, pushes, scans and signs', async () => {
    const r = await detect({
      '.github/workflows/ci.yml': `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
      - run: npm ci
      - run: npm test
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
      - uses: docker/build-push-action@v6
        with:
          push: \${{ github.ref == 'refs/heads/main' }}
          tags: ghcr.io/acme/api:\${{ github.sha }}
      - uses: aquasecurity/trivy-action@0.28.0
        with:
          image-ref: ghcr.io/acme/api:\${{ github.sha }}
      - uses: sigstore/cosign-installer@v3
      - run: cosign sign --yes ghcr.io/acme/api@\${{ steps.build.outputs.digest }}
`,
    });
    expect(r.value('ci.pipeline')).toBe(true);
    expect(r.value('ci.tests')).toBe(true);
    expect(r.evidence('ci.tests')[0]).toMatchObject({
      path: '.github/workflows/ci.yml',
      line: 10,
      note: 'run: npm test',
    });
    expect(r.value('ci.container-build')).toBe(true);
    expect(r.value('ci.image-publish')).toBe(true);
    expect(r.value('sec.image-scan')).toBe(true);
    expect(r.value('sec.signing')).toBe(true);
    expect(r.evidence('sec.signing')).toEqual([
      expect.objectContaining({ line: 25 }),
    ]);
    expect(r.value('cd.deploy')).toBe(false);
    expect(
      r.facts.find(f => f.id === 'repository.container.registry')?.value,
    ).toBe('ghcr.io');
    expect(r.facts.find(f => f.id === 'repository.ci.systems')?.value).toEqual([
      'github-actions',
    ]);
  });

  it('does not count a workflow that only lints, or a commented-out test step', async () => {
    const r = await detect({
      '.github/workflows/lint.yml': `on: pull_request
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: |
          npm ci
          npm run lint
          # npm test
`,
    });
    expect(r.value('ci.pipeline')).toBe(true);
    expect(r.value('ci.tests')).toBe(false);
  });

  it('treats kubectl and helm inside a kind cluster as a test, not a deployment', async () => {
    const r = await detect({
      '.github/workflows/e2e.yml': `on: push
jobs:
  e2e:
    runs-on: ubuntu-latest
    steps:
      - uses: helm/kind-action@v1
      - run: helm install api ./chart
      - run: kubectl apply -f k8s/
      - run: go test ./e2e/...
`,
    });
    expect(r.value('cd.deploy')).toBe(false);
    expect(r.value('ci.tests')).toBe(true);
    expect(r.evidence('cd.deploy')[0].note).toContain('throw-away cluster');
  });

  it('counts a deploy job bound to a production environment', async () => {
    const r = await detect({
      '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    environment: production
    runs-on: ubuntu-latest
    steps:
      - run: ./scripts/release.sh
`,
    });
    expect(r.value('cd.deploy')).toBe(true);
  });

  it('reads GitLab CI with anchors, extends and security templates', async () => {
    const r = await detect({
      '.gitlab-ci.yml': `include:
  - template: Security/SAST.gitlab-ci.yml
  - template: Security/Secret-Detection.gitlab-ci.yml
.node: &node
  image: node:22
  before_script:
    - npm ci
test:
  <<: *node
  script:
    - npm test
.docker:
  image: docker:27
  services: [docker:27-dind]
build:
  extends: .docker
  script:
    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .
    - docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA
deploy:
  stage: deploy
  environment: production
  script:
    - helm upgrade --install api ./chart
`,
    });
    expect(r.value('ci.tests')).toBe(true);
    expect(r.value('ci.image-publish')).toBe(true);
    expect(r.value('sec.sast')).toBe(true);
    expect(r.value('sec.secret-scan')).toBe(true);
    expect(r.value('cd.deploy')).toBe(true);
    expect(
      r.facts.find(f => f.id === 'repository.container.registry')?.value,
    ).toBe('registry.gitlab.com');
  });

  it('reads a scripted Jenkinsfile and ignores commented steps', async () => {
    const r = await detect({
      Jenkinsfile: `node {
  stage('Checkout') { checkout scm }
  stage('Test') {
    sh 'mvn -B verify'
  }
  // stage('Scan') { sh 'trivy image app' }
  stage('Image') {
    def image = docker.build("registry.acme.io/app:\${env.BUILD_NUMBER}")
    docker.withRegistry('https://registry.acme.io') { image.push() }
  }
}
`,
    });
    expect(r.value('ci.pipeline')).toBe(true);
    expect(r.value('ci.tests')).toBe(true);
    expect(r.evidence('ci.tests')[0]).toMatchObject({
      path: 'Jenkinsfile',
      line: 4,
    });
    expect(r.value('ci.container-build')).toBe(true);
    expect(r.value('ci.image-publish')).toBe(true);
    expect(r.value('sec.image-scan')).toBe(false);
  });
});

describe('detectRepositoryFacts: containers and Kubernetes', () => {
  it('judges the final stage of a multi-stage Dockerfile', async () => {
    const nonRoot = await detect({
      Dockerfile:
        'FROM golang:1.23 AS build\nUSER root\nRUN go build -o /app\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\nUSER 65532:65532\nHEALTHCHECK CMD ["/app","health"]\nEXPOSE 8080\n',
    });
    expect(nonRoot.value('infra.container')).toBe(true);
    expect(nonRoot.value('sec.non-root')).toBe(true);
    expect(nonRoot.value('obs.health')).toBe(true);
    expect(
      nonRoot.facts.find(f => f.id === 'repository.service.port')?.value,
    ).toBe(8080);

    const root = await detect({
      Dockerfile:
        'FROM node:22 AS build\nUSER node\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\nCMD ["node","server.js"]\n',
    });
    expect(root.value('sec.non-root')).toBe(false);
    expect(root.evidence('sec.non-root')[0].note).toContain('runs as root');
  });

  it('reads multi-document manifests: probes, resources, replicas, HPA, PDB, policies', async () => {
    const r = await detect({
      'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  replicas: 3
  template:
    spec:
      securityContext: { runAsNonRoot: true }
      containers:
        - name: api
          image: ghcr.io/acme/api:1.0.0
          livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api }
spec: { minReplicas: 2, maxReplicas: 5 }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: api }
spec: { minAvailable: 1 }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api }
`,
    });
    for (const id of [
      'infra.k8s',
      'obs.health',
      'rel.resources',
      'rel.replicas',
      'rel.autoscaling',
      'rel.pdb',
      'sec.policy',
      'sec.non-root',
    ]) {
      expect([id, r.value(id)]).toEqual([id, true]);
    }
    expect(r.evidence('rel.pdb')[0]).toMatchObject({
      path: 'k8s/deployment.yaml',
      line: 23,
    });
  });

  it('does not count requests without limits', async () => {
    const r = await detect({
      'deploy/app.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            requests: { cpu: 100m }\n',
    });
    expect(r.value('rel.resources')).toBe(false);
    expect(r.value('rel.replicas')).toBe(false);
  });

  it('renders Helm templates with default values: a PDB switched off does not count', async () => {
    const r = await detect({
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
      'charts/api/values.yaml': `replicaCount: 2
pdb:
  enabled: false
autoscaling:
  enabled: true
  minReplicas: 2
resources:
  requests: { cpu: 100m, memory: 128Mi }
  limits: { cpu: 500m, memory: 256Mi }
podSecurityContext:
  runAsNonRoot: true
`,
      'charts/api/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "api.fullname" . }}
  labels:
    {{- include "api.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  template:
    spec:
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .Chart.Name }}
          readinessProbe:
            httpGet: { path: /ready, port: http }
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
`,
      'charts/api/templates/pdb.yaml': `{{- if .Values.pdb.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "api.fullname" . }}
spec:
  minAvailable: 1
{{- end }}
`,
      'charts/api/templates/hpa.yaml': `{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
spec:
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: 10
{{- end }}
`,
      'charts/api/templates/_helpers.tpl':
        '{{- define "api.fullname" -}}api{{- end }}',
    });
    expect(r.value('infra.k8s')).toBe(true);
    expect(r.value('rel.pdb')).toBe(false);
    expect(r.value('rel.autoscaling')).toBe(true);
    expect(r.value('rel.replicas')).toBe(true);
    expect(r.value('rel.resources')).toBe(true);
    expect(r.value('obs.health')).toBe(true);
    expect(r.value('sec.non-root')).toBe(true);
    expect(r.facts.find(f => f.id === 'repository.k8s.layout')?.value).toEqual([
      'helm:charts/api',
    ]);
  });

  it('does not take catalog-info.yaml for a Kubernetes manifest', async () => {
    const r = await detect({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: api }\nspec: { type: service }\n',
      'deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  template: { spec: { containers: [{ name: api, image: api }] } }\n',
    });
    expect(r.facts.find(f => f.id === 'repository.k8s.layout')?.value).toEqual([
      'manifests:.',
    ]);
    const bare = await detect({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: api }\n',
    });
    expect(
      bare.facts.find(f => f.id === 'repository.k8s.layout')?.value,
    ).toEqual([]);
    expect(bare.value('infra.k8s')).toBe(false);
  });

  it('reads GitOps, progressive delivery, backups and chaos objects', async () => {
    const r = await detect({
      'gitops/app.yaml':
        'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: { name: api }\n',
      'gitops/rollout.yaml':
        'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: { name: api }\nspec:\n  strategy:\n    canary: { steps: [{ setWeight: 20 }] }\n  template: { spec: { containers: [] } }\n',
      'ops/velero.yaml':
        'apiVersion: velero.io/v1\nkind: Schedule\nmetadata: { name: nightly }\n',
      'chaos/pod-kill.yaml':
        'apiVersion: chaos-mesh.org/v1alpha1\nkind: PodChaos\nmetadata: { name: kill }\n',
    });
    for (const id of [
      'cd.gitops',
      'cd.deploy',
      'cd.progressive',
      'rel.backups',
      'rel.chaos',
    ]) {
      expect([id, r.value(id)]).toEqual([id, true]);
    }
  });
});

describe('detectRepositoryFacts: code, docs and infrastructure', () => {
  it('finds metrics, tracing and logging libraries in package manifests of several ecosystems', async () => {
    const r = await detect({
      'package.json': JSON.stringify({
        dependencies: { 'prom-client': '^15', pino: '^9' },
      }),
      'worker/go.mod':
        'module acme/worker\n\ngo 1.23\n\nrequire (\n\tgo.opentelemetry.io/otel v1.30.0\n)\n',
      'billing/pom.xml':
        '<project><dependencies><dependency><groupId>io.micrometer</groupId><artifactId>micrometer-registry-prometheus</artifactId></dependency></dependencies></project>',
      'ml/pyproject.toml':
        '[project]\nname = "ml"\ndependencies = ["structlog>=24", "fastapi"]\n',
    });
    expect(r.value('obs.metrics')).toBe(true);
    expect(r.value('obs.tracing')).toBe(true);
    expect(r.evidence('obs.tracing')[0]).toMatchObject({
      path: 'worker/go.mod',
      line: 6,
    });
    expect(r.value('obs.logging')).toBe(true);
    expect(r.facts.find(f => f.id === 'repository.build-tools')?.value).toEqual(
      ['go', 'maven', 'npm', 'pip'],
    );
  });

  it('reads docs and ownership files', async () => {
    const r = await detect({
      'README.md':
        '# api\n\nThe payments API takes card payments and settles them nightly with the ledger.\n',
      '.github/CODEOWNERS': '* @acme/payments\n',
      'docs/index.md':
        '# Payments API\n\nArchitecture and design notes for the service.\n',
      'docs/runbook.md':
        '# Runbook\n\nWhen the error rate alert fires, check the ledger queue depth first.\n',
      'api/openapi.yaml':
        'openapi: 3.1.0\ninfo: { title: Payments, version: 1.0.0 }\npaths: {}\n',
      'CONTRIBUTING.md': '# Contributing\n',
      'SECURITY.md': '# Security\n',
      '.github/dependabot.yml':
        'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: { interval: weekly }\n',
    });
    for (const id of [
      'docs.readme',
      'docs.codeowners',
      'docs.techdocs',
      'docs.runbook',
      'docs.api-spec',
      'docs.contributing',
      'sec.policy',
      'sec.dependency-updates',
    ]) {
      expect([id, r.value(id)]).toEqual([id, true]);
    }
  });

  it('does not count a README that is only a title', async () => {
    expect(
      (await detect({ 'README.md': '# hobby\n' })).value('docs.readme'),
    ).toBe(false);
  });

  it('reads Terraform and whether its state is locked', async () => {
    const locked = await detect({
      'infra/main.tf':
        'terraform {\n  backend "s3" {\n    bucket = "state"\n    key = "api"\n    dynamodb_table = "locks"\n  }\n}\nresource "aws_db_instance" "db" {\n  backup_retention_period = 7\n}\n',
    });
    expect(locked.value('infra.iac')).toBe(true);
    expect(locked.value('rel.backups')).toBe(true);
    expect(
      locked.facts.find(f => f.id === 'repository.infra.iac.state-locking')
        ?.value,
    ).toBe(true);
    const unlocked = await detect({
      'main.tf':
        'terraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\nresource "null_resource" "x" {}\n',
    });
    expect(
      unlocked.facts.find(f => f.id === 'repository.infra.iac.state-locking')
        ?.value,
    ).toBe(false);
  });

  it('reads dashboards, alert rule files, load tests and skips vendored folders', async () => {
    const r = await detect({
      'monitoring/dashboard.json': JSON.stringify({
        title: 'API',
        schemaVersion: 39,
        panels: [{ type: 'timeseries' }],
      }),
      'monitoring/rules.yml':
        'groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up{service="api"} == 0\n',
      'load/smoke.js':
        "import http from 'k6/http';\nexport default function () { http.get('http://api/'); }\n",
      'node_modules/prom-client/package.json': JSON.stringify({
        name: 'prom-client',
      }),
      'vendor/github.com/x/.github/workflows/ci.yml':
        'jobs: { t: { steps: [{ run: "go test" }] } }',
    });
    expect(r.value('obs.dashboards')).toBe(true);
    expect(r.value('obs.alerts')).toBe(true);
    expect(r.evidence('obs.alerts')[0]).toMatchObject({
      path: 'monitoring/rules.yml',
      line: 4,
    });
    expect(r.value('rel.load-test')).toBe(true);
    expect(r.value('obs.metrics')).toBe(false);
    expect(r.value('ci.pipeline')).toBe(false);
  });

  it('warns about a malformed file and still reads the rest', async () => {
    const r = await detect({
      'k8s/broken.yaml': 'apiVersion: v1\nkind: [unclosed\n',
      '.github/workflows/ci.yml':
        'jobs:\n  t:\n    steps:\n      - run: npm test\n',
    });
    expect(r.warnings).toEqual([
      expect.objectContaining({
        path: 'k8s/broken.yaml',
        message: expect.stringContaining('not valid YAML'),
      }),
    ]);
    expect(r.value('ci.tests')).toBe(true);
  });

  it('is deterministic and reads each file at most once', async () => {
    const files = {
      'README.md':
        '# api\n\nA service that does a useful thing for the whole company, every day.\n',
      Dockerfile: 'FROM node:22\nUSER node\n',
      '.github/workflows/ci.yml':
        'jobs:\n  t:\n    steps:\n      - run: npm test\n',
    };
    const a = await detect(files);
    const b = await detect(Object.fromEntries(Object.entries(files).reverse()));
    expect(a.facts).toEqual(b.facts);
    expect(a.filesRead).toBeLessThanOrEqual(a.filesListed);
  });
});
