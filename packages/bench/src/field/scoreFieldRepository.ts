import {
  detectRepositoryFacts,
  FileSystemRepositoryTree,
} from '@roadmap/plugin-maturity-node';
import type { Evidence } from '@roadmap/plugin-maturity-common';

/** What the detectors said about one check of one repository. */
export interface ToolVerdict {
  value: boolean;
  evidence: Evidence[];
}

/**
 * Scores a checkout on disk with the same engine as `maturity score`
 * (FileSystemRepositoryTree + detectRepositoryFacts) and returns the verdict
 * per repository check, with the time it took.
 */
export async function scoreFieldRepository(dir: string): Promise<{
  verdicts: Map<string, ToolVerdict>;
  ms: number;
  filesListed: number;
  warnings: number;
}> {
  const started = process.hrtime.bigint();
  const detection = await detectRepositoryFacts(
    new FileSystemRepositoryTree(dir),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const verdicts = new Map<string, ToolVerdict>();
  for (const fact of detection.facts) {
    if (typeof fact.value !== 'boolean') continue;
    verdicts.set(fact.id.replace(/^repository\./, ''), {
      value: fact.value,
      evidence: fact.evidence ?? [],
    });
  }
  return {
    verdicts,
    ms,
    filesListed: detection.filesListed,
    warnings: detection.warnings.length,
  };
}
