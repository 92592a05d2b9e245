import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { DefaultMaturityRubricService } from '@roadmap/plugin-maturity-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScoreWorkspaceAction } from './scoreWorkspace';

const defaults = DefaultMaturityRubricService.fromConfig(new ConfigReader({}));
// The adopter's overrides every scoring package is tested with.
const adopter = DefaultMaturityRubricService.fromConfig(
  new ConfigReader({
    maturity: {
      rubricFile: path.resolve(
        __dirname,
        '../../../../examples/rubric/overrides.yaml',
      ),
    },
  }),
);

describe('maturity:workspace:score', () => {
  let workspacePath: string;
  beforeEach(() => {
    workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-ws-'));
    const write = (file: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(workspacePath, file)), {
        recursive: true,
      });
      fs.writeFileSync(path.join(workspacePath, file), content);
    };
    write(
      'README.md',
      '# orders\n\nTakes orders from the shop and hands them to fulfilment every minute.\n',
    );
    write('CODEOWNERS', '* @acme/orders\n');
    write(
      '.github/dependabot.yml',
      'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: { interval: weekly }\n',
    );
    write(
      '.github/workflows/ci.yml',
      'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n      - run: docker build -t orders .\n',
    );
    write(
      'Dockerfile',
      'FROM node:22\nHEALTHCHECK CMD curl -f http://localhost/\nUSER node\n',
    );
  });
  afterEach(() => fs.rmSync(workspacePath, { recursive: true, force: true }));

  it('outputs the level, score and failing checks of the workspace', async () => {
    const ctx = createMockActionContext({
      input: { path: '.', minLevel: 'bronze' },
      workspacePath,
    });
    await createScoreWorkspaceAction({ rubric: defaults }).handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('level', 'bronze');
    expect(ctx.output).toHaveBeenCalledWith('nextLevel', 'silver');
    expect(ctx.output).toHaveBeenCalledWith(
      'failingChecks',
      expect.arrayContaining(['obs.metrics', 'sec.image-scan']),
    );
  });

  it('fails the step below the required level, saying what fails', async () => {
    const ctx = createMockActionContext({
      input: { path: '.', minLevel: 'silver' },
      workspacePath,
    });
    await expect(
      createScoreWorkspaceAction({ rubric: defaults }).handler(ctx),
    ).rejects.toThrow(
      /reaches bronze, below the required silver; failing: .*obs\.metrics/,
    );
  });

  it('refuses paths outside the workspace and unknown levels', async () => {
    await expect(
      createScoreWorkspaceAction({ rubric: defaults }).handler(
        createMockActionContext({ input: { path: '../..' }, workspacePath }),
      ),
    ).rejects.toThrow(/outside/i);
    await expect(
      createScoreWorkspaceAction({ rubric: defaults }).handler(
        createMockActionContext({
          input: { path: '.', minLevel: 'platinum' },
          workspacePath,
        }),
      ),
    ).rejects.toThrow('minLevel "platinum" is not a level');
  });

  it('scores with the adopter’s rubric: a disabled check, a new weight and an added check', async () => {
    const run = async (rubric: DefaultMaturityRubricService) => {
      const ctx = createMockActionContext({
        input: { path: '.' },
        workspacePath,
      });
      await createScoreWorkspaceAction({ rubric }).handler(ctx);
      return Object.fromEntries(
        (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
      );
    };
    const before = await run(defaults);
    const after = await run(adopter);
    expect(before.failingChecks).toContain('obs.metrics');
    expect(after.failingChecks).not.toContain('obs.metrics');
    // The added Bronze check fails here (nothing signs the image), so the
    // workspace no longer reaches Bronze under this organisation's rubric.
    expect(after.failingChecks).toContain('acme.signed-images');
    expect(before.level).toBe('bronze');
    expect(after.level).toBe('none');
    // The README (which this workspace has) weighs more.
    expect(after.score).not.toBe(before.score);

    const gate = createMockActionContext({
      input: { path: '.', minLevel: 'bronze' },
      workspacePath,
    });
    await expect(
      createScoreWorkspaceAction({ rubric: adopter }).handler(gate),
    ).rejects.toThrow(/failing: .*acme\.signed-images/);
  });
});
