import type { ScoreSummary } from '@roadmap/plugin-maturity-common';
import { csvLines } from './csvCell';

/**
 * The overview as CSV, one row per entity and one column per pillar, for
 * roadmap reviews in a spreadsheet. Values are quoted and formula-like text
 * is defused, so an entity title cannot run in the reader's spreadsheet.
 */
export function scoresToCsv(
  items: ScoreSummary[],
  pillars: { id: string; title: string }[],
): string {
  const header = [
    'entity',
    'title',
    'owner',
    'system',
    'type',
    'lifecycle',
    'level',
    'score',
    ...pillars.map(p => p.title),
    'scored at',
  ];
  const rows = items.map(s => [
    s.entityRef,
    s.title ?? s.name,
    s.owner,
    s.system,
    s.type,
    s.lifecycle,
    s.level ?? 'none',
    s.score,
    ...pillars.map(p => s.pillars[p.id]),
    s.scoredAt,
  ]);
  return csvLines([header, ...rows]);
}
