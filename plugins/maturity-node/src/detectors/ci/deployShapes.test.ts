import { detectFixture } from '../__testUtils__/detectFixture';

const job = (name: string, steps: string[], extra = '') =>
  `on: push\njobs:\n  ${name}:\n    runs-on: ubuntu-latest${extra}\n    steps:\n${steps
    .map(s => `      - run: ${s}`)
    .join('\n')}\n`;

describe('build, publish and deployment shapes', () => {
  it.each([
    ['skaffold build --default-repo=gcr.io/acme', true],
    ['skaffold run --push', true],
    ['gcloud builds submit --tag gcr.io/acme/api', true],
    ['ko build ./cmd/api', true],
    ['./gradlew jib', true],
    ['buildah build -t api . && buildah push api', true],
    [
      '/kaniko/executor --context . --destination registry.example.com/api:1',
      true,
    ],
    ['bazel run //cmd/api:push', true],
    ['earthly --push +docker', true],
    ['docker compose build --push', true],
    ['skaffold build', false],
    ['docker compose build', false],
    ['echo "run skaffold build --push and docker push later"', false],
  ])('%s publishes an image: %s', async (command, publishes) => {
    const r = await detectFixture({
      '.github/workflows/ci.yml': job('image', [JSON.stringify(command)]),
    });
    expect(r.value('ci.image-publish')).toBe(publishes);
  });

  it.each([
    'fly deploy --remote-only',
    'heroku container:release web',
    'railway up',
    'vercel deploy --prod',
    'uv run fastapi deploy',
    'gcloud run deploy api --image gcr.io/acme/api',
    'gcloud app deploy',
    'az webapp deploy --name api',
    'serverless deploy --stage prod',
    'sam deploy --no-confirm-changeset',
    'cdk deploy --all',
    'pulumi up --yes',
    'gcloud deploy releases create rel-1 --delivery-pipeline=api',
  ])('%s deploys', async command => {
    const r = await detectFixture({
      '.github/workflows/cd.yml': job('release', [JSON.stringify(command)]),
    });
    expect(r.value('cd.deploy')).toBe(true);
  });

  it('counts docker compose up -d on a self-hosted runner of a deploy job, not on a hosted test runner', async () => {
    const deploy = await detectFixture({
      '.github/workflows/deploy.yml':
        'on: push\njobs:\n  deploy:\n    runs-on: [self-hosted, production]\n    environment: ${{ inputs.target }}\n    steps:\n      - run: docker compose -f compose.yml up -d\n',
    });
    expect(deploy.value('cd.deploy')).toBe(true);
    const test = await detectFixture({
      '.github/workflows/test.yml': job('test', [
        'docker compose up -d db',
        'pytest',
      ]),
    });
    expect(test.value('cd.deploy')).toBe(false);
    expect(test.value('ci.tests')).toBe(true);
  });

  it('treats a deploy job that pushes rendered manifests to Git as a GitOps hand-off', async () => {
    const r = await detectFixture({
      '.gitlab-ci.yml':
        'argocd-deployment:\n  stage: deploy\n  script:\n    - helm template r chart --output-dir out\n    - git commit -am update && git push origin main\ndocs:\n  stage: deploy-docs\n  script:\n    - git push origin gh-pages\n',
    });
    expect(r.value('cd.deploy')).toBe(true);
    expect(r.evidence('cd.deploy')).toEqual([
      expect.objectContaining({
        note: expect.stringContaining('argocd-deployment'),
      }),
    ]);
  });

  it('keeps a throw-away kind or k3d cluster a test, never a deployment', async () => {
    const r = await detectFixture({
      '.github/workflows/e2e.yml':
        'on: push\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: helm/kind-action@v1\n      - run: helm upgrade --install api ./chart --wait\n      - run: flux install\n',
      '.github/workflows/k3d.yml': job('deploy', [
        'k3d cluster create ci',
        'kubectl apply -f k8s/',
      ]),
    });
    expect(r.value('cd.deploy')).toBe(false);
    expect(r.value('ci.tests')).toBe(true);
    expect(r.notes('cd.deploy')).toContain('throw-away cluster');
  });
});
