import { checkResult } from '../../__testUtils__/checkResult';
import { roadmapByPillar } from './roadmapByPillar';

describe('roadmapByPillar', () => {
  it('groups the applicable checks by pillar in the rubric’s order and leaves out empty pillars', () => {
    const pillars = [
      { id: 'cicd', title: 'CI/CD', description: 'Build and ship' },
      { id: 'security', title: 'Security', description: 'Stay safe' },
      { id: 'docs', title: 'Docs', description: 'Explain it' },
    ];
    const groups = roadmapByPillar(
      { pillars },
      {
        detail: {
          results: [
            checkResult({ checkId: 'docs.readme', pillar: 'docs' }),
            checkResult({ checkId: 'ci.pipeline', status: 'pass' }),
            checkResult({
              checkId: 'sec.scan',
              pillar: 'security',
              status: 'not-applicable',
            }),
            checkResult({ checkId: 'ci.tests' }),
          ],
        },
      },
    );
    expect(
      groups.map(g => [g.id, g.title, g.hint, g.checks.map(c => c.checkId)]),
    ).toEqual([
      ['cicd', 'CI/CD', 'Build and ship', ['ci.pipeline', 'ci.tests']],
      ['docs', 'Docs', 'Explain it', ['docs.readme']],
    ]);
  });
});
