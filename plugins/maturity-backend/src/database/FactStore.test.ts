import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestMaturityDatabase } from '../__testUtils__/scoreRecords';
import {
  mergeStoredFacts,
  type StoredFacts,
  storedFactsColumn,
} from './FactStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('FactStore on %p', id => {
  it('keeps the last good facts per entity and source', async () => {
    const { db } = await createTestMaturityDatabase(databases, id);
    const fact = {
      id: 'repository.ci.pipeline',
      value: true,
      source: 'repository',
      observedAt: '2026-11-01T00:00:00.000Z',
      evidence: [{ path: '.github/workflows/ci.yml', line: 1 }],
    };
    const observed = (day: number) => new Date(Date.UTC(2026, 10, day));
    const save = (list: StoredFacts[]) =>
      db.queue.complete([
        {
          entityRef: 'component:default/api',
          nextDueAt: observed(9),
          fingerprint: 'f',
          confirmedAt: observed(2),
          facts: storedFactsColumn(list),
        },
      ]);
    const repository = (value: boolean, etag: string, day: number) => ({
      source: 'repository',
      facts: [{ ...fact, value }],
      etag,
      observedAt: observed(day),
    });
    const kubernetes = {
      source: 'kubernetes',
      facts: [],
      observedAt: observed(1),
    };
    await save([repository(true, 'e1', 1), kubernetes]);
    // The repository answered again, Kubernetes did not: its facts stay.
    await save(
      mergeStoredFacts(
        [repository(true, 'e1', 1), kubernetes],
        [repository(false, 'e2', 2)],
      ),
    );

    const stored = await db.facts.get([
      'component:default/api',
      'component:default/none',
    ]);
    expect(stored.get('component:default/none')).toEqual([]);
    const [kept, facts] = stored.get('component:default/api')!;
    expect(kept).toEqual(kubernetes);
    expect(facts).toMatchObject({
      source: 'repository',
      etag: 'e2',
      facts: [{ value: false }],
    });
    expect(facts.observedAt.toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });
});
