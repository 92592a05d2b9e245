import { scoresToCsv } from './scoresToCsv';

describe('scoresToCsv', () => {
  it('writes one row per entity with a column per pillar, quoted and defused', () => {
    const csv = scoresToCsv(
      [
        {
          entityRef: 'component:default/api',
          kind: 'Component',
          namespace: 'default',
          name: 'api',
          title: '=HYPERLINK("http://evil")',
          owner: 'group:default/platform',
          score: 62.5,
          level: null,
          levelRank: -1,
          nextLevel: 'bronze',
          pillars: { cicd: 80 },
          rubricHash: 'h',
          snapshotId: '1',
          scoredAt: '2026-11-24T10:00:00.000Z',
        },
      ],
      [
        { id: 'cicd', title: 'CI/CD' },
        { id: 'docs', title: 'Documentation, Ownership' },
      ],
    );
    expect(csv.split('\r\n')).toEqual([
      'entity,title,owner,system,type,lifecycle,level,score,CI/CD,"Documentation, Ownership",scored at',
      `component:default/api,"'=HYPERLINK(""http://evil"")",group:default/platform,,,,none,62.5,80,,2026-11-24T10:00:00.000Z`,
      '',
    ]);
  });
});
