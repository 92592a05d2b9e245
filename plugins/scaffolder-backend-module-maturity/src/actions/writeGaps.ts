import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * A repository-relative path that stays inside the repository: no absolute
 * paths, drive letters, backslashes, `.` or `..` segments, or control
 * characters.
 */
export function checkRelativePath(file: string): string {
  const bad =
    file.length === 0 ||
    file.startsWith('/') ||
    /^[A-Za-z]:/.test(file) ||
    file.includes('\\') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f]/.test(file) ||
    file.split('/').some(part => part === '' || part === '.' || part === '..');
  if (bad) {
    throw new InputError(
      `Refusing to write "${file}": files must be relative paths inside the repository, without "..", "." or empty segments`,
    );
  }
  return file;
}

/**
 * `maturity:gaps:write`: writes planned files (from `maturity:gaps:plan`)
 * into a folder of the workspace, the folder a publish action then turns
 * into a pull request. Paths that would leave that folder are refused. A dry
 * run writes too: only into the dry run's own workspace, which is how the
 * template editor shows the files.
 *
 * @public
 */
export function createWriteGapsAction() {
  return createTemplateAction({
    id: 'maturity:gaps:write',
    description:
      'Writes the files planned by maturity:gaps:plan into a folder of the workspace.',
    supportsDryRun: true,
    examples: [
      {
        description: 'Write the planned files for a pull request',
        example: [
          'steps:',
          '  - id: write',
          '    action: maturity:gaps:write',
          '    input:',
          '      files: ${{ steps.plan.output.files }}',
          '      targetPath: ./changes',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        files: z =>
          z.array(
            z.object({
              path: z.string({
                description: 'Path relative to the repository root',
              }),
              content: z.string({ description: 'The whole file' }),
              action: z
                .enum(['create', 'update'])
                .optional()
                .describe('Whether the file is new or an edited existing one'),
            }),
            { description: 'The files to write (the plan step’s output)' },
          ),
        targetPath: z =>
          z
            .string({
              description:
                'Folder of the workspace to write into; defaults to the workspace',
            })
            .default('.'),
      },
      output: {
        written: z =>
          z.array(z.string(), {
            description: 'Paths written, relative to targetPath',
          }),
      },
    },
    async handler(ctx) {
      const root = resolveSafeChildPath(
        ctx.workspacePath,
        // The scaffolder does not apply schema defaults to step inputs.
        ctx.input.targetPath ?? '.',
      );
      // Check every path before writing any, so a bad plan writes nothing.
      const targets = ctx.input.files.map(file => ({
        file,
        target: resolveSafeChildPath(root, checkRelativePath(file.path)),
      }));
      const seen = new Set<string>();
      for (const { file } of targets) {
        if (seen.has(file.path)) {
          throw new InputError(`"${file.path}" is planned twice`);
        }
        seen.add(file.path);
      }
      for (const { file, target } of targets) {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, file.content, 'utf8');
        ctx.logger.info(
          `${file.action === 'update' ? 'Updated' : 'Added'} ${file.path}`,
        );
      }
      ctx.output(
        'written',
        targets.map(t => t.file.path),
      );
    },
  });
}
