import { styleText } from 'node:util';
import type { FixReport, FixStanding } from './FixReport';

type Style = Parameters<typeof styleText>[0];

const standing = (s: FixStanding) =>
  `${s.level ?? 'no level'}, ${Math.round(s.score)}/100`;

/**
 * `maturity fix` for people: the checks the plan closes, the ones it does
 * not and why, every file with its diff, then what to do next (or, after
 * `--write`, what the re-score found).
 */
export function formatFixReport(
  report: FixReport,
  options: { color: boolean },
): string {
  const paint = (style: Style, text: string) =>
    options.color ? styleText(style, text) : text;
  const lines: string[] = [];
  lines.push(
    paint('bold', `Fixes for ${report.entityRef ?? report.source}`),
    `Now: ${standing(report.before)}`,
    '',
  );
  if (report.checks.length > 0) {
    lines.push(`Closes ${report.checks.length} checks:`);
    for (const check of report.checks) {
      lines.push(`  ${paint('green', '✔')} ${check.id}  ${check.title}`);
    }
  } else {
    lines.push('Closes no check.');
  }
  if (report.skipped.length > 0) {
    lines.push('', 'Not fixed:');
    for (const skip of report.skipped) {
      lines.push(`  ${paint('yellow', '-')} ${skip.id}: ${skip.reason}`);
    }
  }
  for (const reason of report.unvalidated) {
    lines.push('', paint('yellow', `Not validated here: ${reason}`));
  }
  if (report.files.length > 0) {
    const created = report.files.filter(f => f.action === 'create').length;
    lines.push(
      '',
      `Files (${created} new, ${report.files.length - created} changed):`,
    );
    for (const file of report.files) {
      const mark = file.action === 'create' ? '+' : '~';
      lines.push(
        `  ${mark} ${file.path}  (${file.checkId}) ${file.description}`,
      );
    }
    for (const file of report.files) {
      lines.push('');
      for (const line of file.diff.replace(/\n$/, '').split('\n')) {
        if (line.startsWith('+++') || line.startsWith('---')) {
          lines.push(paint('bold', line));
        } else if (line.startsWith('+')) lines.push(paint('green', line));
        else if (line.startsWith('-')) lines.push(paint('red', line));
        else if (line.startsWith('@@')) lines.push(paint('cyan', line));
        else lines.push(line);
      }
    }
  }
  lines.push('');
  if (!report.written) {
    lines.push(
      report.files.length > 0
        ? `Nothing written. Run again with --write to write these ${report.files.length} files.`
        : 'Nothing to write.',
    );
  } else if (report.after) {
    lines.push(
      `Wrote ${report.files.length} files. Re-scored: ${standing(
        report.before,
      )} → ${standing(report.after)}.`,
    );
    if (report.after.closed.length > 0) {
      lines.push(paint('green', `Closed: ${report.after.closed.join(', ')}`));
    }
    if (report.after.stillOpen.length > 0) {
      lines.push(
        paint('red', `Still not passing: ${report.after.stillOpen.join(', ')}`),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
