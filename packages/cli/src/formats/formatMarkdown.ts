import { renderRoadmapMarkdown } from '@roadmap/plugin-maturity-common';
import type { CliReport } from '../report/CliReport';

/** The report as a roadmap document: where it stands, next, quick wins, done. */
export function formatMarkdown(report: CliReport): string {
  const title = report.entityRef ?? report.source;
  const body = renderRoadmapMarkdown({ ...report, title });
  const unknown = report.results.filter(r => r.status === 'unknown');
  const footer = unknown.length
    ? `\n---\n_${
        unknown.length
      } checks were not observed here (sources: ${report.judgedSources.join(
        ', ',
      )}); the level is judged on the checks that were._\n`
    : '';
  return body + footer;
}
