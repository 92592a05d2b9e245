import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createTestMaturityDatabase,
  saveScores,
  scoreRecord as record,
} from '../__testUtils__/scoreRecords';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('ScoreScans on %p', id => {
  it('hands the gauges every score with its pillars, page by page, without the results', async () => {
    const { db } = await createTestMaturityDatabase(databases, id);
    await saveScores(
      db,
      ...Array.from({ length: 25 }, (_, i) =>
        record(`svc-${String(i).padStart(2, '0')}`, {
          score: i,
          levelRank: i % 3,
          pillars: { cicd: i, security: 100 - i },
        }),
      ),
    );
    const pages = [];
    for await (const page of db.scans.samples(10)) pages.push(page);
    expect(pages.map(p => p.length)).toEqual([10, 10, 5]);
    const all = pages.flat();
    expect(new Set(all.map(s => s.entityRef)).size).toBe(25);
    expect(all.find(s => s.entityRef === 'component:default/svc-07')).toEqual({
      entityRef: 'component:default/svc-07',
      owner: 'group:default/platform',
      score: 7,
      levelRank: 1,
      pillars: { cicd: 7, security: 93 },
    });
  });
});
