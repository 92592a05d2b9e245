import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createWriteGapsAction } from './writeGaps';

describe('maturity:gaps:write', () => {
  let workspacePath: string;
  const action = createWriteGapsAction();
  beforeEach(() => {
    workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-write-'));
  });
  afterEach(() => fs.rmSync(workspacePath, { recursive: true, force: true }));

  const files = [
    { path: 'SECURITY.md', content: '# Security\n', action: 'create' },
    {
      path: 'deploy/pdb.yaml',
      content: 'kind: PodDisruptionBudget\n',
      action: 'create',
    },
  ];

  it('runs its documented example shape and writes the files under targetPath', async () => {
    const step = parse(action.examples![0].example).steps[0];
    expect(step.input.targetPath).toBe('./changes');
    const ctx = createMockActionContext({
      input: { files, targetPath: step.input.targetPath },
      workspacePath,
    });
    await action.handler(ctx as any);
    expect(
      fs.readFileSync(
        path.join(workspacePath, 'changes/deploy/pdb.yaml'),
        'utf8',
      ),
    ).toBe('kind: PodDisruptionBudget\n');
    expect(ctx.output).toHaveBeenCalledWith('written', [
      'SECURITY.md',
      'deploy/pdb.yaml',
    ]);
  });

  it('writes into the workspace in a dry run too, so the template editor shows the files', async () => {
    const ctx = createMockActionContext({
      input: { files, targetPath: './changes' },
      workspacePath,
      isDryRun: true,
    });
    await action.handler(ctx as any);
    expect(
      fs.readFileSync(path.join(workspacePath, 'changes/SECURITY.md'), 'utf8'),
    ).toBe('# Security\n');
    expect(ctx.output).toHaveBeenCalledWith('written', [
      'SECURITY.md',
      'deploy/pdb.yaml',
    ]);
  });

  it.each([
    '../escape.txt',
    'deploy/../../escape.txt',
    '/etc/passwd',
    'C:/Windows/x',
    'a\\..\\b',
    'line\nbreak',
    './SECURITY.md',
    '',
  ])('refuses the path %j and writes nothing', async bad => {
    const ctx = createMockActionContext({
      input: {
        files: [...files, { path: bad, content: 'x', action: 'create' }],
        targetPath: './changes',
      },
      workspacePath,
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /Refusing to write/,
    );
    expect(fs.existsSync(path.join(workspacePath, 'changes'))).toBe(false);
  });

  it('refuses a target folder outside the workspace', async () => {
    const ctx = createMockActionContext({
      input: { files, targetPath: '../../tmp' },
      workspacePath,
    });
    await expect(action.handler(ctx as any)).rejects.toThrow();
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('refuses a plan that writes the same file twice', async () => {
    const ctx = createMockActionContext({
      input: { files: [...files, files[0]], targetPath: '.' },
      workspacePath,
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(/planned twice/);
    expect(fs.existsSync(path.join(workspacePath, 'SECURITY.md'))).toBe(false);
  });
});
