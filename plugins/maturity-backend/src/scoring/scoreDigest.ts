import { createHash } from 'node:crypto';
import type { ScoreRecord } from '../database/ScoreStore';

/**
 * A digest of what a scoring says — score, level, pillars, every check's
 * status, message, evidence and exemption, the next steps, which sources
 * answered and the rubric — but not when: two scorings with the same digest
 * are the same point of history.
 */
export function scoreDigest(record: ScoreRecord): string {
  const stable = JSON.stringify([
    record.rubricHash,
    record.score,
    record.level,
    record.nextLevel,
    Object.entries(record.pillars).sort(([a], [b]) => a.localeCompare(b)),
    record.detail.results.map(r => [
      r.checkId,
      r.status,
      r.message,
      r.evidence,
      r.exemption ?? null,
    ]),
    record.detail.nextSteps.map(s => [s.checkId, s.status]),
    record.detail.sources.map(s => [s.source, s.status, s.message ?? null]),
  ]);
  return createHash('sha256').update(stable).digest('hex');
}
