import { styleText } from 'node:util';
import type { CliCheckResult, CliReport } from '../report/CliReport';

type Style = Parameters<typeof styleText>[0];

const STATUS: Record<
  CliCheckResult['status'],
  { mark: string; style: Style; word: string }
> = {
  pass: { mark: '✔', style: 'green', word: 'pass' },
  fail: { mark: '✘', style: 'red', word: 'FAIL' },
  unknown: { mark: '?', style: 'yellow', word: 'unknown' },
  exempt: { mark: '~', style: 'cyan', word: 'exempt' },
  'not-applicable': { mark: '-', style: 'gray', word: 'n/a' },
  upcoming: { mark: '…', style: 'magenta', word: 'upcoming' },
};

function bar(score: number, width = 20): string {
  const filled = Math.round((score / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/**
 * The report for people in a terminal: level and score, a bar per pillar,
 * every check grouped by pillar with its status word (colour only adds to
 * it, and is off when the output is not a TTY), then the next steps.
 */
export function formatTable(
  report: CliReport,
  options: { color: boolean },
): string {
  const paint = (style: Style, text: string) =>
    options.color ? styleText(style, text) : text;
  const title = (id: string | null, list: { id: string; title: string }[]) =>
    id ? list.find(x => x.id === id)?.title ?? id : 'none';
  const lines: string[] = [];

  lines.push(paint('bold', `Maturity of ${report.entityRef ?? report.source}`));
  const next = report.nextLevel
    ? `   next: ${title(report.nextLevel, report.rubric.levels)}`
    : '';
  lines.push(
    `Level: ${paint(
      'bold',
      title(report.level, report.rubric.levels),
    )}${next}   score: ${Math.round(report.score)}/100`,
  );
  if (report.gate) {
    lines.push(
      report.gate.passed
        ? paint('green', `Gate: at or above ${report.gate.minLevel}`)
        : paint('red', `Gate: below ${report.gate.minLevel}`),
    );
  }
  lines.push(`Judged on sources: ${report.judgedSources.join(', ')}`);
  lines.push('');

  const width = Math.max(...report.rubric.pillars.map(p => p.title.length));
  for (const pillar of report.rubric.pillars) {
    const score = report.pillars[pillar.id] ?? 0;
    lines.push(
      `${pillar.title.padEnd(width)}  ${bar(score)} ${String(
        Math.round(score),
      ).padStart(3)}`,
    );
  }

  for (const pillar of report.rubric.pillars) {
    const results = report.results.filter(r => r.pillar === pillar.id);
    if (results.length === 0) continue;
    lines.push('', paint('bold', pillar.title));
    for (const r of results) {
      const s = STATUS[r.status];
      lines.push(
        `  ${paint(
          s.style,
          `${s.mark} ${s.word.padEnd(7)}`,
        )} ${r.checkId.padEnd(24)} ${title(
          r.level,
          report.rubric.levels,
        ).padEnd(7)} ${r.message}`,
      );
    }
  }

  if (report.nextSteps.length > 0) {
    lines.push('', paint('bold', 'Next steps'));
    report.nextSteps.slice(0, 10).forEach((step, i) => {
      const quick = step.quickWin ? paint('green', ' quick win') : '';
      const docs = step.docs ? paint('gray', ` — ${step.docs}`) : '';
      lines.push(`  ${i + 1}. ${step.title} [${step.checkId}]${quick}${docs}`);
    });
  }
  for (const w of report.warnings) {
    lines.push(paint('yellow', `warning: ${w.path}: ${w.message}`));
  }
  return `${lines.join('\n')}\n`;
}
