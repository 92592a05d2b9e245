import { renderRoadmapMarkdown } from './renderRoadmapMarkdown';
import type { RoadmapReportInput } from './RoadmapReportInput';

const input: RoadmapReportInput = {
  title: 'payments <script>alert(1)</script> | api',
  level: 'bronze',
  nextLevel: 'silver',
  score: 61.7,
  pillars: { cicd: 80, observability: 35 },
  rubric: {
    pillars: [
      { id: 'cicd', title: 'CI/CD' },
      { id: 'observability', title: 'Observability' },
    ],
    levels: [
      { id: 'bronze', title: 'Bronze' },
      { id: 'silver', title: 'Silver' },
      { id: 'gold', title: 'Gold' },
    ],
  },
  results: [
    {
      checkId: 'ci.pipeline',
      title: 'CI pipeline',
      pillar: 'cicd',
      level: 'bronze',
      status: 'pass',
      message: 'found',
      evidence: [{ path: '.github/workflows/ci.yml', line: 3 }],
    },
    {
      checkId: 'obs.alerts',
      title: 'Alerting rules',
      pillar: 'observability',
      level: 'silver',
      status: 'fail',
      message: 'none',
      evidence: [],
      description: 'Know before users do.',
      docs: 'https://example.com/alerts',
    },
    {
      checkId: 'obs.dashboards',
      title: 'Dashboards',
      pillar: 'observability',
      level: 'silver',
      status: 'unknown',
      message: 'no source',
      evidence: [],
    },
    {
      checkId: 'cd.gitops',
      title: 'GitOps',
      pillar: 'cicd',
      level: 'gold',
      status: 'fail',
      message: 'none',
      evidence: [],
    },
    {
      checkId: 'rel.chaos',
      title: 'Chaos',
      pillar: 'cicd',
      level: 'gold',
      status: 'exempt',
      message: 'Batch job; until 2027-06-30',
      evidence: [],
    },
  ],
  nextSteps: [
    {
      checkId: 'obs.alerts',
      title: 'Alerting rules',
      pillar: 'observability',
      level: 'silver',
      quickWin: true,
      effort: 'S',
      docs: 'https://example.com/alerts',
    },
    {
      checkId: 'obs.dashboards',
      title: 'Dashboards',
      pillar: 'observability',
      level: 'silver',
      quickWin: false,
      effort: 'M',
    },
    {
      checkId: 'cd.gitops',
      title: 'GitOps',
      pillar: 'cicd',
      level: 'gold',
      quickWin: false,
      effort: 'L',
    },
  ],
};

describe('renderRoadmapMarkdown', () => {
  const md = renderRoadmapMarkdown(input);

  it('states the level, next level and score, and escapes the title', () => {
    expect(md).toContain(
      '# Roadmap: payments &lt;script&gt;alert(1)&lt;/script&gt; \\| api',
    );
    expect(md).toContain(
      '**Level:** Bronze → next: **Silver** · **Score:** 62/100',
    );
    expect(md).not.toContain('<script>');
  });

  it('lists next steps of the next level first, with quick wins, then later levels', () => {
    const next = md.indexOf('## 🔄 Next: Silver');
    const later = md.indexOf('## Later');
    expect(next).toBeGreaterThan(0);
    expect(
      md.indexOf('**Alerting rules** `obs.alerts` ⚡ quick win · effort S'),
    ).toBeGreaterThan(next);
    expect(md).toContain(
      'Know before users do. [How to](https://example.com/alerts)',
    );
    expect(md).toContain(
      '**Dashboards** `obs.dashboards` · effort M _(not observed: source unavailable)_',
    );
    expect(md.indexOf('### Gold')).toBeGreaterThan(later);
    expect(md.indexOf('**GitOps**')).toBeGreaterThan(later);
  });

  it('lists what is done with its evidence, and exemptions with their reason', () => {
    expect(md).toContain(
      '- [x] CI pipeline `ci.pipeline` (Bronze) (`.github/workflows/ci.yml:3`)',
    );
    expect(md).toContain('- Chaos `rel.chaos`: Batch job; until 2027-06-30');
    expect(md).toContain('| CI/CD | 80 | ▰▰▰▰▰▰▰▰▱▱ |');
  });
});
