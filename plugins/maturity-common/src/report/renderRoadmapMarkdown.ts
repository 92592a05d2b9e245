import { markdownText } from './markdownText';
import type { RoadmapReportInput } from './RoadmapReportInput';

function titleOf(
  id: string | null,
  list: { id: string; title: string }[],
): string {
  if (!id) return 'no level yet';
  return list.find(x => x.id === id)?.title ?? id;
}

function bar(score: number): string {
  const filled = Math.round(score / 10);
  return `${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)}`;
}

function evidenceOf(result: RoadmapReportInput['results'][number]): string {
  const first = result.evidence.find(e => e.path || e.query || e.object);
  if (!first) return '';
  if (first.path)
    return ` (\`${first.path.replace(/`/g, '')}${
      first.line ? `:${first.line}` : ''
    }\`)`;
  if (first.object)
    return ` (${markdownText(
      `${first.object.kind} ${first.object.namespace ?? ''}/${
        first.object.name
      }`,
    )})`;
  return '';
}

/**
 * A roadmap report in the spirit of a platform team's roadmap document:
 * where the service stands per pillar, what is done, what is next (quick
 * wins marked), and what comes later — computed from its score.
 *
 * @public
 */
export function renderRoadmapMarkdown(input: RoadmapReportInput): string {
  const { rubric } = input;
  const lines: string[] = [];
  lines.push(`# Roadmap: ${markdownText(input.title)}`, '');
  const next = input.nextLevel
    ? ` → next: **${markdownText(titleOf(input.nextLevel, rubric.levels))}**`
    : ' (top level)';
  const scored = input.scoredAt
    ? ` · scored ${input.scoredAt.slice(0, 10)}`
    : '';
  lines.push(
    `**Level:** ${markdownText(
      titleOf(input.level, rubric.levels),
    )}${next} · **Score:** ${Math.round(input.score)}/100${scored}`,
    '',
  );

  lines.push(
    '## Where it stands',
    '',
    '| Pillar | Score | |',
    '|---|---:|---|',
  );
  for (const p of rubric.pillars) {
    const score = input.pillars[p.id] ?? 0;
    lines.push(
      `| ${markdownText(p.title)} | ${Math.round(score)} | ${bar(score)} |`,
    );
  }
  lines.push('');

  const nextSteps = input.nextSteps.filter(s => s.level === input.nextLevel);
  const quickWins = input.nextSteps.filter(s => s.quickWin).slice(0, 5);
  const step = (s: RoadmapReportInput['nextSteps'][number]) => {
    const result = input.results.find(r => r.checkId === s.checkId);
    const why = result?.description
      ? ` — ${markdownText(result.description)}`
      : '';
    const docs = s.docs ? ` [How to](${encodeURI(s.docs)})` : '';
    const state =
      result?.status === 'unknown'
        ? ' _(not observed: source unavailable)_'
        : '';
    return `- [ ] **${markdownText(s.title)}** \`${s.checkId}\`${
      s.quickWin ? ' ⚡ quick win' : ''
    }${s.effort ? ` · effort ${s.effort}` : ''}${state}${why}${docs}`;
  };

  if (input.nextLevel) {
    lines.push(
      `## 🔄 Next: ${markdownText(titleOf(input.nextLevel, rubric.levels))}`,
      '',
    );
    if (nextSteps.length === 0) lines.push('Nothing left for this level.');
    for (const s of nextSteps) lines.push(step(s));
    lines.push('');
  }

  if (quickWins.length > 0) {
    lines.push('## ⚡ Quick wins', '');
    for (const s of quickWins) lines.push(step(s));
    lines.push('');
  }

  const later = input.nextSteps.filter(s => s.level !== input.nextLevel);
  if (later.length > 0) {
    lines.push('## Later', '');
    for (const level of rubric.levels) {
      const items = later.filter(s => s.level === level.id);
      if (items.length === 0) continue;
      lines.push(`### ${markdownText(level.title)}`, '');
      for (const s of items) lines.push(step(s));
      lines.push('');
    }
  }

  const done = input.results.filter(r => r.status === 'pass');
  lines.push('## ✅ Done', '');
  if (done.length === 0) lines.push('Nothing yet.');
  for (const level of rubric.levels) {
    for (const r of done.filter(d => d.level === level.id)) {
      lines.push(
        `- [x] ${markdownText(r.title)} \`${r.checkId}\` (${markdownText(
          level.title,
        )})${evidenceOf(r)}`,
      );
    }
  }
  lines.push('');

  const exempt = input.results.filter(r => r.status === 'exempt');
  if (exempt.length > 0) {
    lines.push('## Exempt', '');
    for (const r of exempt)
      lines.push(
        `- ${markdownText(r.title)} \`${r.checkId}\`: ${markdownText(
          r.message,
        )}`,
      );
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
