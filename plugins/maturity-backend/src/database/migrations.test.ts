import { TestDatabases } from '@backstage/backend-test-utils';
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
