import fs from 'node:fs';
import path from 'node:path';
import type { ScaleFigures } from './scaleFigures';

/**
 * Writes the scale benchmark's figures as a Markdown page: how it was run,
 * and the printed tables as they are (one run on one machine).
 */
export function writeScaleReport(
  file: string,
  figures: ScaleFigures,
  lines: string[],
): void {
  const { environment: env } = figures;
  const text = [
    '# Benchmarks: how the refresh scales',
    '',
    `Written by \`yarn bench:scale${
      Math.max(...figures.sizes) > 10_000
        ? ` --size ${Math.max(...figures.sizes)}`
        : ''
    }\` (\`packages/bench\`) on ${env.date}: ${env.cores} cores (${
      env.cpuModel
    }), Node.js ${
      env.node
    }. One run on one machine; compare costs per 1k entities, not absolute times, across machines. The peer comparison is in [benchmarks.md](benchmarks.md).`,
    '',
    'Each size is a fresh database (SQLite in memory, or a new PostgreSQL database on 127.0.0.1:5432) and our backend in `startTestBackend` with the in-memory repository collector of `yarn bench:peer` (36 repository checks per entity). The first refresh runs from an empty database; the repeat makes every entity due again. The replica run starts each backend in its own Node process against one PostgreSQL database and triggers their refreshes at the same moment; they split the catalog through the refresh queue’s leases. Peak RSS is per process (the benchmark process also holds the synthetic catalog and facts; a replica’s is the backend’s own process).',
    '',
    ...(figures.skipped.length
      ? [`Skipped: ${figures.skipped.join('; ')}.`, '']
      : []),
    '```text',
    ...lines,
    '```',
    '',
  ].join('\n');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
