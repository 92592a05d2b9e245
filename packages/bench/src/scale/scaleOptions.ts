/** What `yarn bench:scale` measures, from its command line. */
export interface ScaleOptions {
  /** Catalog sizes of the refresh cost, ascending: 1,000, 10,000, … up to `--size`. */
  sizes: number[];
  /** SQLite runs only up to this size. */
  sqliteMaxSize: number;
  /** Catalog size of the replica comparison (`--replicas-size`). */
  replicasSize: number;
  /** false with `--no-replicas`. */
  replicas: boolean;
}

/** 1,000, 10,000, … (powers of ten from 1,000) up to and including `largest`. */
export function scaleSizes(largest: number): number[] {
  const sizes: number[] = [];
  for (let size = 1000; size <= largest; size *= 10) sizes.push(size);
  return sizes;
}

function flagValue(args: string[], flag: string): number | undefined {
  const at = args.findIndex(a => a === flag || a.startsWith(`${flag}=`));
  if (at < 0) return undefined;
  const raw = args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1000) {
    throw new Error(`${flag} wants a whole number ≥ 1000, got ${raw}`);
  }
  return value;
}

/**
 * `--size N` (largest catalog size, default 10,000), `--replicas-size N`
 * (default 10,000), `--no-replicas`. Other arguments are ignored: `yarn bench`
 * hands every benchmark the same ones.
 */
export function scaleOptions(argv: string[] = process.argv): ScaleOptions {
  const args = argv.slice(2);
  return {
    sizes: scaleSizes(flagValue(args, '--size') ?? 10_000),
    sqliteMaxSize: 10_000,
    replicasSize: flagValue(args, '--replicas-size') ?? 10_000,
    replicas: !args.includes('--no-replicas'),
  };
}
