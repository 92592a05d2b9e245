import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { MaturityDatabase } from './MaturityDatabase';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

describe.each(databases.eachSupportedId())('MaturityDatabase on %p', id => {
  it('stops a request’s statement at the read timeout with a 503 that says so', async () => {
    const knex = await databases.init(id);
    const db = await MaturityDatabase.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
      readTimeoutMs: 200,
    });
    const slow = db.read(async stores => {
      // What an unbounded query does: hold the connection.
      await (stores.scores as any).db.raw('select pg_sleep(5)');
    });
    const error = await slow.then(
      () => undefined,
      e => e,
    );
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toMatch(/took too long/);
    // Reads are read-only: a request can never write.
    const write = await db
      .read(async stores => stores.queue.register(['component:default/x']))
      .then(
        () => 'written',
        e => String(e.message),
      );
    expect(write).toMatch(/read-only transaction/);
    // And the connection is fine afterwards.
    await expect(db.read(s => s.scores.list({}))).resolves.toEqual({
      items: [],
      totalCount: 0,
    });
  });
});
