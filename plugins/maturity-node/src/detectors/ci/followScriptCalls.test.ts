import { classifyCommand } from './classifyStep';
import { detectFixture } from '../__testUtils__/detectFixture';

const workflow = (steps: string, job = 'build', extra = '') => `on: push
jobs:
  ${job}:
    runs-on: ubuntu-latest${extra}
    steps:
      - uses: actions/checkout@v4
${steps}`;

describe('CI steps that hand off to the repository', () => {
  it('classifies what a called shell script does and cites the script line', async () => {
    const r = await detectFixture({
      '.github/workflows/release.yml': workflow(
        '      - run: ./scripts/release.sh v1\n',
      ),
      'scripts/release.sh':
        '#!/bin/sh\nset -e\necho "docker push would go here"\ndocker build -t ghcr.io/acme/api:$1 .\ndocker push ghcr.io/acme/api:$1\ncosign sign --yes ghcr.io/acme/api:$1\n',
    });
    expect(r.value('ci.container-build')).toBe(true);
    expect(r.value('ci.image-publish')).toBe(true);
    expect(r.value('sec.signing')).toBe(true);
    expect(r.evidence('ci.image-publish')).toContainEqual(
      expect.objectContaining({ path: 'scripts/release.sh', line: 5 }),
    );
  });

  it('follows bash/sh calls, Makefile targets with prerequisites and package.json scripts', async () => {
    const r = await detectFixture({
      '.gitlab-ci.yml':
        'test:\n  script:\n    - bash ci/test.sh\npublish-image:\n  stage: build\n  script:\n    - make release\n',
      'ci/test.sh': 'npm run verify\n',
      'package.json': JSON.stringify(
        { scripts: { verify: 'vitest run' } },
        null,
        2,
      ),
      Makefile:
        'release: image\n\t@echo releasing\n\ndocker-login:\n\techo login\n\nimage:\n\tdocker buildx build --push -t registry.example.com/api .\n',
    });
    expect(r.value('ci.tests')).toBe(true);
    expect(r.evidence('ci.tests')).toContainEqual(
      expect.objectContaining({ path: 'package.json' }),
    );
    expect(r.value('ci.image-publish')).toBe(true);
    expect(r.evidence('ci.image-publish')).toContainEqual(
      expect.objectContaining({ path: 'Makefile', line: 8 }),
    );
  });

  it('follows a script in the step working directory, and Jenkins sh steps', async () => {
    const r = await detectFixture({
      '.github/workflows/test.yml': workflow(
        '      - run: bash scripts/test.sh\n        working-directory: backend\n',
      ),
      'backend/scripts/test.sh': 'coverage run -m pytest tests/\n',
      Jenkinsfile:
        "pipeline { agent any\n stages { stage('Package') { steps { sh './build.sh ${TAG}' } } } }\n",
      'build.sh': 'docker build -t acme/api:$1 .\n',
    });
    expect(r.evidence('ci.tests')).toContainEqual(
      expect.objectContaining({ path: 'backend/scripts/test.sh', line: 1 }),
    );
    expect(r.evidence('ci.container-build')).toContainEqual(
      expect.objectContaining({ path: 'build.sh', line: 1 }),
    );
  });

  it('stops at cycles and at the depth limit, and ignores echo mentions', async () => {
    const r = await detectFixture({
      '.github/workflows/ci.yml': workflow('      - run: ./a.sh\n'),
      'a.sh': './b.sh\necho "then run docker push"\n',
      'b.sh': './a.sh\n./c.sh\n',
      'c.sh': './d.sh\n',
      'd.sh': './e.sh\n',
      'e.sh': 'docker build -t x .\n',
    });
    expect(r.value('ci.image-publish')).toBe(false);
    expect(r.value('ci.container-build')).toBe(false);
  });

  it('counts the steps of a composite action of the same repository', async () => {
    const r = await detectFixture({
      '.github/workflows/ci.yml': workflow(
        '      - uses: ./.github/actions/test\n',
      ),
      '.github/actions/test/action.yml':
        'name: test\nruns:\n  using: composite\n  steps:\n    - run: go test ./...\n      shell: bash\n',
    });
    expect(r.evidence('ci.tests')).toContainEqual(
      expect.objectContaining({ path: '.github/actions/test/action.yml' }),
    );
  });
});

describe('commands that install or wrap a tool', () => {
  it('does not take installing pytest for running the tests, and sees Trivy run from its image', () => {
    expect([...classifyCommand('pip install pytest pytest-cov')]).not.toContain(
      'tests',
    );
    expect([
      ...classifyCommand('pip install -r requirements.txt && pytest -q'),
    ]).toContain('tests');
    expect([
      ...classifyCommand(
        'docker run --rm -v /var/run/docker.sock:/var/run/docker.sock aquasec/trivy:0.50.0 image app:1',
      ),
    ]).toContain('image-scan');
  });
});
