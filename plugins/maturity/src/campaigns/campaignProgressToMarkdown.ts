import {
  type CampaignProgressResponse,
  markdownText,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import { formatDay } from './formatDay';
import { phaseTargetDescription } from './phaseTargetLabel';
import { scopeChanges } from './scopeChanges';

function ref(entityRef: string): string {
  return markdownText(entityRef.replace(/^[a-z]+:default\//, ''));
}

function share(met: number, total: number): string {
  return total === 0
    ? '—'
    : `${met}/${total} (${Math.round((met / total) * 100)}%)`;
}

/**
 * A campaign's standing as Markdown, for the roadmap review: its phases
 * with progress and forecast, each team's tally, what each service has
 * left, and the services that joined or left the scope. Names from the
 * catalog are escaped, so they render as text.
 */
export function campaignProgressToMarkdown(
  progress: CampaignProgressResponse,
  options: { rubric: Pick<Rubric, 'levels' | 'checks'>; today: string },
): string {
  const { campaign, overall } = progress;
  const checkTitle = new Map(options.rubric.checks.map(c => [c.id, c.title]));
  const lines: string[] = [];
  lines.push(`# ${markdownText(campaign.title)}`, '');
  lines.push(
    `State: **${campaign.state}** · owner ${ref(
      campaign.owner,
    )} · starts ${formatDay(campaign.startsOn)} · ${
      overall.total
    } services in scope · as of ${formatDay(options.today)}`,
    '',
  );
  if (campaign.description) lines.push(markdownText(campaign.description), '');

  lines.push('## Phases', '');
  lines.push('| # | Phase | Target | Due | Met | Forecast |');
  lines.push('|---|---|---|---|---|---|');
  campaign.phases.forEach((phase, i) => {
    const f = progress.forecasts[i];
    let forecast = '—';
    if (overall.met[i] >= overall.total) forecast = 'done';
    else if (f?.projectedDate) {
      forecast = `${formatDay(f.projectedDate)}${f.atRisk ? ' — at risk' : ''}`;
    } else if (f?.atRisk) forecast = 'no progress — at risk';
    lines.push(
      `| ${i + 1} | ${markdownText(phase.title)} | ${phaseTargetDescription(
        phase,
        options.rubric,
      )} | ${formatDay(phase.dueDate)} | ${share(
        overall.met[i] ?? 0,
        overall.total,
      )} | ${forecast} |`,
    );
  });
  lines.push('');

  if (progress.teams.length) {
    lines.push('## Teams', '');
    lines.push(
      `| Team | Services | ${campaign.phases
        .map(p => markdownText(p.title))
        .join(' | ')} |`,
    );
    lines.push(`|---|---|${campaign.phases.map(() => '---|').join('')}`);
    for (const team of progress.teams) {
      lines.push(
        `| ${ref(team.owner)} | ${team.total} | ${team.met
          .map(m => share(m, team.total))
          .join(' | ')} |`,
      );
    }
    lines.push('');
  }

  const open = progress.services.filter(s => s.phases.some(p => !p.met));
  lines.push('## What is left', '');
  if (open.length === 0) lines.push('Every service meets every phase.');
  for (const s of open) {
    const i = s.phases.findIndex(p => !p.met);
    const left = s.phases[i].checksLeft.map(id => checkTitle.get(id) ?? id);
    lines.push(
      `- **${markdownText(s.title ?? s.name)}** (${
        s.owner ? ref(s.owner) : 'no owner'
      }): phase ${i + 1} ${markdownText(campaign.phases[i].title)}${
        left.length ? ` — ${left.map(markdownText).join(', ')}` : ''
      }`,
    );
  }
  lines.push('');

  const { joined, left } = scopeChanges(progress);
  if (joined.length || left.length) {
    lines.push('## Scope changes', '');
    for (const s of joined) {
      lines.push(
        `- joined ${formatDay(s.joinedAt!)}: ${markdownText(
          s.title ?? s.name,
        )}`,
      );
    }
    for (const l of left) {
      lines.push(`- left ${formatDay(l.leftAt)}: ${ref(l.entityRef)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
