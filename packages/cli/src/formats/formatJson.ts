import type { CliReport } from '../report/CliReport';

/** The report as stable JSON (documented in the README). */
export function formatJson(report: CliReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
