import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestMaturityDatabase } from '../__testUtils__/scoreRecords';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const at = (minutes: number) =>
  new Date(Date.UTC(2026, 10, 10) + minutes * 60_000);
const ref = (name: string) => `component:default/${name}`;
/** What a completed scoring at `minutes` records beside its schedule. */
const scoredAt = (minutes: number) => ({
  confirmedAt: at(minutes),
  facts: '[]',
});

describe.each(databases.eachSupportedId())('RefreshQueue on %p', id => {
  const setup = async () =>
    (await createTestMaturityDatabase(databases, id)).db;

  it('leases due entities to one owner at a time, never-scored first', async () => {
    const { queue } = await setup();
    await queue.register([ref('a')]);
    const [a] = await queue.claimDue({
      leaseOwner: 'x',
      limit: 1,
      now: at(0),
      leaseUntil: at(0),
    });
    expect(a.entityRef).toBe(ref('a'));
    await queue.complete([
      {
        entityRef: ref('a'),
        nextDueAt: new Date(Date.UTC(2026, 10, 9)),
        fingerprint: 'f1',
        ...scoredAt(0),
      },
    ]);
    await queue.register([ref('b'), ref('a')]);

    const first = await queue.claimDue({
      leaseOwner: 'r1',
      limit: 10,
      now: at(0),
      leaseUntil: at(10),
    });
    expect(first.map(l => [l.entityRef, l.fingerprint])).toEqual([
      [ref('b'), undefined],
      [ref('a'), 'f1'],
    ]);
    expect(
      await queue.claimDue({
        leaseOwner: 'r2',
        limit: 10,
        now: at(0),
        leaseUntil: at(10),
      }),
    ).toEqual([]);
    expect(
      await queue.claimOne({
        entityRef: ref('b'),
        leaseOwner: 'r2',
        now: at(0),
        leaseUntil: at(10),
      }),
    ).toBeUndefined();

    // An expired lease can be taken over.
    const third = await queue.claimDue({
      leaseOwner: 'r2',
      limit: 1,
      now: at(20),
      leaseUntil: at(30),
    });
    expect(third).toHaveLength(1);
    // ... and claims only among the given refs.
    expect(
      await queue.claimDue({
        leaseOwner: 'r3',
        limit: 10,
        now: at(40),
        leaseUntil: at(50),
        among: [ref('nope')],
      }),
    ).toEqual([]);
  });

  it('retries a failed entity with back-off, and a success clears it', async () => {
    const { queue } = await setup();
    await queue.register([ref('a')]);
    const retry = { firstDelayMs: 60_000, maxDelayMs: 5 * 60_000 };
    const claimAt = (minutes: number) =>
      queue.claimDue({
        leaseOwner: 'r',
        limit: 1,
        now: at(minutes),
        leaseUntil: at(minutes + 1),
      });
    // 1, 2, 4 minutes, then the longest delay.
    let now = 0;
    for (const minutes of [1, 2, 4, 5, 5]) {
      expect(await claimAt(now)).toHaveLength(1);
      await queue.fail({
        entityRefs: [ref('a')],
        leaseOwner: 'r',
        now: at(now),
        error: 'connection terminated',
        retry,
      });
      expect(await claimAt(now + minutes - 0.1)).toEqual([]);
      now += minutes;
    }
    // A success starts the back-off over.
    expect(await claimAt(now)).toHaveLength(1);
    await queue.complete([
      {
        entityRef: ref('a'),
        nextDueAt: at(now),
        fingerprint: 'f',
        ...scoredAt(now),
      },
    ]);
    expect(await claimAt(now)).toHaveLength(1);
    await queue.fail({
      entityRefs: [ref('a')],
      leaseOwner: 'r',
      now: at(now),
      error: 'x',
      retry,
    });
    expect(await claimAt(now + 1)).toHaveLength(1);
  });

  it('ends every lease of an owner, leaving the entities as due as they were', async () => {
    const { queue } = await setup();
    await queue.register([ref('a'), ref('b')]);
    await queue.claimDue({
      leaseOwner: 'run-1',
      limit: 10,
      now: at(0),
      leaseUntil: at(60),
    });
    expect(await queue.releaseAll('run-1')).toBe(2);
    expect(
      await queue.claimDue({
        leaseOwner: 'run-2',
        limit: 10,
        now: at(1),
        leaseUntil: at(60),
      }),
    ).toHaveLength(2);
  });

  it('keeps a mark made while an entity was being scored, and only that one', async () => {
    const { queue } = await setup();
    await queue.register([ref('a'), ref('b')]);
    const claim = (minutes: number) =>
      queue.claimDue({
        leaseOwner: 'r',
        limit: 10,
        now: at(minutes),
        leaseUntil: at(minutes + 5),
      });
    expect(await claim(0)).toHaveLength(2);
    // Both were scored from inputs read at minute 1; a's child changed
    // level at minute 2, while a was still leased.
    await queue.markDue([ref('a')], at(2));
    await queue.complete(
      [ref('a'), ref('b')].map(entityRef => ({
        entityRef,
        nextDueAt: at(60),
        fingerprint: 'f',
        ...scoredAt(1),
      })),
    );
    expect((await claim(3)).map(l => l.entityRef)).toEqual([ref('a')]);
    // Scored again from inputs read after the mark: due at the next time.
    await queue.complete([
      {
        entityRef: ref('a'),
        nextDueAt: at(60),
        fingerprint: 'f',
        ...scoredAt(4),
      },
    ]);
    expect(await claim(30)).toEqual([]);
    expect(await claim(60)).toHaveLength(2);
  });

  it('reports fingerprints and makes changed entities due', async () => {
    const { queue } = await setup();
    await queue.register([ref('a'), ref('b')]);
    await queue.claimDue({
      leaseOwner: 'r',
      limit: 1,
      now: at(0),
      leaseUntil: at(0),
    });
    await queue.complete([
      {
        entityRef: ref('a'),
        nextDueAt: new Date('2026-12-01T00:00:00Z'),
        fingerprint: 'fp',
        ...scoredAt(0),
      },
    ]);
    expect(await queue.fingerprints([ref('a'), ref('b')])).toEqual(
      new Map([
        [ref('a'), 'fp'],
        [ref('b'), undefined],
      ]),
    );
    await queue.markDue([ref('a')], at(0));
    const due = await queue.claimDue({
      leaseOwner: 'r',
      limit: 5,
      now: at(0),
      leaseUntil: at(0),
    });
    expect(due.map(d => d.entityRef).sort()).toEqual([ref('a'), ref('b')]);
  });
});
