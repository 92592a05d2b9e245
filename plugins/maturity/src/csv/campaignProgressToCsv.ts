import type {
  CampaignProgressResponse,
  CampaignServiceProgress,
} from '@roadmap/plugin-maturity-common';
import { csvLines } from './csvCell';

function phaseCell(phase: CampaignServiceProgress['phases'][number]) {
  if (phase.upcoming) return 'upcoming';
  return phase.met ? 'met' : 'not met';
}

/**
 * A campaign's services as CSV for a roadmap review: per service its owner
 * and level, and per phase whether it is met, the checks left and those
 * waived; then the services that left the scope.
 */
export function campaignProgressToCsv(
  progress: CampaignProgressResponse,
): string {
  const phases = progress.campaign.phases;
  const header = [
    'entity',
    'title',
    'owner',
    'level',
    'joined',
    ...phases.flatMap((p, i) => [
      `phase ${i + 1}: ${p.title} (due ${p.dueDate})`,
      `phase ${i + 1} checks left`,
      `phase ${i + 1} exempt`,
    ]),
  ];
  const rows = progress.services.map(s => [
    s.entityRef,
    s.title ?? s.name,
    s.owner,
    s.level ?? 'none',
    s.joinedAt?.slice(0, 10),
    ...s.phases.flatMap(p => [
      phaseCell(p),
      p.checksLeft.join(' '),
      p.exempt.join(' '),
    ]),
  ]);
  const left = progress.left.map(l => [
    l.entityRef,
    '',
    '',
    '',
    '',
    ...phases.flatMap(() => [
      `left the scope ${l.leftAt.slice(0, 10)}`,
      '',
      '',
    ]),
  ]);
  return csvLines([header, ...rows, ...left]);
}
