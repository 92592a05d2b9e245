import { defaultRubric } from './defaultRubric';
import { REPOSITORY_CHECK_IDS } from './factCatalog';
import {
  loadRubric,
  parseRubricOverridesYaml,
  validateRubric,
} from './loadRubric';
import { RubricValidationError } from './RubricValidationError';

function errorOf(fn: () => unknown): RubricValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RubricValidationError) return e;
    throw e;
  }
  throw new Error('expected a RubricValidationError');
}

describe('the default rubric', () => {
  it('is valid and has the six pillars and three levels', () => {
    expect(validateRubric(defaultRubric)).toEqual([]);
    expect(defaultRubric.pillars.map(p => p.id)).toEqual([
      'cicd',
      'observability',
      'security',
      'reliability',
      'infrastructure',
      'docs',
    ]);
    expect(defaultRubric.levels.map(l => l.id)).toEqual([
      'bronze',
      'silver',
      'gold',
    ]);
  });

  it.each(REPOSITORY_CHECK_IDS)('has %s reading repository.%s', id => {
    const check = defaultRubric.checks.find(c => c.id === id);
    expect(check?.facts).toEqual([`repository.${id}`]);
  });

  it('gives every check a title, a description, effort, weight and a docs link', () => {
    for (const c of defaultRubric.checks) {
      expect(c.title.length).toBeGreaterThan(3);
      expect(c.description.length).toBeGreaterThan(30);
      expect(['S', 'M', 'L']).toContain(c.effort);
      expect(c.weight).toBeGreaterThan(0);
      expect(c.remediation?.docs).toMatch(/^https:\/\//);
    }
  });

  it('has catalog, Kubernetes and Prometheus checks', () => {
    const sources = new Set(
      defaultRubric.checks.flatMap(c => c.facts.map(f => f.split('.')[0])),
    );
    expect([...sources].sort()).toEqual([
      'catalog',
      'kubernetes',
      'prometheus',
      'repository',
      // Systems, Domains and Groups, over their children's stored scores
      'rollup',
    ]);
  });
});

describe('loadRubric', () => {
  it('returns the default rubric without overrides', () => {
    expect(loadRubric()).toEqual(defaultRubric);
  });

  it('adds checks, changes weight/level/pillar, disables checks, adds levels and pillars', () => {
    const rubric = loadRubric({
      overrides: {
        levels: [{ id: 'platinum', title: 'Platinum' }],
        pillars: [
          { id: 'cost', title: 'Cost' },
          { id: 'docs', title: 'Docs & Owners' },
        ],
        facts: [{ id: 'finops.budget', source: 'finops', type: 'number' }],
        checks: [
          { id: 'rel.chaos', enabled: false },
          { id: 'obs.tracing', level: 'silver', weight: 8 },
          {
            id: 'cost.budget',
            pillar: 'cost',
            level: 'platinum',
            title: 'Has a budget',
            condition: { fact: 'finops.budget', gt: 0 },
          },
        ],
      },
    });
    expect(rubric.levels.map(l => l.id)).toEqual([
      'bronze',
      'silver',
      'gold',
      'platinum',
    ]);
    expect(rubric.pillars.find(p => p.id === 'docs')!.title).toBe(
      'Docs & Owners',
    );
    expect(rubric.checks.find(c => c.id === 'rel.chaos')).toBeUndefined();
    expect(rubric.checks.find(c => c.id === 'obs.tracing')).toMatchObject({
      level: 'silver',
      weight: 8,
      pillar: 'observability',
    });
    expect(rubric.checks.find(c => c.id === 'cost.budget')).toMatchObject({
      facts: ['finops.budget'],
      weight: 5,
      effort: 'M',
    });
  });

  it('names the key path and the problem of a bad level', () => {
    const error = errorOf(() =>
      loadRubric({
        overrides: {
          checks: [
            { id: 'a', enabled: false },
            { id: 'b', enabled: false },
            { id: 'c', enabled: false },
            { id: 'obs.tracing', level: 'platinum' },
          ],
        },
      }),
    );
    expect(error.issues).toContainEqual({
      path: 'maturity.rubric.checks[3].level',
      message: 'unknown level "platinum"; levels are bronze, silver, gold',
    });
    expect(error.message).toContain(
      'maturity.rubric.checks[3].level: unknown level "platinum"; levels are bronze, silver, gold',
    );
  });

  it('rejects unknown facts in a condition instead of failing silently', () => {
    const error = errorOf(() =>
      loadRubric({
        overrides: {
          checks: [
            {
              id: 'x.y',
              pillar: 'cicd',
              level: 'bronze',
              title: 'X',
              condition: { all: [{ fact: 'repository.nope', equals: true }] },
            },
          ],
        },
      }),
    );
    expect(error.issues[0]).toMatchObject({
      path: 'maturity.rubric.checks[0].condition',
      message: expect.stringContaining('unknown fact "repository.nope"'),
    });
  });

  it.each([
    [
      { checks: [{ id: 'obs.tracing', weight: 'high' }] },
      'maturity.rubric.checks[0].weight',
    ],
    [
      { checks: [{ id: 'obs.tracing', colour: 'red' }] },
      'maturity.rubric.checks[0]: unknown key "colour"',
    ],
    [
      { checks: [{ id: 'new.one', title: 'New' }] },
      'new check "new.one" needs pillar, level, condition',
    ],
    [
      {
        checks: [
          {
            id: 'obs.tracing',
            condition: { fact: 'repository.obs.tracing', matches: '(' },
          },
        ],
      },
      'is not a valid regular expression',
    ],
    [
      { checks: [{ id: 'nope', enabled: false }] },
      'no check "nope" to disable',
    ],
    [
      { levels: [{ id: 'platinum' }] },
      'maturity.rubric.levels[0].title: a new level "platinum" needs a title',
    ],
    [{ rules: [] }, 'unknown key "rules"'],
  ])('rejects %p', (overrides, message) => {
    expect(errorOf(() => loadRubric({ overrides })).message).toContain(message);
  });

  it('reads overrides from YAML and names the file on a syntax error', () => {
    expect(
      parseRubricOverridesYaml(
        'checks:\n  - id: rel.chaos\n    enabled: false\n',
        'rubric.yaml',
      ),
    ).toEqual({
      checks: [{ id: 'rel.chaos', enabled: false }],
    });
    expect(
      errorOf(() => parseRubricOverridesYaml('checks: [', 'rubric.yaml'))
        .message,
    ).toContain('rubric.yaml: not valid YAML');
    expect(
      errorOf(() =>
        loadRubric({ overrides: { checks: 'x' }, path: 'rubric.yaml' }),
      ).message,
    ).toContain('rubric.yaml.checks');
  });
});

describe('docs/rubric.md', () => {
  it('lists every check of the default rubric', () => {
    // eslint-disable-next-line @backstage/no-undeclared-imports
    const fs = require('node:fs');
    const doc = fs.readFileSync(
      require.resolve('../../../../docs/rubric.md'),
      'utf8',
    );
    for (const c of defaultRubric.checks)
      expect([c.id, doc.includes(`\`${c.id}\``)]).toEqual([c.id, true]);
  });
});
