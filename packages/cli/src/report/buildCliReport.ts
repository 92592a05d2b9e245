import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Rubric, Score } from '@roadmap/plugin-maturity-common';
import type { CliReport } from './CliReport';

/** Turns an evaluation into the CLI's report, including the gate verdict. */
export function buildCliReport(options: {
  source: string;
  entity?: Entity;
  rubric: Rubric;
  score: Score;
  judgedSources: string[];
  minLevel?: string;
  warnings: { path: string; message: string }[];
}): CliReport {
  const { rubric, score, minLevel } = options;
  const rank = (level: string | null) =>
    level ? rubric.levels.findIndex(l => l.id === level) : -1;
  return {
    source: options.source,
    entityRef: options.entity ? stringifyEntityRef(options.entity) : undefined,
    level: score.level,
    nextLevel: score.nextLevel,
    score: score.score,
    pillars: score.pillars,
    results: score.results.map(r => ({
      checkId: r.checkId,
      title: r.title,
      pillar: r.pillar,
      level: r.level,
      status: r.status,
      message: r.message,
      evidence: r.evidence.map(e => ({
        ...(e.path ? { path: e.path } : {}),
        ...(e.line ? { line: e.line } : {}),
        ...(e.note ? { note: e.note } : {}),
        ...(e.query ? { query: e.query } : {}),
        ...(e.url ? { url: e.url } : {}),
      })),
      effort: r.effort,
      weight: r.weight,
      description: r.description,
      docs: r.remediation?.docs,
      template: r.remediation?.template,
    })),
    nextSteps: score.nextSteps.map(s => ({
      checkId: s.checkId,
      title: s.title,
      pillar: s.pillar,
      level: s.level,
      status: s.status,
      quickWin: s.quickWin,
      effort: s.effort,
      docs: s.remediation?.docs,
      template: s.remediation?.template,
    })),
    judgedSources: options.judgedSources,
    gate: minLevel
      ? { minLevel, passed: rank(score.level) >= rank(minLevel) }
      : undefined,
    rubric: {
      pillars: rubric.pillars.map(p => ({ id: p.id, title: p.title })),
      levels: rubric.levels.map(l => ({ id: l.id, title: l.title })),
    },
    warnings: options.warnings,
  };
}
