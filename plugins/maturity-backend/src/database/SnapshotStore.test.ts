import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createTestMaturityDatabase,
  saveScores,
  scoreRecord as record,
} from '../__testUtils__/scoreRecords';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const day = (d: number) => new Date(Date.UTC(2026, 9, d));

describe.each(databases.eachSupportedId())('SnapshotStore on %p', id => {
  const setup = () => createTestMaturityDatabase(databases, id);

  it('keeps every scoring as history, oldest first', async () => {
    const { db } = await setup();
    await saveScores(
      db,
      record('api', { score: 40, scoredAt: day(1) }),
      record('api', { score: 70, level: 'silver', scoredAt: day(2) }),
    );
    const history = await db.snapshots.history('component:default/api');
    expect(history.map(h => [h.score, h.level, h.scoredAt])).toEqual([
      [40, 'bronze', day(1).toISOString()],
      [70, 'silver', day(2).toISOString()],
    ]);
    expect(
      (await db.snapshots.history('component:default/api', { since: day(2) }))
        .length,
    ).toBe(1);
  });

  it('finds each entity’s score as of a date, or its first one', async () => {
    const { db } = await setup();
    await saveScores(
      db,
      record('riser', { score: 20, scoredAt: day(1) }),
      record('riser', { score: 30, scoredAt: day(5) }),
      record('riser', { score: 80, scoredAt: day(20) }),
      record('newcomer', { score: 10, scoredAt: day(15) }),
      record('newcomer', { score: 40, scoredAt: day(25) }),
    );
    const baselines = await db.snapshots.baselines(
      [
        'component:default/riser',
        'component:default/newcomer',
        'component:default/none',
      ],
      day(10),
    );
    expect(
      Object.fromEntries(
        [...baselines].map(([ref, b]) => [
          ref,
          [b.score, b.scoredAt.toISOString()],
        ]),
      ),
    ).toEqual({
      'component:default/riser': [30, day(5).toISOString()],
      'component:default/newcomer': [10, day(15).toISOString()],
    });
  });

  it('prunes old snapshots but never the current one', async () => {
    const { db } = await setup();
    await saveScores(
      db,
      record('api', { scoredAt: new Date('2026-01-01T00:00:00Z') }),
      record('api', { scoredAt: new Date('2026-02-01T00:00:00Z') }),
      record('old', { scoredAt: new Date('2026-01-01T00:00:00Z') }),
    );
    expect(await db.snapshots.prune(new Date('2026-06-01T00:00:00Z'))).toBe(1);
    expect(
      (await db.snapshots.history('component:default/api')).map(
        h => h.scoredAt,
      ),
    ).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(await db.snapshots.history('component:default/old')).toHaveLength(1);
  });

  it('forgets an entity completely', async () => {
    const { db } = await setup();
    await saveScores(db, record('gone'));
    await db.queue.register(['component:default/gone']);
    await db.deleteEntity('component:default/gone');
    expect(await db.scores.get('component:default/gone')).toBeUndefined();
    expect(await db.snapshots.history('component:default/gone')).toEqual([]);
    expect((await db.scores.list({})).totalCount).toBe(0);
    expect(await db.queue.fingerprints(['component:default/gone'])).toEqual(
      new Map(),
    );
  });
});
