import { markdownText } from './markdownText';

/**
 * What a team's roadmap report is made from.
 *
 * @public
 */
export interface GroupRoadmapReportInput {
  title: string;
  rubric: {
    pillars: { id: string; title: string }[];
    levels: { id: string; title: string }[];
  };
  services: {
    entityRef: string;
    title: string;
    score: number;
    level: string | null;
    nextLevel: string | null;
    pillars: Record<string, number>;
    /** The first next steps of the service, most important first. */
    nextSteps: { checkId: string; title: string; quickWin: boolean }[];
    /** Score change since `since`, when known. */
    delta?: number;
  }[];
  /** Start of the period `delta` covers, ISO 8601. */
  since?: string;
}

/**
 * A team's roadmap report: its services' levels and pillar scores, the
 * weakest pillars across the team, and each service's next steps — what a
 * team lead brings to a roadmap review.
 *
 * @public
 */
export function renderGroupRoadmapMarkdown(
  input: GroupRoadmapReportInput,
): string {
  const { rubric, services } = input;
  const levelTitle = (id: string | null) =>
    id ? rubric.levels.find(l => l.id === id)?.title ?? id : 'no level yet';
  const lines: string[] = [`# Team roadmap: ${markdownText(input.title)}`, ''];
  if (services.length === 0) {
    lines.push('This team owns no scored service yet.');
    return `${lines.join('\n')}\n`;
  }

  const counts = [...rubric.levels.map(l => l.id), null].map(id => ({
    id,
    n: services.filter(s => s.level === id).length,
  }));
  const distribution = counts
    .filter(c => c.n > 0)
    .map(c => `${levelTitle(c.id)}: ${c.n}`)
    .join(' · ');
  lines.push(`**${services.length} services** · ${distribution}`, '');

  const average = (pillar: string) =>
    services.reduce((sum, s) => sum + (s.pillars[pillar] ?? 0), 0) /
    services.length;
  const weakest = [...rubric.pillars]
    .sort((a, b) => average(a.id) - average(b.id))
    .slice(0, 2);
  lines.push(
    `Weakest pillars across the team: ${weakest
      .map(p => `**${markdownText(p.title)}** (${Math.round(average(p.id))})`)
      .join(', ')}.`,
    '',
  );

  const sinceHeader = input.since ? ` Since ${input.since.slice(0, 10)} |` : '';
  lines.push(
    `| Service | Level | Score |${sinceHeader} ${rubric.pillars
      .map(p => markdownText(p.title))
      .join(' | ')} |`,
    `|---|---|---:|${input.since ? '---:|' : ''}${rubric.pillars
      .map(() => '---:')
      .join('|')}|`,
  );
  for (const s of services) {
    const delta =
      input.since !== undefined
        ? ` ${
            s.delta === undefined
              ? '–'
              : `${s.delta > 0 ? '+' : ''}${Math.round(s.delta)}`
          } |`
        : '';
    lines.push(
      `| ${markdownText(s.title)} | ${markdownText(
        levelTitle(s.level),
      )} | ${Math.round(s.score)} |${delta} ${rubric.pillars
        .map(p => String(Math.round(s.pillars[p.id] ?? 0)))
        .join(' | ')} |`,
    );
  }
  lines.push('', '## Next steps per service', '');
  for (const s of services) {
    lines.push(
      `### ${markdownText(s.title)} → ${markdownText(
        s.nextLevel ? levelTitle(s.nextLevel) : 'top level reached',
      )}`,
      '',
    );
    if (s.nextSteps.length === 0) lines.push('Nothing left to do.');
    for (const step of s.nextSteps.slice(0, 5)) {
      lines.push(
        `- [ ] ${markdownText(step.title)} \`${step.checkId}\`${
          step.quickWin ? ' ⚡ quick win' : ''
        }`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
