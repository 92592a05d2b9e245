/**
 * `maturity`: scores a service checkout or repository against the Roadmap
 * Maturity rubric, from a terminal or a CI job.
 *
 * @packageDocumentation
 */
import { Command, CommanderError, Option } from 'commander';
import { fixCommand } from './commands/fixCommand';
import { scoreCommand } from './commands/scoreCommand';
import { UsageError } from './UsageError';

// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { version } = require('../package.json');

/** Progress lines on stderr, unless --quiet. */
const progressTo =
  (io: { stderr: (text: string) => void }, quiet?: boolean) =>
  (message: string) => {
    if (!quiet) io.stderr(`maturity: ${message}\n`);
  };

/**
 * Runs the CLI; resolves to the exit code (0 ok, 1 below --min-level or a
 * check `fix` could not close, 2 bad usage or unreadable input).
 *
 * @public
 */
export async function run(
  argv: string[],
  io: {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    isTTY: boolean;
  } = {
    stdout: t => process.stdout.write(t),
    stderr: t => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
  },
): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('maturity')
    .description(
      'Score a service against the platform roadmap (Roadmap Maturity).',
    )
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('score')
    .description(
      'Score a local checkout (PATH, default .) or a git repository URL',
    )
    .argument(
      '[target]',
      'a folder, or a git URL (https://, ssh://, git@, file://, a bare repo)',
      '.',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['table', 'json', 'markdown', 'sarif'])
        .default('table'),
    )
    .option(
      '--min-level <level>',
      'exit with 1 when the service is below this level',
    )
    .option(
      '--rubric <file>',
      'YAML file with rubric overrides (same format as maturity.rubric)',
    )
    .option(
      '--config <file>',
      'app-config YAML whose maturity.rubric, maturity.rubricFile and maturity.exemptions apply, as in the backend',
    )
    .option(
      '--entity <file>',
      'catalog entity file to judge catalog checks on (default: catalog-info.yaml in the target)',
    )
    .option(
      '--prometheus-url <url>',
      'Prometheus to judge the live prom.* checks on (needs an entity to name the service)',
    )
    .option(
      '--push <backend-url>',
      'upload the repository facts to this Backstage backend (POST /api/maturity/facts), so the portal scores this commit',
    )
    .option(
      '--entity-ref <ref>',
      'the catalog entity the pushed facts are about (default: the checkout catalog-info.yaml)',
    )
    .option(
      '--token-env <name>',
      'environment variable holding the backend token for --push',
      'MATURITY_TOKEN',
    )
    .option(
      '--ttl <seconds>',
      'how long the pushed facts hold (default: the backend setting, 7 days)',
    )
    .option('--no-color', 'no colour, even on a terminal')
    .option('-q, --quiet', 'no progress messages on stderr')
    .action(async (target: string, opts) => {
      if (!opts.push && opts.entityRef) {
        throw new UsageError('--entity-ref is for --push');
      }
      const ttlSeconds = opts.ttl === undefined ? undefined : Number(opts.ttl);
      if (
        ttlSeconds !== undefined &&
        (!Number.isInteger(ttlSeconds) || ttlSeconds < 60)
      ) {
        throw new UsageError(
          `--ttl "${opts.ttl}" must be a whole number of seconds, at least 60`,
        );
      }
      exitCode = await scoreCommand(
        target,
        {
          format: opts.format,
          minLevel: opts.minLevel,
          rubric: opts.rubric,
          config: opts.config,
          entity: opts.entity,
          prometheusUrl: opts.prometheusUrl,
          push: opts.push
            ? {
                backendUrl: opts.push,
                entityRef: opts.entityRef,
                tokenEnv: opts.tokenEnv,
                ttlSeconds,
              }
            : undefined,
          color: opts.color !== false && io.isTTY && !process.env.NO_COLOR,
          version,
          progress: progressTo(io, opts.quiet),
        },
        io.stdout,
      );
    });

  program
    .command('fix')
    .description(
      'Plan (and with --write, write) the files that close failing checks of a local checkout (PATH, default .)',
    )
    .argument('[path]', 'the checkout', '.')
    .option(
      '--checks <ids>',
      'comma-separated check ids to fix (default: every failing check that can be generated)',
    )
    .option(
      '--write',
      'write the planned files (never over a file it does not edit), then score again',
      false,
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .option('--rubric <file>', 'YAML file with rubric overrides')
    .option(
      '--config <file>',
      'app-config YAML whose maturity.rubric, maturity.rubricFile and maturity.exemptions apply',
    )
    .option(
      '--entity <file>',
      'catalog entity file naming the service (default: catalog-info.yaml in PATH)',
    )
    .option('--no-color', 'no colour, even on a terminal')
    .option('-q, --quiet', 'no progress messages on stderr')
    .action(async (target: string, opts) => {
      exitCode = await fixCommand(
        target,
        {
          checks: opts.checks,
          write: Boolean(opts.write),
          format: opts.format,
          rubric: opts.rubric,
          config: opts.config,
          entity: opts.entity,
          color: opts.color !== false && io.isTTY && !process.env.NO_COLOR,
          progress: progressTo(io, opts.quiet),
        },
        io.stdout,
      );
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`maturity: ${error.message}\n`);
      return 2;
    }
    io.stderr(`maturity: ${(error as Error).message}\n`);
    return 2;
  }
}

/** Entry point of the `maturity` bin. @public */
export function main(argv: string[]): void {
  run(argv).then(code => {
    process.exitCode = code;
  });
}
