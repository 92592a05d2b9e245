import {
  createEvaluator,
  defaultRubric,
  type Fact,
  type ScoreDetail,
} from '@roadmap/plugin-maturity-common';
import { compactScoreDetail, expandScoreDetail } from './scoreDetailCodec';

function detailOf(facts: Fact[]): ScoreDetail {
  const score = createEvaluator(defaultRubric).evaluate({
    facts,
    now: new Date('2026-11-30T00:00:00Z'),
    availableSources: ['repository'],
  });
  return JSON.parse(
    JSON.stringify({
      results: score.results,
      nextSteps: score.nextSteps,
      sources: [{ source: 'repository', status: 'ok' }],
    }),
  );
}

const fact = (id: string, value: boolean): Fact => ({
  id: `repository.${id}`,
  value,
  source: 'repository',
  observedAt: '2026-11-30T00:00:00Z',
  evidence: value ? [{ path: '.github/workflows/ci.yml', line: 3 }] : [],
});

describe('score detail codec', () => {
  const detail = detailOf([
    fact('ci.pipeline', true),
    fact('ci.tests', false),
    fact('obs.alerts', false),
  ]);

  it('stores a fraction of the bytes and reads back exactly what the evaluator produced', () => {
    const compact = compactScoreDetail(detail);
    expect(JSON.stringify(compact).length).toBeLessThan(
      JSON.stringify(detail).length / 2,
    );
    expect(JSON.stringify(compact)).not.toContain(
      defaultRubric.checks[0].description,
    );
    expect(expandScoreDetail(compact, defaultRubric)).toEqual(detail);
  });

  it('reads results stored in full as they were', () => {
    expect(expandScoreDetail(detail, defaultRubric)).toEqual(detail);
  });

  it('keeps the status, message and evidence of a check that left the rubric', () => {
    const compact = compactScoreDetail(detail);
    const rubric = {
      ...defaultRubric,
      checks: defaultRubric.checks.filter(c => c.id !== 'ci.pipeline'),
    };
    const gone = expandScoreDetail(compact, rubric).results.find(
      r => r.checkId === 'ci.pipeline',
    );
    expect(gone).toEqual(
      expect.objectContaining({
        title: 'ci.pipeline',
        status: 'pass',
        evidence: [{ path: '.github/workflows/ci.yml', line: 3 }],
      }),
    );
  });
});
