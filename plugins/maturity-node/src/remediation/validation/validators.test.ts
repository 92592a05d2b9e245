import { InMemoryRepositoryTree } from '../../tree/InMemoryRepositoryTree';
import { missingInCi, missingTools } from '../__testUtils__/systemTools';
import { OverlayRepositoryTree } from '../OverlayRepositoryTree';
import { ciConfigValidator } from './ciConfigValidator';
import { dockerfileValidator } from './dockerfileValidator';
import { helmChartValidator } from './helmChartValidator';
import { jenkinsfileValidator } from './jenkinsfileValidator';
import { kubernetesSchemaValidator } from './kubernetesSchemaValidator';
import { kustomizeValidator } from './kustomizeValidator';
import { promtoolValidator } from './promtoolValidator';
import type { RemediationValidator } from './RemediationValidator';
import { workflowValidator } from './workflowValidator';
import { yamlValidator } from './yamlValidator';

jest.setTimeout(120_000);

/** The findings of a validator for a change of `changes` over `base`. */
async function findings(
  validator: RemediationValidator,
  base: Record<string, string>,
  changes: Record<string, string>,
) {
  const before = new InMemoryRepositoryTree(base);
  const after = new OverlayRepositoryTree(before);
  for (const [p, t] of Object.entries(changes)) after.write(p, t);
  const result = await validator.validate({
    before,
    after,
    changed: Object.keys(changes),
  });
  expect(result.notRun).toBeUndefined();
  return result.findings.map(f => `${f.path}: ${f.message}`);
}

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
  'chart/values.yaml': 'replicaCount: 1\n',
  'chart/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  selector:\n    matchLabels: { app: shop }\n  template:\n    metadata:\n      labels: { app: shop }\n    spec:\n      containers:\n        - name: shop\n          image: shop:1\n',
};

const describeWith = (tool: string) =>
  missingTools([tool]).length === 0 ? describe : describe.skip;

it('has the programs of the validators (CI installs them)', () => {
  expect(missingInCi(['go', 'kubectl', 'promtool'])).toEqual([]);
});

describeWith('go')('the Helm validator (Go text/template)', () => {
  it('rejects a template Helm cannot parse, and one whose rendering is not a valid object', async () => {
    expect(
      await findings(helmChartValidator, CHART, {
        'chart/templates/rule.yaml': 'summary: {{ $labels.service }}\n',
      }),
    ).toEqual([
      expect.stringContaining(
        'chart/templates/rule.yaml: template: templates/rule.yaml:1: undefined variable "$labels"',
      ),
    ]);
    expect(
      await findings(helmChartValidator, CHART, {
        'chart/values.yaml': 'replicaCount: two\n',
      }),
    ).toEqual([
      expect.stringMatching(
        /^chart\/templates\/deployment\.yaml: rendered with values\.yaml: apps\/v1\/Deployment: .*replicas/,
      ),
    ]);
    expect(
      await findings(helmChartValidator, CHART, {
        'chart/templates/hpa.yaml':
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  scaleTargetRef: { apiVersion: extensions/v1beta1, kind: Deployment, name: x }\n  maxReplicas: 3\n',
      }),
    ).toEqual([
      expect.stringContaining('extensions/v1beta1 is no longer served'),
    ]);
  });

  it('does not blame the change for what the chart already did wrong', async () => {
    const broken = {
      ...CHART,
      'chart/templates/old.yaml': '{{ .Values.missing.key }}\n',
    };
    expect(
      await findings(helmChartValidator, broken, {
        'chart/values.yaml': 'replicaCount: 2\n',
      }),
    ).toEqual([]);
  });
});

describeWith('kubectl')('the kustomize validator (kubectl kustomize)', () => {
  it('rejects a kustomization that lists a file it does not have', async () => {
    const base = {
      'deploy/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'deploy/deployment.yaml': CHART['chart/templates/deployment.yaml']
        .replace('{{ .Release.Name }}', 'shop')
        .replace('{{ .Values.replicaCount }}', '1'),
    };
    expect(
      await findings(kustomizeValidator, base, {
        'deploy/kustomization.yaml':
          'resources:\n  - deployment.yaml\n  - hpa.yaml\n',
      }),
    ).toEqual([
      expect.stringMatching(/^deploy\/kustomization\.yaml: .*hpa\.yaml/),
    ]);
    expect(
      await findings(kustomizeValidator, base, {
        'deploy/pdb.yaml':
          'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: x }\nspec: { minAvailable: 1 }\n',
        'deploy/kustomization.yaml':
          'resources:\n  - deployment.yaml\n  - pdb.yaml\n',
      }),
    ).toEqual([]);
  });
});

describeWith('promtool')('the rules validator (promtool)', () => {
  it('rejects a rule Prometheus would not load', async () => {
    expect(
      await findings(
        promtoolValidator,
        {},
        {
          'monitoring/x.rules.yaml':
            'groups:\n  - name: x\n    rules:\n      - alert: X\n        expr: sum(rate(x[5m]) >\n',
        },
      ),
    ).toEqual([expect.stringContaining('monitoring/x.rules.yaml:')]);
  });
});

describe('the validators that need no program', () => {
  it('workflows: action-validator', async () => {
    expect(
      await findings(
        workflowValidator,
        {},
        { '.github/workflows/ci.yml': 'on: push\njobs:\n  x:\n    steps: 3\n' },
      ),
    ).not.toEqual([]);
  });

  it('YAML: new anchors and aliases are refused, existing ones are not the change’s', async () => {
    expect(
      await findings(
        yamlValidator,
        {},
        { 'a.yaml': 'a: &x { b: 1 }\nc: *x\n' },
      ),
    ).toEqual(['a.yaml: the change adds 2 YAML anchor(s) or alias(es)']);
    expect(
      await findings(
        yamlValidator,
        { 'a.yaml': 'a: &x { b: 1 }\nc: *x\n' },
        { 'a.yaml': 'a: &x { b: 1 }\nc: *x\nd: 2\n' },
      ),
    ).toEqual([]);
  });

  it('Kubernetes objects: schemas and removed API versions', async () => {
    expect(
      await findings(
        kubernetesSchemaValidator,
        {},
        {
          'k8s/x.yaml':
            'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: { name: x }\n',
        },
      ),
    ).toEqual([expect.stringContaining('policy/v1beta1 is no longer served')]);
    expect(
      await findings(
        kubernetesSchemaValidator,
        {},
        {
          'k8s/x.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: { replicas: two }\n',
        },
      ),
    ).not.toEqual([]);
  });

  it('Dockerfiles: an entry point the repository does not have, a COPY of nothing', async () => {
    const repo = { 'package.json': '{"name":"x"}' };
    expect(
      await findings(dockerfileValidator, repo, {
        Dockerfile: 'FROM node:22\nCOPY . .\nCMD ["."]\n',
      }),
    ).toEqual(['Dockerfile: the start command ["."] names no entry file']);
    expect(
      await findings(dockerfileValidator, repo, {
        Dockerfile:
          'FROM python:3.12\nCOPY requirements.txt ./\nCMD ["python", "-m", "app"]\n',
      }),
    ).toEqual([
      'Dockerfile: COPY requirements.txt: no such file in the repository',
      'Dockerfile: the start command ["python","-m","app"] runs module app, which the repository does not have',
    ]);
    expect(
      await findings(
        dockerfileValidator,
        { ...repo, 'server.js': '' },
        {
          Dockerfile:
            'FROM node:22\nCOPY package.json ./\nCOPY . .\nCMD ["node", "server.js"]\n',
        },
      ),
    ).toEqual([]);
  });

  it('Jenkinsfiles and CI configurations keep their shape', async () => {
    expect(
      await findings(
        jenkinsfileValidator,
        {},
        {
          Jenkinsfile:
            "pipeline {\n  stages {\n    stage('x') {\n      steps { sh 'echo }' }\n  }\n}\n",
        },
      ),
    ).toEqual(['Jenkinsfile: the braces, strings or comments do not balance']);
    expect(
      await findings(
        ciConfigValidator,
        {},
        {
          '.gitlab-ci.yml':
            'stages: [build]\ntest:\n  stage: test\n  script: [make]\n',
        },
      ),
    ).toEqual([
      '.gitlab-ci.yml: job test uses stage test, which stages does not list',
    ]);
    expect(
      await findings(
        ciConfigValidator,
        {},
        {
          '.circleci/config.yml':
            'version: 2.1\njobs:\n  a:\n    steps: [checkout]\nworkflows:\n  w:\n    jobs: [b]\n',
        },
      ),
    ).toEqual([
      '.circleci/config.yml: job a has no executor (docker, machine, macos or executor)',
      '.circleci/config.yml: workflow w runs b, which jobs does not define',
    ]);
  });
});
