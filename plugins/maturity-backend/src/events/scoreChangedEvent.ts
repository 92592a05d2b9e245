import type { MaturityScoreChangedEventPayload } from '@roadmap/plugin-maturity-common';
import type { ScoreChange } from '../refresh/ScoreChange';

function levelChange(after: number, before: number) {
  if (after > before) return 'up';
  return after < before ? 'down' : 'none';
}

/** The event a stored change of an entity's results is published as. */
export function scoreChangedEvent(
  change: ScoreChange,
): MaturityScoreChangedEventPayload {
  const { record, before } = change;
  const passing = new Set(
    record.detail.results.filter(r => r.status === 'pass').map(r => r.checkId),
  );
  const was = before?.passed ?? new Set<string>();
  const beforeRank = before?.levelRank ?? -1;
  return {
    entityRef: record.entityRef,
    ...(record.owner ? { owner: record.owner } : {}),
    snapshotId: change.snapshotId,
    scoredAt: record.scoredAt.toISOString(),
    first: !before,
    level: { before: before?.level ?? null, after: record.level },
    levelChange: levelChange(record.levelRank, beforeRank),
    score: record.score,
    nowPassing: [...passing].filter(id => !was.has(id)).sort(),
    noLongerPassing: record.detail.results
      .filter(r => was.has(r.checkId) && r.status !== 'pass')
      .map(r => ({ checkId: r.checkId, status: r.status }))
      .sort((a, b) => a.checkId.localeCompare(b.checkId)),
    sourcesDown: record.detail.sources
      .filter(s => s.status === 'error')
      .map(s => s.source),
  };
}
