import fc from 'fast-check';
import { defaultRubric } from '../../rubric/defaultRubric';
import { proposeCampaignFromRoadmap } from './proposeCampaignFromRoadmap';
import { actionableLines } from './testing/actionableLines';

const rubricChecks = new Set(defaultRubric.checks.map(c => c.id));

// Words of roadmap items, markup, mojibake, HTML and negations among them.
const word = fc.constantFrom(
  'Add',
  'CI pipeline',
  'Grafana dashboards',
  'runbook',
  'Kubernetes',
  'Phase 2',
  'Q1 2027',
  '(2-3 weeks)',
  'No',
  'not',
  'chaos engineering',
  'service mesh',
  '**bold**',
  '`code`',
  '[link](https://example.com)',
  '<script>alert(1)</script>',
  '<b>',
  'ðŸš€',
  '‚úÖ',
  '✅',
  '🚀',
  'âââ',
  'café',
  '|',
  ':',
  'Time: 3 days',
);
const text = fc
  .array(word, { minLength: 1, maxLength: 6 })
  .map(words => ['Item', ...words].join(' '));

const heading = fc
  .tuple(fc.integer({ min: 1, max: 4 }), text)
  .map(([depth, t]) => [`${'#'.repeat(depth)} ${t}`]);
const paragraph = fc.array(text, { minLength: 1, maxLength: 3 });
const code = fc
  .array(fc.constantFrom('- not an item', '# comment', '| a |', 'x'), {
    maxLength: 3,
  })
  .map(lines => ['```', ...lines, '```']);
const list = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('- ', '* ', '+ ', '1. ', '- [ ] ', '- [x] ', '> - '),
      text,
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map(items => {
    // Nesting deepens one level at a time, by the width of the marker.
    const lines: string[] = [];
    const widths: number[] = [];
    for (const [depth, marker, t] of items) {
      const quoted = marker.startsWith('>');
      const level = quoted ? 0 : Math.min(depth, widths.length);
      widths.length = level;
      const indent = widths.reduce((sum, w) => sum + w, 0);
      lines.push(`${' '.repeat(indent)}${marker}${t}`);
      if (!quoted) widths.push(marker.startsWith('1.') ? 3 : 2);
      else widths.length = 0;
    }
    return lines;
  });
const table = fc
  .tuple(text, fc.array(fc.tuple(text, text), { maxLength: 4 }))
  .map(([head, rows]) => {
    // A pipe in a cell would be a column more: no table, in GFM, when the
    // header row has other columns than the separator.
    const cell = (t: string) => t.replace(/\|/g, '/');
    return [
      `| ${cell(head)} | Owner |`,
      '|---|:---:|',
      ...rows.map(([a, b]) => `| ${cell(a)} | ${cell(b)} |`),
    ];
  });

const document = fc
  .array(fc.oneof(heading, paragraph, code, list, table), { maxLength: 12 })
  .chain(blocks =>
    fc
      .constantFrom('\n', '\r\n')
      .map(eol => blocks.map(b => b.join(eol)).join(`${eol}${eol}`)),
  );

describe('proposeCampaignFromRoadmap (property-based)', () => {
  it('accounts for every item of any document exactly once, each with checks of the rubric or a reason', () => {
    fc.assert(
      fc.property(document, markdown => {
        const result = proposeCampaignFromRoadmap(markdown, {
          rubric: defaultRubric,
          startsOn: '2027-01-04',
        });
        const mapped = result.proposal.phases.flatMap(p => p.items);
        const lines = [...mapped, ...result.unmapped, ...result.ignored]
          .map(i => i.line)
          .sort((a, b) => a - b);
        expect(lines).toEqual(actionableLines(markdown));
        for (const item of mapped) {
          expect(item.checks.length).toBeGreaterThan(0);
          for (const id of item.checks) expect(rubricChecks).toContain(id);
        }
        for (const item of [...result.unmapped, ...result.ignored]) {
          expect(item.reason).toMatch(/\S/);
        }
        let previous = '2027-01-04';
        for (const phase of result.proposal.phases) {
          expect(phase.dueDate >= previous).toBe(true);
          previous = phase.dueDate;
        }
      }),
      { numRuns: 300 },
    );
  });
});
