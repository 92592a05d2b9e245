/**
 * Flags of `yarn bench` that take a value (`--size 100000`): `yarn bench`
 * hands its arguments to every benchmark, so each must skip the flags of
 * the others together with their values.
 */
const FLAGS_WITH_VALUE = new Set(['--size', '--replicas-size']);

/**
 * The positional arguments of a benchmark script (`[N] [LOADS]`): every
 * argument after the script, without flags (`--quick`, `--size=…`) and
 * without the value after a flag that takes one (`--size 100000`).
 */
export function positionalArgs(argv: string[] = process.argv): string[] {
  const args = argv.slice(2);
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) {
      if (FLAGS_WITH_VALUE.has(args[i])) i += 1;
      continue;
    }
    positional.push(args[i]);
  }
  return positional;
}
