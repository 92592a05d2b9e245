import type { CliReport } from '../report/CliReport';

/**
 * The report as SARIF 2.1.0, for code-scanning tools: one rule per check,
 * one result per failing check (`error` when it keeps the service below the
 * gate's level or the next level, `warning` otherwise), located at its
 * evidence when it has a file.
 */
export function formatSarif(
  report: CliReport,
  options: { version: string },
): string {
  const levelOrder = report.rubric.levels.map(l => l.id);
  const blockingRank = levelOrder.indexOf(
    report.gate?.minLevel ?? report.nextLevel ?? '',
  );
  const rules = report.results.map(r => ({
    id: r.checkId,
    name: r.checkId.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) =>
      c ? c.toUpperCase() : '',
    ),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description ?? r.title },
    ...(r.docs ? { helpUri: r.docs } : {}),
    properties: {
      pillar: r.pillar,
      level: r.level,
      tags: ['maturity', r.pillar, r.level],
    },
  }));
  const results = report.results
    .filter(r => r.status === 'fail')
    .map(r => {
      const locations = r.evidence
        .filter(e => e.path)
        .map(e => ({
          physicalLocation: {
            artifactLocation: { uri: e.path },
            ...(e.line ? { region: { startLine: e.line } } : {}),
          },
        }));
      const rank = levelOrder.indexOf(r.level);
      return {
        ruleId: r.checkId,
        ruleIndex: report.results.indexOf(r),
        level: blockingRank >= 0 && rank <= blockingRank ? 'error' : 'warning',
        message: { text: `${r.title}: ${r.message}` },
        ...(locations.length ? { locations } : {}),
      };
    });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'maturity',
            informationUri: 'https://github.com/roadmap-demo/roadmap-maturity',
            version: options.version,
            rules,
          },
        },
        results,
        properties: {
          level: report.level,
          score: report.score,
          pillars: report.pillars,
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
