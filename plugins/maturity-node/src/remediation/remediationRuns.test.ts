import { parse, parseAllDocuments } from 'yaml';
import { fileOf, planFor, removedLines } from './__testUtils__/planFor';

jest.setTimeout(120_000);

const SOURCE = 'url:https://github.com/Acme/Shop/tree/main/';

describe('generated files run', () => {
  it('never proposes npm’s placeholder test script: tests are skipped with the reason, the pipeline builds', async () => {
    const files = {
      'package.json': JSON.stringify({
        name: 'shop',
        scripts: {
          build: 'tsc',
          test: 'echo "Error: no test specified" && exit 1',
        },
      }),
      'package-lock.json': '{}',
      'src/index.ts': 'export {};\n',
    };
    const plan = await planFor(files, ['ci.pipeline', 'ci.tests'], {
      name: 'shop',
      type: 'library',
    });
    expect(plan.skipped).toEqual([
      { id: 'ci.tests', reason: expect.stringMatching(/no test script/) },
    ]);
    const workflow = fileOf(plan, '.github/workflows/ci.yml')!.content;
    expect(workflow).not.toContain('npm test');
    expect(
      parse(workflow)
        .jobs.build.steps.map((s: any) => s.run)
        .filter(Boolean),
    ).toEqual(['npm ci', 'npm run build --if-present']);
  });

  it('starts the service as package.json says, on the port its code listens on, never CMD ["."]', async () => {
    const plan = await planFor(
      {
        'package.json': JSON.stringify({
          name: 'shop',
          scripts: { start: 'node server.js', test: 'jest' },
        }),
        'package-lock.json': '{}',
        'server.js': "const app = require('express')();\napp.listen(3000);\n",
      },
      ['infra.container', 'infra.k8s'],
      { name: 'shop', sourceLocation: SOURCE },
    );
    const dockerfile = fileOf(plan, 'Dockerfile')!.content;
    expect(dockerfile).toContain('CMD ["npm", "start"]');
    expect(dockerfile).toContain('EXPOSE 3000');
    expect(dockerfile).not.toContain('CMD ["."]');
    const [deployment] = parseAllDocuments(
      fileOf(plan, 'deploy/deployment.yaml')!.content,
    ).map(d => d.toJS());
    expect(deployment.spec.template.spec.containers[0].ports).toEqual([
      { name: 'http', containerPort: 3000 },
    ]);

    // An entry file without a start script runs on distroless Node.
    const main = await planFor(
      {
        'package.json': JSON.stringify({ name: 'shop', main: 'lib/main.js' }),
        'lib/main.js':
          "require('http').createServer().listen(process.env.PORT || 8081);\n",
      },
      ['infra.container'],
      { name: 'shop' },
    );
    expect(fileOf(main, 'Dockerfile')!.content).toContain(
      'CMD ["lib/main.js"]',
    );
    expect(fileOf(main, 'Dockerfile')!.content).toContain('EXPOSE 8081');

    // Nothing to start: skipped, no Dockerfile.
    const none = await planFor(
      { 'package.json': '{"name":"x"}' },
      ['infra.container'],
      { name: 'shop' },
    );
    expect(none.files).toEqual([]);
    expect(none.skipped[0].reason).toMatch(
      /cannot tell how the service starts/,
    );
  });

  it('runs the Python module that creates the app, not `python -m app`', async () => {
    const plan = await planFor(
      {
        'requirements.txt': 'fastapi\nuvicorn\n',
        'service/main.py': 'from fastapi import FastAPI\n\napi = FastAPI()\n',
        'tests/test_main.py': 'def test_ok():\n    assert True\n',
      },
      ['infra.container', 'ci.tests'],
      { name: 'shop' },
    );
    const dockerfile = fileOf(plan, 'Dockerfile')!.content;
    expect(dockerfile).toContain(
      'CMD ["uvicorn","service.main:api","--host","0.0.0.0","--port","8000"]',
    );
    expect(dockerfile).not.toContain('-m", "app');
    const steps = parse(fileOf(plan, '.github/workflows/ci.yml')!.content).jobs
      .test.steps;
    expect(
      steps.filter((s: any) => s.name === 'Test').map((s: any) => s.run),
    ).toEqual(['pip install pytest', 'pytest']);
  });

  it('builds and starts an ASP.NET service from its web project, on the framework it targets', async () => {
    const plan = await planFor(
      {
        'App.sln': '',
        'src/Web/Web.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>',
        'src/Core/Core.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>',
        'tests/Web.Tests/Web.Tests.csproj':
          '<Project Sdk="Microsoft.NET.Sdk"></Project>',
      },
      ['infra.container', 'ci.tests'],
      { name: 'shop' },
    );
    const dockerfile = fileOf(plan, 'Dockerfile')!.content;
    expect(dockerfile).toContain(
      'FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build',
    );
    expect(dockerfile).toContain(
      'RUN dotnet publish src/Web/Web.csproj -c Release -o /out',
    );
    expect(dockerfile).toContain('ENTRYPOINT ["dotnet", "Web.dll"]');
    expect(dockerfile).toContain('EXPOSE 8080');
    expect(fileOf(plan, '.github/workflows/ci.yml')!.content).toContain(
      'run: dotnet test',
    );
  });

  it('builds with the repository’s own Dockerfile where it is, and deploys no repository of several modules as one service', async () => {
    const plan = await planFor(
      {
        'pom.xml':
          '<project><packaging>pom</packaging><modules><module>orders</module><module>billing</module></modules></project>',
        'orders/pom.xml': '<project><artifactId>orders</artifactId></project>',
        'orders/src/main/resources/application.yml': 'server:\n  port: 8081\n',
        'billing/pom.xml':
          '<project><artifactId>billing</artifactId></project>',
        'docker/Dockerfile':
          'FROM eclipse-temurin:21\nCOPY app.jar /app.jar\nUSER 1000\nCMD ["java", "-jar", "/app.jar"]\n',
      },
      ['ci.container-build', 'infra.k8s'],
      { name: 'shop', sourceLocation: SOURCE },
    );
    const workflow = parse(
      fileOf(plan, '.github/workflows/image.yml')!.content,
    );
    const build = workflow.jobs.image.steps.find((s: any) =>
      String(s.uses).startsWith('docker/build-push-action'),
    );
    expect(build.with).toEqual(
      expect.objectContaining({ context: '.', file: 'docker/Dockerfile' }),
    );
    expect(plan.skipped).toEqual([
      {
        id: 'infra.k8s',
        reason: expect.stringMatching(
          /pom\.xml aggregates modules \(orders, billing\)/,
        ),
      },
    ]);
  });

  it('pushes and pulls one image name: the workflow’s is the manifests’', async () => {
    const plan = await planFor(
      {
        'go.mod': 'module example.com/shop\n\ngo 1.23\n',
        'main.go':
          'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":9090", nil) }\n',
        'main_test.go': 'package main\n',
      },
      ['ci.pipeline', 'infra.k8s'],
      { name: 'shop', sourceLocation: SOURCE },
    );
    const workflow = parse(fileOf(plan, '.github/workflows/ci.yml')!.content);
    const meta = workflow.jobs.image.steps.find((s: any) => s.id === 'meta');
    expect(meta.with.images).toBe('ghcr.io/acme/shop');
    const [deployment] = parseAllDocuments(
      fileOf(plan, 'deploy/deployment.yaml')!.content,
    ).map(d => d.toJS());
    expect(deployment.spec.template.spec.containers[0].image).toBe(
      'ghcr.io/acme/shop:latest',
    );
    expect(
      deployment.spec.template.spec.containers[0].ports[0].containerPort,
    ).toBe(9090);
  });

  it('writes no YAML anchors or aliases, even where objects repeat', async () => {
    const plan = await planFor(
      {
        'go.mod': 'module example.com/shop\n\ngo 1.23\n',
        'main.go':
          'package main\n\nfunc main() {}\n// listens on :8080\nvar addr = "0.0.0.0:8080"\n',
        'main_test.go': 'package main\n',
      },
      undefined,
      { name: 'shop', sourceLocation: SOURCE, owner: 'group:default/team' },
    );
    const yamlFiles = plan.files.filter(f => /\.ya?ml$/.test(f.path));
    expect(yamlFiles.length).toBeGreaterThan(5);
    for (const file of yamlFiles)
      expect([file.path, /^\s*[^#\n]*[&*]a\d+\b/m.test(file.content)]).toEqual([
        file.path,
        false,
      ]);
  });
});

describe('edits like a person', () => {
  it('keeps every untouched line of an edited manifest: indentation, quotes, comments, blank lines before ---', async () => {
    const manifest = [
      '# The shop.',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '    name: shop',
      'spec:',
      '    selector:',
      '        matchLabels: { app: shop }',
      '    template:',
      '        metadata:',
      '            labels: { app: shop }',
      '        spec:',
      '            containers:',
      '                -   name: shop',
      "                    image: 'ghcr.io/acme/shop:1'   # pinned by CD",
      '                    ports:',
      '                        -   name: http',
      '                            containerPort: 8080',
      '',
      '',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: shop }',
      'spec: { selector: { app: shop }, ports: [{ port: 80, targetPort: http }] }',
      '',
    ].join('\n');
    const plan = await planFor(
      { 'k8s/shop.yaml': manifest },
      ['rel.resources', 'rel.replicas', 'obs.health', 'sec.non-root'],
      {
        name: 'shop',
      },
    );
    expect(plan.checks).toHaveLength(4);
    const edited = fileOf(plan, 'k8s/shop.yaml')!;
    expect(removedLines(manifest, edited.content)).toEqual([]);
    expect(edited.content).toContain('\n\n\n---\n');
    expect(edited.content).toContain(
      '                    resources:\n                        requests:\n',
    );
    expect(edited.diff).toMatch(/^\+ {4}replicas: 2$/m);
    const removed = edited
      .diff!.split('\n')
      .filter(l => l.startsWith('-') && !l.startsWith('---'));
    expect(removed).toEqual([]);
  });
});

describe('covers the pipelines people have', () => {
  const jenkinsfile = [
    'pipeline {',
    '  agent any',
    '  stages {',
    "    stage('Build') {",
    '      steps {',
    "        sh 'mvn -B -DskipTests package'",
    '      }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  const maven = {
    'pom.xml':
      '<project><modelVersion>4.0.0</modelVersion><artifactId>shop</artifactId></project>',
    'src/main/java/App.java': 'class App {}\n',
    Dockerfile:
      'FROM eclipse-temurin:21\nCOPY target/app.jar /app.jar\nUSER 1000\nCMD ["java", "-jar", "/app.jar"]\n',
  };

  it('adds stages to a declarative Jenkinsfile, in its indentation, leaving its lines as they were', async () => {
    const plan = await planFor(
      { ...maven, Jenkinsfile: jenkinsfile },
      ['sec.image-scan', 'sec.secret-scan', 'ci.image-publish'],
      {
        name: 'shop',
        sourceLocation: SOURCE,
      },
    );
    expect(plan.checks.map(c => c.id).sort()).toEqual([
      'ci.image-publish',
      'sec.image-scan',
      'sec.secret-scan',
    ]);
    const edited = fileOf(plan, 'Jenkinsfile')!.content;
    expect(removedLines(jenkinsfile, edited)).toEqual([]);
    expect(edited).toContain(
      "    stage('Vulnerability scan') {\n      steps {\n        sh 'docker build -t ghcr.io/acme/shop:scan .'",
    );
    expect(edited).toContain(
      "withCredentials([usernamePassword(credentialsId: 'registry'",
    );
    expect(edited).toContain("when { branch 'main' }");
  });

  it('skips a scripted Jenkinsfile with a reason a person can act on', async () => {
    const plan = await planFor(
      {
        ...maven,
        Jenkinsfile: "node {\n  stage('Build') { sh 'mvn package' }\n}\n",
      },
      ['sec.secret-scan'],
      {
        name: 'shop',
      },
    );
    expect(plan.skipped).toEqual([
      {
        id: 'sec.secret-scan',
        reason: expect.stringMatching(/scripted pipeline.*node \{ \}/),
      },
    ]);
  });

  it('adds jobs to Travis and CircleCI configurations in place', async () => {
    const travis = 'language: java\nscript:\n  - mvn -B verify\n';
    const travisPlan = await planFor(
      { ...maven, '.travis.yml': travis },
      ['sec.secret-scan'],
      { name: 'shop' },
    );
    const travisOut = fileOf(travisPlan, '.travis.yml')!.content;
    expect(travisOut.startsWith(travis)).toBe(true);
    expect(parse(travisOut).jobs.include[0]).toEqual(
      expect.objectContaining({ name: 'Secret scan', services: ['docker'] }),
    );

    const circle = [
      'version: 2.1',
      'jobs:',
      '  build:',
      '    docker:',
      '      - image: cimg/openjdk:21.0',
      '    steps:',
      '      - checkout',
      '      - run: mvn -B verify',
      'workflows:',
      '  main:',
      '    jobs:',
      '      - build',
      '',
    ].join('\n');
    const circlePlan = await planFor(
      { ...maven, '.circleci/config.yml': circle },
      ['sec.sast'],
      { name: 'shop' },
    );
    const config = parse(fileOf(circlePlan, '.circleci/config.yml')!.content);
    expect(config.workflows.main.jobs).toEqual(['build', 'maturity-sast']);
    expect(config.jobs['maturity-sast'].steps).toContain('setup_remote_docker');
    expect(
      removedLines(circle, fileOf(circlePlan, '.circleci/config.yml')!.content),
    ).toEqual([]);
  });
});
