import fs from 'fs';
import path from 'path';
import { defaultRubric } from '../../rubric/defaultRubric';
import type { RoadmapImportResponse } from '../CampaignApiTypes';
import { proposeCampaignFromRoadmap } from './proposeCampaignFromRoadmap';
import { actionableLines } from './testing/actionableLines';

const startsOn = '2027-01-04';
const propose = (markdown: string) =>
  proposeCampaignFromRoadmap(markdown, { rubric: defaultRubric, startsOn });
const rubricChecks = new Set(defaultRubric.checks.map(c => c.id));

/** Every line the import reports on: mapped, unmapped and ignored. */
const accountedLines = (result: RoadmapImportResponse) =>
  [
    ...result.proposal.phases.flatMap(p => p.items),
    ...result.unmapped,
    ...result.ignored,
  ]
    .map(i => i.line)
    .sort((a, b) => a - b);

/** The import accounts for each actionable line exactly once. */
function expectEveryItemAccounted(markdown: string) {
  const result = propose(markdown);
  expect(accountedLines(result)).toEqual(actionableLines(markdown));
  return result;
}

const allTexts = (result: RoadmapImportResponse) => [
  result.proposal.title,
  ...result.proposal.phases.map(p => p.title),
  ...result.proposal.phases.flatMap(p => p.items.map(i => i.text)),
  ...result.unmapped.map(i => i.text),
  ...result.ignored.map(i => i.text),
];

/** The seeds directory, `shared/seeds` beside the repository. */
function seedsDirectory(): string {
  const tried: string[] = [];
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'seeds');
    tried.push(candidate);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(
    `The roadmap seed documents are missing: no shared/seeds directory in ${tried.join(
      ', ',
    )}`,
  );
}

describe('proposeCampaignFromRoadmap on the seed documents', () => {
  const dir = seedsDirectory();
  const seeds = fs.readdirSync(dir).filter(f => /^\d{3}_.*\.txt$/.test(f));

  it('has the five seed documents', () => {
    expect(seeds).toHaveLength(5);
  });

  describe.each(seeds)('%s', seed => {
    const markdown = fs.readFileSync(path.join(dir, seed), 'utf8');
    const result = propose(markdown);
    const mapped = result.proposal.phases.flatMap(p => p.items);

    it('accounts for every actionable item exactly once: mapped, unmapped or ignored with a reason', () => {
      const counted = actionableLines(markdown);
      expect(counted.length).toBeGreaterThan(20);
      expect(accountedLines(result)).toEqual(counted);
      expect(
        mapped.length + result.unmapped.length + result.ignored.length,
      ).toBe(counted.length);
    });

    it('proposes at least two phases, each with a target of rubric checks and a due date in order', () => {
      const { phases } = result.proposal;
      expect(phases.length).toBeGreaterThanOrEqual(2);
      let previous = startsOn;
      for (const phase of phases) {
        expect(phase.title).not.toBe('');
        expect('checks' in phase.target && phase.target.checks).not.toEqual([]);
        expect(phase.items.length).toBeGreaterThan(0);
        expect(phase.dueDate >= previous).toBe(true);
        previous = phase.dueDate;
      }
    });

    it('maps only to checks of the default rubric', () => {
      for (const phase of result.proposal.phases) {
        const target = 'checks' in phase.target ? phase.target.checks : [];
        for (const id of target) expect(rubricChecks).toContain(id);
        expect(new Set(target)).toEqual(
          new Set(phase.items.flatMap(i => i.checks)),
        );
      }
      for (const item of mapped) {
        expect(item.checks.length).toBeGreaterThan(0);
        for (const id of item.checks) expect(rubricChecks).toContain(id);
      }
    });

    it('gives every unmapped and ignored item a reason', () => {
      for (const item of [...result.unmapped, ...result.ignored]) {
        expect(item.reason).toEqual(expect.stringMatching(/\S/));
        expect(item.checks).toEqual([]);
      }
    });

    it('carries no mojibake in its title or any text', () => {
      expect(result.proposal.title).toMatch(/^[A-Za-z]/);
      for (const text of allTexts(result)) {
        expect(text).not.toMatch(/ðŸ|ğŸ|\uf8ff|âœ|â€|â†|‚Ä|‚ú|‚≠|‚ö|Ô∏|ï¸/);
      }
    });
  });

  it('reads the titles, mis-decoded emoji removed', () => {
    const titles = seeds.map(
      seed =>
        propose(fs.readFileSync(path.join(dir, seed), 'utf8')).proposal.title,
    );
    expect(titles).toEqual([
      'Next Steps & Roadmap',
      'Next Development Phases for Cloud-Native Platform',
      'Project Roadmap',
      'Next Steps Roadmap',
      // "## üöÄ Roadmap to DevOps Perfection": 🚀 read as Mac Roman.
      'Roadmap to DevOps Perfection',
    ]);
  });
});

describe('proposeCampaignFromRoadmap on small documents', () => {
  it('does not map a negated item to the check it names, and lists it with the reason', () => {
    const markdown = [
      '# Reliability',
      '## Phase 1',
      '- Add PodDisruptionBudgets',
      '- No chaos engineering yet',
      '- We will not adopt service mesh',
      "- We don't need Chaos Mesh this year",
      '- Alert rules that do not page at night',
      '## Phase 2',
      '- Load tests with k6',
      '- Not now: Argo Rollouts canary releases',
      '- Dashboards are out of scope',
    ].join('\n');
    const result = expectEveryItemAccounted(markdown);
    const targets = result.proposal.phases.flatMap(p =>
      'checks' in p.target ? p.target.checks : [],
    );
    expect(targets).toEqual(['obs.alerts', 'rel.pdb', 'rel.load-test']);
    const negated = result.ignored.filter(i => /negated/.test(i.reason!));
    expect(negated.map(i => i.line)).toEqual([4, 5, 6, 10, 11]);
    expect(negated[0].reason).toBe('negated ("No"): the document rules it out');
    expect(result.unmapped).toEqual([]);
  });

  it('reads a table: each body row an item, header and separator not', () => {
    const markdown = [
      '# Plan',
      '## Phase 1: Foundations',
      '| Item | Owner |',
      '|---|---|',
      '| CI pipeline with GitHub Actions | team-a |',
      '| Dependabot for dependency updates | team-b |',
      '| Dark mode | team-c |',
      '## Phase 2',
      '| Item | Owner |',
      '| :--- | ---: |',
      '| **Grafana** dashboards | |',
    ].join('\n');
    const result = expectEveryItemAccounted(markdown);
    expect(result.proposal.phases.map(p => p.items)).toEqual([
      [
        {
          line: 5,
          text: 'CI pipeline with GitHub Actions — team-a',
          checks: ['ci.pipeline'],
        },
        {
          line: 6,
          text: 'Dependabot for dependency updates — team-b',
          checks: ['sec.dependency-updates'],
        },
      ],
      [{ line: 11, text: 'Grafana dashboards', checks: ['obs.dashboards'] }],
    ]);
    expect(result.unmapped).toEqual([
      {
        line: 7,
        text: 'Dark mode — team-c',
        checks: [],
        reason: 'no check of the rubric observes this',
      },
    ]);
  });

  it('reads a checklist: open items are actions, checked ones already done', () => {
    const markdown = [
      '# Checklist',
      '## Phase 1',
      '- [ ] Add a Dockerfile',
      '- [x] Add a README',
      '- [ ] Add CODEOWNERS',
      '## Phase 2',
      '* [ ] Write a runbook',
      '+ [X] Add health checks',
      '1. [ ] Add a Helm chart',
      '   - [ ] Add resource requests and limits',
    ].join('\n');
    const result = expectEveryItemAccounted(markdown);
    expect(
      result.proposal.phases.map(p =>
        'checks' in p.target ? p.target.checks : [],
      ),
    ).toEqual([
      ['infra.container', 'docs.codeowners'],
      ['rel.resources', 'infra.k8s', 'docs.runbook'],
    ]);
    expect(
      result.ignored.filter(i => i.reason === 'already done').map(i => i.text),
    ).toEqual(['Add a README', 'Add health checks']);
  });

  it('makes a document without headings one phase, due four weeks after the start', () => {
    const result = expectEveryItemAccounted(
      '- Add a CI pipeline\n- Add Grafana dashboards\n- Dark mode\n',
    );
    expect(result.proposal.title).toBe('Imported roadmap');
    expect(result.proposal.phases).toEqual([
      {
        title: 'Imported roadmap',
        dueDate: '2027-02-01',
        target: { checks: ['ci.pipeline', 'obs.dashboards'] },
        items: [
          { line: 1, text: 'Add a CI pipeline', checks: ['ci.pipeline'] },
          {
            line: 2,
            text: 'Add Grafana dashboards',
            checks: ['obs.dashboards'],
          },
        ],
      },
    ]);
    expect(result.unmapped.map(i => i.text)).toEqual(['Dark mode']);
  });

  it('returns an empty proposal that says so for an empty document', () => {
    for (const markdown of ['', '   \n\n\t\n', '```\n- in a code block\n```']) {
      const result = propose(markdown);
      expect(result.proposal.phases).toEqual([]);
      expect(result.unmapped).toEqual([]);
      expect(result.ignored).toEqual([]);
      expect(result.proposal.description).toMatch(/nothing to import/);
    }
  });

  it('fails with a clear message, not a TypeError, on input that is not a document', () => {
    expect(() => propose(undefined as unknown as string)).toThrow(
      new Error('A roadmap import needs the document as Markdown text'),
    );
    expect(() =>
      proposeCampaignFromRoadmap('- CI', {
        rubric: defaultRubric,
        startsOn: 'soon',
      }),
    ).toThrow(
      new Error(
        'A roadmap import needs startsOn as a day, YYYY-MM-DD (got "soon")',
      ),
    );
  });

  it('carries HTML and script in item text as plain text, never interpreting it', () => {
    const markdown = [
      '# Plan',
      '## Phase 1',
      '- Add <script>alert(1)</script> a CI pipeline',
      '- <img src=x onerror="alert(1)"> Grafana dashboards',
      '<script>',
      '- Write a runbook',
      '</script>',
      '<div>',
      '',
      '- Add CODEOWNERS',
      '</div>',
    ].join('\n');
    const result = expectEveryItemAccounted(markdown);
    expect(result.proposal.phases[0].items).toEqual([
      {
        line: 3,
        text: 'Add <script>alert(1)</script> a CI pipeline',
        checks: ['ci.pipeline'],
      },
      {
        line: 4,
        text: '<img src=x onerror="alert(1)"> Grafana dashboards',
        checks: ['obs.dashboards'],
      },
      { line: 6, text: 'Write a runbook', checks: ['docs.runbook'] },
      { line: 10, text: 'Add CODEOWNERS', checks: ['docs.codeowners'] },
    ]);
  });

  it('reads CRLF line endings, quotes and nested lists with the right lines', () => {
    const markdown = [
      '# Plan',
      '## Phase 1',
      '- Build',
      '  - Build Docker images',
      '    - Build Docker images',
      '- Build',
      '> - Add a README',
      '> > - Add CODEOWNERS',
      '## Phase 2',
      '1. Grafana dashboards',
      '   | Item |',
      '   |------|',
      '   | Alert rules |',
    ].join('\r\n');
    const result = expectEveryItemAccounted(markdown);
    expect(
      result.proposal.phases.flatMap(p => p.items.map(i => [i.line, i.checks])),
    ).toEqual([
      [4, ['ci.container-build']],
      [5, ['ci.container-build']],
      [7, ['docs.readme']],
      [8, ['docs.codeowners']],
      [10, ['obs.dashboards']],
      [13, ['obs.alerts']],
    ]);
  });

  it('drops the document’s own numbering from phase titles (the portal numbers them)', () => {
    const titles = (markdown: string) =>
      propose(markdown).proposal.phases.map(p => p.title);
    expect(
      titles(
        '# Plan\n## 1. CI/CD Pipelines\n- CI pipeline\n## 2. Monitoring\n- Grafana dashboards\n## 3. 2027 goals\n- Trivy image scanning',
      ),
    ).toEqual(['CI/CD Pipelines', 'Monitoring', '2027 goals']);
  });

  it('reads due dates from the headings: quarters, dates, timeline weeks, durations', () => {
    const dueDates = (markdown: string) =>
      propose(markdown).proposal.phases.map(p => [p.title, p.dueDate]);
    expect(
      dueDates(
        '## Q1 2027: CI\n- CI pipeline\n## Q2 2027: Metrics\n- Grafana dashboards',
      ),
    ).toEqual([
      ['Q1 2027: CI', '2027-03-31'],
      ['Q2 2027: Metrics', '2027-06-30'],
    ]);
    expect(
      dueDates(
        '# Plan\n## Weeks 1-4\n- CI pipeline\n## Weeks 5-8\n- Grafana dashboards',
      ),
    ).toEqual([
      ['Weeks 1-4', '2027-02-01'],
      ['Weeks 5-8', '2027-03-01'],
    ]);
    expect(
      dueDates(
        [
          '# Plan',
          '## Foundations (by 2027-03-31)',
          '- CI pipeline',
          '## Observability, March 2027',
          '- Grafana dashboards',
          '## Security by 2026-12-01',
          '- Trivy image scanning',
          '## Hardening (2-3 weeks)',
          '- Network policies',
          '## Scale',
          '**Time Estimate**: 3-5 days',
          '- Load tests with k6',
          '- **Effort:** 2 days',
        ].join('\n'),
      ),
    ).toEqual([
      ['Foundations (by 2027-03-31)', '2027-03-31'],
      // The end of March is not after the phase before: no reason to wait.
      ['Observability, March 2027', '2027-03-31'],
      // A date before the phase before is ignored: four weeks after it.
      ['Security by 2026-12-01', '2027-04-28'],
      ['Hardening (2-3 weeks)', '2027-05-19'],
      // The estimates inside the phase, summed: 5 + 2 days.
      ['Scale', '2027-05-26'],
    ]);
  });

  it('takes the title from the first heading, repaired and without leading symbols', () => {
    const title = (markdown: string) => propose(markdown).proposal.title;
    expect(title('# ðŸš€ Launch plan\n## Phase 1\n- CI pipeline')).toBe(
      'Launch plan',
    );
    expect(title('# ğŸš€ Launch plan')).toBe('Launch plan');
    expect(title('## \uf8ffüöÄ Launch plan\n### Phase 1\n- CI')).toBe(
      'Launch plan',
    );
    expect(title('# ‚≠ê‚≠ê — Plan for Größe café')).toBe('Plan for Größe café');
    expect(title('# • 2027 plan')).toBe('2027 plan');
    expect(title('# 🚀')).toBe('Imported roadmap');
    // Two headings of the top level: neither is the title.
    expect(
      title('## Phase 1\n- CI pipeline\n## Phase 2\n- Grafana dashboards'),
    ).toBe('Imported roadmap');
  });

  it('lists an item that is only symbols instead of dropping it', () => {
    const result = expectEveryItemAccounted(
      '# Plan\n## Phase 1\n- 🚀 ✅\n- CI pipeline\n- âââ',
    );
    expect(result.ignored.filter(i => i.text === '')).toEqual([
      {
        line: 3,
        text: '',
        checks: [],
        reason: 'no words: only symbols or markup',
      },
      {
        line: 5,
        text: '',
        checks: [],
        reason: 'no words: only symbols or markup',
      },
    ]);
  });

  it('reads a hostile 10,000-line document quickly, every item accounted for', () => {
    // Digits without a unit: a duration pattern that backtracks is cubic.
    const lines = ['# Hostile plan', `## Phase 1: ${'1'.repeat(20_000)} items`];
    lines.push(`- ${'a'.repeat(50_000)}`, `### ${'-'.repeat(20_000)}`);
    lines.push(`- ${'[a]('.repeat(2_000)}`, `- ${'!['.repeat(5_000)}`);
    lines.push(`${'*a'.repeat(5_000)}`, `${'_a'.repeat(5_000)}`, '');
    lines.push(`| ${'| '.repeat(5_000)}`, '');
    lines.push(
      '| a | b |',
      '|---|---|',
      ...Array(200).fill(`|${'|'.repeat(200)}`),
      '',
    );
    for (let i = 0; i < 200; i++)
      lines.push(`${'  '.repeat(i)}- nested CI pipeline ${i}`);
    lines.push('', `${'> '.repeat(3_000)}- quoted`, `${'1. '.repeat(3_000)}x`);
    lines.push(`${'- > '.repeat(3_000)}y`, '');
    lines.push('## Phase 2');
    while (lines.length < 10_000) {
      lines.push(
        lines.length % 50 === 0
          ? `### Step ${lines.length}`
          : `- <b>CI</b> ${lines.length} Ã©tÃ©`,
      );
    }
    const markdown = lines.join('\n');
    expect(markdown.length).toBeLessThan(500_000);
    const started = Date.now();
    const result = propose(markdown);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(accountedLines(result)).toEqual(actionableLines(markdown));
    expect(result.proposal.phases.length).toBe(2);
    expect(result.proposal.phases[1].items[0]).toEqual({
      line: expect.any(Number),
      text: expect.stringMatching(/^<b>CI<\/b> \d+ été$/),
      checks: ['ci.pipeline'],
    });
  });

  it('reads a document longer than 500,000 characters up to a line, and lists the rest as not read', () => {
    const lines = ['# Long plan', '## Phase 1'];
    while (lines.length < 40_000)
      lines.push(`- Add a CI pipeline to service ${lines.length}`);
    const markdown = lines.join('\n');
    expect(markdown.length).toBeGreaterThan(500_000);
    const result = propose(markdown);
    const rest = result.ignored.find(i => /not read/.test(i.reason!))!;
    expect(rest.reason).toBe(
      'the document is longer than 500,000 characters: from this line on it is not read',
    );
    expect(rest.text).toBe(`- Add a CI pipeline to service ${rest.line - 1}`);
    const read = accountedLines(result).filter(line => line !== rest.line);
    expect(read).toEqual(
      Array.from({ length: rest.line - 1 }, (_, i) => i + 1),
    );
  });
});
