import { renderGroupRoadmapMarkdown } from './renderGroupRoadmapMarkdown';

const rubric = {
  pillars: [
    { id: 'cicd', title: 'CI/CD' },
    { id: 'security', title: 'Security' },
    { id: 'docs', title: 'Docs' },
  ],
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
  ],
};

describe('renderGroupRoadmapMarkdown', () => {
  it('summarises levels, weakest pillars, progress and next steps per service', () => {
    const md = renderGroupRoadmapMarkdown({
      title: 'Payments',
      rubric,
      since: '2026-08-26T00:00:00.000Z',
      services: [
        {
          entityRef: 'component:default/a',
          title: 'payments-api',
          score: 70,
          level: 'silver',
          nextLevel: null,
          pillars: { cicd: 90, security: 50, docs: 70 },
          nextSteps: [],
          delta: 12,
        },
        {
          entityRef: 'component:default/b',
          title: 'ledger',
          score: 30,
          level: null,
          nextLevel: 'bronze',
          pillars: { cicd: 40, security: 10, docs: 80 },
          nextSteps: [
            { checkId: 'ci.tests', title: 'Tests in CI', quickWin: true },
          ],
        },
      ],
    });
    expect(md).toContain('**2 services** · Silver: 1 · no level yet: 1');
    expect(md).toContain(
      'Weakest pillars across the team: **Security** (30), **CI/CD** (65).',
    );
    expect(md).toContain(
      '| Service | Level | Score | Since 2026-08-26 | CI/CD | Security | Docs |',
    );
    expect(md).toContain('| payments-api | Silver | 70 | +12 | 90 | 50 | 70 |');
    expect(md).toContain('| ledger | no level yet | 30 | – | 40 | 10 | 80 |');
    expect(md).toContain('### ledger → Bronze');
    expect(md).toContain('- [ ] Tests in CI `ci.tests` ⚡ quick win');
    expect(md).toContain('### payments-api → top level reached');
  });

  it('says so when the team owns nothing scored', () => {
    expect(
      renderGroupRoadmapMarkdown({ title: 'Empty', rubric, services: [] }),
    ).toContain('This team owns no scored service yet.');
  });
});
