import type { Entity } from '@backstage/catalog-model';
import type { Fact, FactValue } from '../types/Fact';
import type { Check, Rubric } from '../types/Check';
import { createEvaluator } from './createEvaluator';

const now = new Date('2026-11-24T12:00:00Z');

function check(id: string, level: string, extra: Partial<Check> = {}): Check {
  return {
    id,
    pillar: extra.pillar ?? 'p1',
    level,
    title: `Title ${id}`,
    description: `Why ${id}`,
    weight: 5,
    effort: 'M',
    condition: { fact: `repository.${id}`, equals: true },
    facts: [`repository.${id}`],
    remediation: { docs: `https://docs.example.com/${id}` },
    ...extra,
  };
}

const rubric: Rubric = {
  pillars: [
    { id: 'p1', title: 'One' },
    { id: 'p2', title: 'Two' },
  ],
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  facts: [],
  checks: [
    check('b1', 'bronze', { weight: 10 }),
    check('b2', 'bronze', { pillar: 'p2' }),
    check('s1', 'silver', { effort: 'L', weight: 9 }),
    check('s2', 'silver', { effort: 'S', weight: 2 }),
    check('s3', 'silver', { effort: 'S', weight: 6 }),
    check('g1', 'gold', { appliesTo: { types: ['service'] } }),
    check('live', 'silver', {
      condition: { fact: 'kubernetes.ready', equals: true },
      facts: ['kubernetes.ready'],
    }),
  ],
};

function facts(values: Record<string, FactValue>): Fact[] {
  return Object.entries(values).map(([id, value]) => ({
    id: id.includes('.') ? id : `repository.${id}`,
    value,
    source: id.includes('.') ? id.split('.')[0] : 'repository',
    observedAt: now.toISOString(),
    evidence: [{ path: `${id}.yml`, line: 1 }],
  }));
}

const entity = (
  extra: Partial<Entity['metadata']> = {},
  type = 'service',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'api', namespace: 'default', ...extra },
  spec: { type, lifecycle: 'production', owner: 'group:default/a' },
});

const evaluator = createEvaluator(rubric);
const status = (score: ReturnType<typeof evaluator.evaluate>) =>
  Object.fromEntries(score.results.map(r => [r.checkId, r.status]));

describe('createEvaluator', () => {
  it('makes checks with missing facts unknown, never fail', () => {
    const score = evaluator.evaluate({
      entity: entity(),
      facts: facts({ b1: true }),
      now,
    });
    expect(status(score)).toMatchObject({
      b1: 'pass',
      b2: 'unknown',
      s1: 'unknown',
      live: 'unknown',
    });
    expect(score.results.find(r => r.checkId === 'b2')!.message).toBe(
      'Unknown: no data for repository.b2',
    );
  });

  it('reaches the highest level whose checks and all lower ones pass', () => {
    const all = {
      b1: true,
      b2: true,
      s1: true,
      s2: true,
      s3: true,
      g1: true,
      'kubernetes.ready': true,
    };
    expect(
      evaluator.evaluate({ entity: entity(), facts: facts(all), now }),
    ).toMatchObject({ level: 'gold', nextLevel: null, score: 100 });
    expect(
      evaluator.evaluate({
        entity: entity(),
        facts: facts({ ...all, s2: false }),
        now,
      }),
    ).toMatchObject({ level: 'bronze', nextLevel: 'silver' });
    // Gold checks passing never lift a service over a failing bronze check.
    expect(
      evaluator.evaluate({
        entity: entity(),
        facts: facts({ ...all, b2: false }),
        now,
      }),
    ).toMatchObject({ level: null, nextLevel: 'bronze' });
  });

  it('weights the score and computes it per pillar', () => {
    const score = evaluator.evaluate({
      entity: entity(),
      facts: facts({
        b1: true,
        b2: false,
        s1: false,
        s2: false,
        s3: false,
        g1: false,
        'kubernetes.ready': false,
      }),
      now,
    });
    // b1 (10) passes out of 10+5+9+2+6+5+5 = 42.
    expect(score.score).toBe(23.8);
    expect(score.pillars).toEqual({ p1: 27, p2: 0 });
  });

  it('filters by appliesTo: not-applicable checks do not count', () => {
    const lib = evaluator.evaluate({
      entity: entity({}, 'library'),
      facts: facts({
        b1: true,
        b2: true,
        s1: true,
        s2: true,
        s3: true,
        'kubernetes.ready': true,
      }),
      now,
    });
    expect(status(lib).g1).toBe('not-applicable');
    expect(lib.level).toBe('gold');
    expect(lib.score).toBe(100);
    expect(evaluator.appliesTo({ ...entity(), kind: 'Group' })).toBe(true);
  });

  it('orders next steps: next level first, quick wins first, then by effort and weight', () => {
    const score = evaluator.evaluate({
      entity: entity(),
      facts: facts({
        b1: true,
        b2: true,
        s1: false,
        s2: false,
        s3: false,
        g1: false,
      }),
      now,
    });
    expect(score.nextSteps.map(s => [s.checkId, s.quickWin])).toEqual([
      ['s3', true],
      ['s2', false],
      ['live', false],
      ['s1', false],
      ['g1', false],
    ]);
    expect(score.nextSteps[0].remediation).toEqual({
      docs: 'https://docs.example.com/s3',
    });
  });

  it('waives a check until its exemption expires, from the annotation or from config', () => {
    const exempted = entity({
      annotations: {
        'maturity.roadmap.dev/exemptions':
          '- check: b2\n  reason: "Batch job; no container"\n  expires: "2026-12-31"\n- check: s1\n  reason: old\n  expires: "2026-01-01"',
      },
    });
    const score = evaluator.evaluate({
      entity: exempted,
      facts: facts({ b1: true, b2: false, s1: false }),
      now,
      exemptions: [
        {
          check: 's2',
          reason: 'config says so',
          expires: '2027-01-01',
          entityRef: 'component:default/api',
        },
        {
          check: 's3',
          reason: 'other entity',
          expires: '2027-01-01',
          entityRef: 'component:default/other',
        },
      ],
    });
    const b2 = score.results.find(r => r.checkId === 'b2')!;
    expect(b2).toMatchObject({
      status: 'exempt',
      message: 'Exempt until 2026-12-31: Batch job; no container',
      exemption: { reason: 'Batch job; no container', expires: '2026-12-31' },
    });
    expect(status(score)).toMatchObject({
      s1: 'fail',
      s2: 'exempt',
      s3: 'unknown',
    });
    expect(score.level).toBe('bronze');
  });

  it('judges the level only on the available sources when asked', () => {
    const score = evaluator.evaluate({
      entity: entity(),
      facts: facts({ b1: true, b2: true, s1: true, s2: true, s3: true }),
      now,
      availableSources: ['repository', 'catalog'],
    });
    const live = score.results.find(r => r.checkId === 'live')!;
    expect(live).toMatchObject({
      status: 'unknown',
      message: 'Not observed: the kubernetes source is not available here',
    });
    expect(score.level).toBe('silver');
    expect(score.nextSteps.map(s => s.checkId)).toEqual(['g1']);
  });

  it('supports checks written in TypeScript next to YAML conditions', () => {
    const ts = createEvaluator({
      ...rubric,
      checks: [
        {
          ...check('custom', 'bronze'),
          condition: undefined,
          facts: ['repository.languages'],
          evaluate: f => {
            const langs = f.get('repository.languages');
            if (!langs) return { status: 'unknown' };
            return Array.isArray(langs.value) && langs.value.includes('go')
              ? { status: 'pass', message: 'Written in Go' }
              : { status: 'fail', message: 'Not Go' };
          },
        },
      ],
    });
    const run = (value?: FactValue) =>
      ts.evaluate({
        facts:
          value === undefined ? [] : facts({ 'repository.languages': value }),
        now,
      }).results[0];
    expect(run(['go'])).toMatchObject({
      status: 'pass',
      message: 'Written in Go',
      evidence: [{ path: 'repository.languages.yml', line: 1 }],
    });
    expect(run(['java'])).toMatchObject({ status: 'fail', message: 'Not Go' });
    expect(run()).toMatchObject({ status: 'unknown' });
  });

  it('carries the evidence of the facts a result was decided on', () => {
    const score = evaluator.evaluate({
      entity: entity(),
      facts: facts({ b1: true }),
      now,
    });
    expect(score.results[0]).toMatchObject({
      status: 'pass',
      message: 'Title b1: in b1.yml:1',
      evidence: [{ path: 'b1.yml', line: 1 }],
    });
  });
});

describe('checks that count from a later day (enabledFrom)', () => {
  const graced: Rubric = {
    ...rubric,
    checks: [
      check('b1', 'bronze'),
      check('b2', 'bronze', { enabledFrom: '2026-12-15' }),
    ],
  };
  const evaluate = (at: Date) =>
    createEvaluator(graced).evaluate({
      facts: facts({ b1: true, b2: false }),
      now: at,
    });

  it('shows an upcoming check with its verdict-to-be and counts it from its day', () => {
    const before = evaluate(now);
    const b2 = before.results.find(r => r.checkId === 'b2')!;
    expect(b2).toMatchObject({
      status: 'upcoming',
      enabledFrom: '2026-12-15',
      message: 'Counts from 2026-12-15; it would not pass today',
    });
    // Left out of the score and the level, and not a next step.
    expect(before.score).toBe(100);
    // (No silver or gold checks here: every level is reached.)
    expect(before.level).toBe('gold');
    expect(before.nextSteps.map(s => s.checkId)).not.toContain('b2');

    const after = evaluate(new Date('2026-12-15T00:00:00Z'));
    expect(after.results.find(r => r.checkId === 'b2')!.status).toBe('fail');
    expect(after.level).toBeNull();
  });

  it('says where an exemption comes from', () => {
    const score = createEvaluator(rubric).evaluate({
      facts: facts({ b1: false, b2: false }),
      now,
      exemptions: [
        { check: 'b1', reason: 'legacy', expires: '2027-01-01' },
        {
          check: 'b2',
          reason: 'approved',
          expires: '2027-01-01',
          source: 'request',
          approvedBy: 'user:default/lead',
        },
      ],
    });
    expect(score.results.find(r => r.checkId === 'b1')!.exemption).toEqual({
      reason: 'legacy',
      expires: '2027-01-01',
      source: 'config',
    });
    expect(score.results.find(r => r.checkId === 'b2')!.exemption).toEqual({
      reason: 'approved',
      expires: '2027-01-01',
      source: 'request',
      approvedBy: 'user:default/lead',
    });
  });
});
