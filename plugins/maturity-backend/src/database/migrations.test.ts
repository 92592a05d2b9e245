import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseMaturityStore } from './DatabaseMaturityStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const directory = DatabaseMaturityStore.migrationsDirectory();

describe.each(databases.eachSupportedId())('migrations on %p', id => {
  it('20261124160000_sort_indexes goes up and down over real rows', async () => {
    const knex = await databases.init(id);
    await knex.migrate.up({ directory, name: '20261124140000_init.js' });
    await knex('maturity_scores').insert({
      entity_ref: 'component:default/api',
      kind: 'Component',
      namespace: 'default',
      name: 'api',
      score: 10,
      level: null,
      level_rank: -1,
      detail: '{}',
      rubric_hash: 'h',
      snapshot_id: 1,
      scored_at: new Date('2026-11-24T00:00:00Z'),
    });
    await knex.migrate.up({
      directory,
      name: '20261124160000_sort_indexes.js',
    });
    await expect(
      knex('maturity_scores')
        .orderBy([{ column: 'score' }, { column: 'entity_ref' }])
        .first(),
    ).resolves.toMatchObject({ name: 'api' });
    await knex.migrate.down({ directory });
    await expect(knex('maturity_scores').count({ n: '*' })).resolves.toEqual([
      { n: expect.anything() },
    ]);
    await knex.migrate.down({ directory });
    await expect(knex.schema.hasTable('maturity_scores')).resolves.toBe(false);
  });

  it('20261130100000_results_once goes up and down, keeping every score readable', async () => {
    const knex = await databases.init(id);
    await knex.migrate.up({ directory, name: '20261124140000_init.js' });
    await knex.migrate.up({
      directory,
      name: '20261124160000_sort_indexes.js',
    });
    await knex.migrate.up({
      directory,
      name: '20261124200000_score_summary.js',
    });
    const scoredAt = new Date('2026-11-24T00:00:00Z');
    const snapshot = async (ref: string, detail: string) => {
      const [row] = await knex('maturity_snapshots').insert(
        {
          entity_ref: ref,
          score: 40,
          level: 'bronze',
          pillar_scores: '{}',
          detail,
          rubric_hash: 'h',
          scored_at: scoredAt,
        },
        ['id'],
      );
      return typeof row === 'object' ? row.id : row;
    };
    const score = async (
      name: string,
      snapshotId: unknown,
      detail: string | null,
    ) => {
      await knex('maturity_scores').insert({
        entity_ref: `component:default/${name}`,
        kind: 'Component',
        namespace: 'default',
        name,
        score: 40,
        level: 'bronze',
        level_rank: 0,
        detail,
        rubric_hash: 'h',
        snapshot_id: snapshotId,
        scored_at: scoredAt,
      });
    };
    // Written before: its own copy.
    await score(
      'old',
      await snapshot('component:default/old', '{"results":["old"]}'),
      '{"results":["old"]}',
    );
    await knex.migrate.up({
      directory,
      name: '20261130100000_results_once.js',
    });
    // Written after: the results only in its snapshot.
    await score(
      'new',
      await snapshot('component:default/new', '{"results":["new"]}'),
      null,
    );
    const store = await DatabaseMaturityStore.create({
      database: mockServices.database({ knex, migrations: { skip: true } }),
    });
    await expect(
      store.getScore('component:default/old'),
    ).resolves.toMatchObject({
      detail: { results: ['old'] },
    });
    await expect(
      store.getScore('component:default/new'),
    ).resolves.toMatchObject({
      detail: { results: ['new'] },
    });

    // Down: every current score gets its copy back.
    await knex.migrate.down({ directory });
    await expect(
      knex('maturity_scores').where({ name: 'new' }).first('detail'),
    ).resolves.toEqual({ detail: '{"results":["new"]}' });
    const detailNullable =
      id === 'SQLITE_3'
        ? (await knex.raw('PRAGMA table_info(maturity_scores)')).find(
            (c: { name: string }) => c.name === 'detail',
          ).notnull === 0
        : (
            await knex('information_schema.columns')
              .where({ table_name: 'maturity_scores', column_name: 'detail' })
              .first('is_nullable')
          ).is_nullable === 'YES';
    expect(detailNullable).toBe(false);
  });

  it('20261124140000_init goes up with real rows and down cleanly', async () => {
    const knex = await databases.init(id);
    await knex.migrate.up({ directory, name: '20261124140000_init.js' });

    const scoredAt = new Date('2026-11-24T00:00:00Z');
    const [snapshot] = await knex('maturity_snapshots').insert(
      {
        entity_ref: 'component:default/api',
        score: 42.5,
        level: 'bronze',
        pillar_scores: '{"cicd":50}',
        detail: '{}',
        rubric_hash: 'h',
        scored_at: scoredAt,
      },
      ['id'],
    );
    const snapshotId = typeof snapshot === 'object' ? snapshot.id : snapshot;
    await knex('maturity_scores').insert({
      entity_ref: 'component:default/api',
      kind: 'Component',
      namespace: 'default',
      name: 'api',
      score: 42.5,
      level: 'bronze',
      level_rank: 0,
      detail: '{}',
      rubric_hash: 'h',
      snapshot_id: snapshotId,
      scored_at: scoredAt,
    });
    await knex('maturity_pillar_scores').insert({
      entity_ref: 'component:default/api',
      pillar: 'cicd',
      score: 50,
    });
    await knex('maturity_facts').insert({
      entity_ref: 'component:default/api',
      source: 'repository',
      facts: '[]',
      observed_at: scoredAt,
    });
    await knex('maturity_refresh_state').insert({
      entity_ref: 'component:default/api',
      due_at: scoredAt,
    });

    await expect(knex('maturity_scores').first()).resolves.toMatchObject({
      name: 'api',
      score: 42.5,
    });
    await expect(
      knex('maturity_pillar_scores').count({ n: '*' }),
    ).resolves.toEqual([{ n: expect.anything() }]);

    await knex.migrate.down({ directory });
    for (const table of [
      'maturity_scores',
      'maturity_pillar_scores',
      'maturity_snapshots',
      'maturity_facts',
      'maturity_refresh_state',
    ]) {
      await expect(knex.schema.hasTable(table)).resolves.toBe(false);
    }

    // And up again on the emptied database.
    await knex.migrate.latest({ directory });
    await expect(knex.schema.hasTable('maturity_scores')).resolves.toBe(true);
  });
});
