import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestMaturityDatabase } from '../__testUtils__/scoreRecords';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('multi-row writes on %p', id => {
  it('register a whole catalog page and more in one call', async () => {
    const { db } = await createTestMaturityDatabase(databases, id);
    // More rows than SQLite allows in one compound SELECT, and more
    // parameters than either database allows in one statement.
    const refs = Array.from(
      { length: 40_000 },
      (_, i) => `component:default/svc-${i}`,
    );
    await db.queue.register(refs);
    expect((await db.queue.fingerprints(refs)).size).toBe(refs.length);
  });
});
