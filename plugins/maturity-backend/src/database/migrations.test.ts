import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { rejectionMessage } from '../__testUtils__/rejectionMessage';
import { maturityMigrationsDirectory } from './migrateMaturityDatabase';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const directory = maturityMigrationsDirectory();
const scoredAt = new Date('2026-11-24T00:00:00Z');

const up = (knex: Knex, name: string) =>
  knex.migrate.up({ directory, name: `${name}.js` });

async function count(knex: Knex, table: string): Promise<number> {
  const [{ n }] = await knex(table).count({ n: '*' });
  return Number(n);
}

async function indexNames(knex: Knex, table: string): Promise<string[]> {
  if (knex.client.config.client === 'pg') {
    const rows = await knex('pg_indexes')
      .where({ tablename: table })
      .select('indexname');
    return rows.map((r: { indexname: string }) => r.indexname).sort();
  }
  const rows = await knex.raw(`PRAGMA index_list(${table})`);
  return rows.map((r: { name: string }) => r.name).sort();
}

async function columnNames(knex: Knex, table: string): Promise<string[]> {
  return Object.keys(await knex(table).columnInfo()).sort();
}

async function insertSnapshot(
  knex: Knex,
  ref: string,
  detail: string,
): Promise<string> {
  const [row] = await knex('maturity_snapshots').insert(
    {
      entity_ref: ref,
      score: 40,
      level: 'bronze',
      pillar_scores: '{"cicd":50}',
      detail,
      rubric_hash: 'h',
      scored_at: scoredAt,
    },
    ['id'],
  );
  return String(typeof row === 'object' ? row.id : row);
}

async function insertScore(
  knex: Knex,
  name: string,
  snapshotId: string,
  detail: string | null,
  extra: Record<string, unknown> = {},
) {
  await knex('maturity_scores').insert({
    entity_ref: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/team',
    score: 40,
    level: 'bronze',
    level_rank: 0,
    next_level: 'silver',
    detail,
    rubric_hash: 'h',
    snapshot_id: snapshotId,
    scored_at: scoredAt,
    ...extra,
  });
}

describe.each(databases.eachSupportedId())('migrations on %p', id => {
  it('20261124140000_init goes up with real rows and down cleanly', async () => {
    const knex = await databases.init(id);
    await up(knex, '20261124140000_init');
    const snapshotId = await insertSnapshot(
      knex,
      'component:default/api',
      '{}',
    );
    await insertScore(knex, 'api', snapshotId, '{}', { score: 42.5 });
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
    for (const table of [
      'maturity_scores',
      'maturity_pillar_scores',
      'maturity_snapshots',
      'maturity_facts',
      'maturity_refresh_state',
    ]) {
      expect(await count(knex, table)).toBe(1);
    }
    await expect(knex('maturity_scores').first()).resolves.toMatchObject({
      name: 'api',
      score: 42.5,
    });

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
    // And every migration up again on the emptied database.
    await knex.migrate.latest({ directory });
    await expect(knex.schema.hasTable('maturity_scores')).resolves.toBe(true);
  });

  it('20261124160000_sort_indexes adds the sort indexes over real rows and drops them', async () => {
    const knex = await databases.init(id);
    await up(knex, '20261124140000_init');
    await insertScore(knex, 'api', '1', '{}');
    const before = await indexNames(knex, 'maturity_scores');
    await up(knex, '20261124160000_sort_indexes');
    const added = (await indexNames(knex, 'maturity_scores')).filter(
      n => !before.includes(n),
    );
    expect(added).toEqual([
      'maturity_scores_level_ref_idx',
      'maturity_scores_name_idx',
      'maturity_scores_score_ref_idx',
      'maturity_scores_scored_at_idx',
    ]);
    expect(await count(knex, 'maturity_scores')).toBe(1);
    await knex.migrate.down({ directory });
    expect(await indexNames(knex, 'maturity_scores')).toEqual(before);
    expect(await count(knex, 'maturity_scores')).toBe(1);
  });

  it('20261124200000_score_summary adds and removes the summary column, keeping rows', async () => {
    const knex = await databases.init(id);
    await up(knex, '20261124140000_init');
    await up(knex, '20261124160000_sort_indexes');
    await insertScore(knex, 'api', '1', '{}');
    await up(knex, '20261124200000_score_summary');
    expect(await columnNames(knex, 'maturity_scores')).toContain('summary');
    await expect(knex('maturity_scores').first('summary')).resolves.toEqual({
      summary: null,
    });
    await knex.migrate.down({ directory });
    expect(await columnNames(knex, 'maturity_scores')).not.toContain('summary');
    expect(await count(knex, 'maturity_scores')).toBe(1);
  });

  it('20261130100000_results_once lets results live in the snapshot, and down gives each score its copy back', async () => {
    const knex = await databases.init(id);
    for (const name of [
      '20261124140000_init',
      '20261124160000_sort_indexes',
      '20261124200000_score_summary',
      '20261130100000_results_once',
    ]) {
      await up(knex, name);
    }
    const snapshotId = await insertSnapshot(
      knex,
      'component:default/new',
      '{"results":["new"]}',
    );
    await insertScore(knex, 'new', snapshotId, null);
    await knex.migrate.down({ directory });
    await expect(
      knex('maturity_scores').where({ name: 'new' }).first('detail'),
    ).resolves.toEqual({ detail: '{"results":["new"]}' });
    const insertWithoutResults = async () => {
      await knex('maturity_scores').insert({
        entity_ref: 'component:default/x',
        kind: 'Component',
        namespace: 'default',
        name: 'x',
        score: 1,
        level_rank: -1,
        detail: null,
        rubric_hash: 'h',
        snapshot_id: 1,
        scored_at: scoredAt,
      });
    };
    expect(await rejectionMessage(insertWithoutResults())).toMatch(/null/i);
  });

  it('20261201100000_backfill_summaries_and_retries gives older rows what the read paths expect', async () => {
    const knex = await databases.init(id);
    for (const name of [
      '20261124140000_init',
      '20261124160000_sort_indexes',
      '20261124200000_score_summary',
    ]) {
      await up(knex, name);
    }
    // Written before summaries and before results were stored once.
    const oldSnapshot = await insertSnapshot(
      knex,
      'component:default/old',
      '{"results":["old"]}',
    );
    await insertScore(knex, 'old', oldSnapshot, '{"results":["old"]}', {
      title: 'Old service',
    });
    // Its snapshot pruned by hand: the row's own copy must survive.
    await insertScore(knex, 'orphan', '999999', '{"results":["orphan"]}');
    await up(knex, '20261130100000_results_once');
    // (On SQLite, altering maturity_scores recreates it, and the cascade
    // empties maturity_pillar_scores: pillar rows are written after.)
    await knex('maturity_pillar_scores').insert({
      entity_ref: 'component:default/old',
      pillar: 'cicd',
      score: 50,
    });
    await knex('maturity_refresh_state').insert({
      entity_ref: 'component:default/old',
      due_at: scoredAt,
    });
    // A summarised row whose pillar rows that cascade took.
    const pillarless = await insertSnapshot(
      knex,
      'component:default/pillarless',
      '{}',
    );
    await insertScore(knex, 'pillarless', pillarless, null, {
      summary: JSON.stringify({ pillars: { docs: 30 } }),
    });

    await up(knex, '20261201100000_backfill_summaries_and_retries');
    await expect(
      knex('maturity_pillar_scores')
        .where({ entity_ref: 'component:default/pillarless' })
        .select('pillar', 'score'),
    ).resolves.toEqual([{ pillar: 'docs', score: 30 }]);
    await knex('maturity_scores').where({ name: 'pillarless' }).delete();
    const rows = await knex('maturity_scores')
      .orderBy('name')
      .select('name', 'summary', 'detail', 'snapshot_id');
    expect(rows.map(r => r.detail)).toEqual([null, null]);
    const [old, orphan] = rows;
    expect(JSON.parse(old.summary)).toEqual({
      entityRef: 'component:default/old',
      kind: 'Component',
      namespace: 'default',
      name: 'old',
      title: 'Old service',
      owner: 'group:default/team',
      score: 40,
      level: 'bronze',
      levelRank: 0,
      nextLevel: 'silver',
      pillars: { cicd: 50 },
      rubricHash: 'h',
      snapshotId: oldSnapshot,
      scoredAt: scoredAt.toISOString(),
    });
    const orphanSnapshot = await knex('maturity_snapshots')
      .where({ id: orphan.snapshot_id })
      .first('detail', 'entity_ref');
    expect(orphanSnapshot).toEqual({
      detail: '{"results":["orphan"]}',
      entity_ref: 'component:default/orphan',
    });
    expect(JSON.parse(orphan.summary).snapshotId).toBe(
      String(orphan.snapshot_id),
    );
    await expect(
      knex('maturity_refresh_state').first('attempts'),
    ).resolves.toEqual({ attempts: 0 });

    await knex.migrate.down({ directory });
    expect(await columnNames(knex, 'maturity_refresh_state')).not.toContain(
      'attempts',
    );
    expect(await count(knex, 'maturity_scores')).toBe(2);
    expect(await count(knex, 'maturity_refresh_state')).toBe(1);
  });

  it('20261201120000_snapshots_on_change backfills what a step-function history needs, and goes down', async () => {
    const knex = await databases.init(id);
    for (const name of [
      '20261124140000_init',
      '20261124160000_sort_indexes',
      '20261124200000_score_summary',
      '20261130100000_results_once',
      '20261201100000_backfill_summaries_and_retries',
    ]) {
      await up(knex, name);
    }
    const snapshotId = await insertSnapshot(
      knex,
      'component:default/api',
      JSON.stringify({
        results: [
          { checkId: 'ci.tests', status: 'pass' },
          { checkId: 'rel.chaos', status: 'exempt' },
          { checkId: 'obs.alerts', status: 'fail' },
          { checkId: 'prom.slo', status: 'unknown' },
        ],
      }),
    );
    await insertScore(knex, 'api', snapshotId, null, { summary: '{}' });

    await up(knex, '20261201120000_snapshots_on_change');
    await expect(
      knex('maturity_snapshots').first('passed_checks'),
    ).resolves.toEqual({ passed_checks: 'ci.tests,rel.chaos' });
    const score = await knex('maturity_scores').first(
      'confirmed_at',
      'scored_at',
      'results_digest',
    );
    expect(new Date(score.confirmed_at).getTime()).toBe(scoredAt.getTime());
    expect(score.results_digest).toBeNull();

    await knex.migrate.down({ directory });
    expect(await columnNames(knex, 'maturity_snapshots')).not.toContain(
      'passed_checks',
    );
    expect(await columnNames(knex, 'maturity_scores')).not.toContain(
      'confirmed_at',
    );
    expect(await count(knex, 'maturity_scores')).toBe(1);
    expect(await count(knex, 'maturity_snapshots')).toBe(1);
  });

  it('20261202100000_campaigns adds the campaign, request and notification tables over real rows, and drops them', async () => {
    const knex = await databases.init(id);
    for (const name of [
      '20261124140000_init',
      '20261124160000_sort_indexes',
      '20261124200000_score_summary',
      '20261130100000_results_once',
      '20261201100000_backfill_summaries_and_retries',
      '20261201120000_snapshots_on_change',
    ]) {
      await up(knex, name);
    }
    const snapshotId = await insertSnapshot(
      knex,
      'component:default/api',
      '{}',
    );
    await insertScore(knex, 'api', snapshotId, null, { summary: '{}' });
    await up(knex, '20261202100000_campaigns');
    await knex('maturity_campaigns').insert({
      id: 'c1',
      title: 'Silver by March',
      owner: 'group:default/platform',
      scope: '{"kinds":["Component"]}',
      phases: '[]',
      starts_on: '2026-12-01',
      created_at: scoredAt,
      updated_at: scoredAt,
    });
    await knex('maturity_campaign_members').insert({
      campaign_id: 'c1',
      entity_ref: 'component:default/api',
      joined_at: scoredAt,
    });
    await knex('maturity_exemption_requests').insert({
      id: 'r1',
      entity_ref: 'component:default/api',
      check_id: 'rel.chaos',
      reason: 'batch job',
      expires: '2027-03-31',
      status: 'requested',
      requested_by: 'user:default/owner',
      requested_at: scoredAt,
    });
    await knex('maturity_notifications_sent').insert({
      key: 'c1:activated',
      sent_at: scoredAt,
    });
    await knex('maturity_scores').update({ tags: 'java,payments' });
    await knex('maturity_snapshots').update({ exempt_checks: 'rel.chaos' });
    await expect(knex('maturity_campaigns').first()).resolves.toMatchObject({
      published: expect.anything(),
      version: 1,
    });
    for (const table of [
      'maturity_campaigns',
      'maturity_campaign_members',
      'maturity_exemption_requests',
      'maturity_notifications_sent',
    ]) {
      expect(await count(knex, table)).toBe(1);
    }
    await knex.migrate.down({ directory });
    for (const table of [
      'maturity_campaigns',
      'maturity_campaign_members',
      'maturity_exemption_requests',
      'maturity_notifications_sent',
    ]) {
      await expect(knex.schema.hasTable(table)).resolves.toBe(false);
    }
    expect(await columnNames(knex, 'maturity_scores')).not.toContain('tags');
    expect(await columnNames(knex, 'maturity_snapshots')).not.toContain(
      'exempt_checks',
    );
    expect(await count(knex, 'maturity_scores')).toBe(1);
    expect(await count(knex, 'maturity_snapshots')).toBe(1);
  });

  it('20261207120000_state_per_entity moves facts and confirmations to the refresh state over real rows, and goes down', async () => {
    const knex = await databases.init(id);
    for (const name of [
      '20261124140000_init',
      '20261124160000_sort_indexes',
      '20261124200000_score_summary',
      '20261130100000_results_once',
      '20261201100000_backfill_summaries_and_retries',
      '20261201120000_snapshots_on_change',
      '20261202100000_campaigns',
      '20261207100000_pushed_facts',
    ]) {
      await up(knex, name);
    }
    const confirmedAt = new Date('2026-12-01T08:00:00Z');
    for (const name of ['api', 'web']) {
      const snapshotId = await insertSnapshot(
        knex,
        `component:default/${name}`,
        '{}',
      );
      await insertScore(knex, name, snapshotId, null, {
        summary: JSON.stringify({ pillars: { cicd: 50, security: 25 } }),
        confirmed_at: name === 'api' ? confirmedAt : null,
      });
      await knex('maturity_pillar_scores').insert([
        { entity_ref: `component:default/${name}`, pillar: 'cicd', score: 50 },
        {
          entity_ref: `component:default/${name}`,
          pillar: 'security',
          score: 25,
        },
      ]);
    }
    // api has a refresh state; web does not (written before there was one).
    await knex('maturity_refresh_state').insert({
      entity_ref: 'component:default/api',
      due_at: scoredAt,
      fingerprint: 'fp',
    });
    const fact = { id: 'repository.ci.pipeline', value: true };
    for (const [ref, source, etag] of [
      ['component:default/api', 'repository', 'e1'],
      ['component:default/api', 'kubernetes', null],
      ['component:default/web', 'repository', null],
    ]) {
      await knex('maturity_facts').insert({
        entity_ref: ref,
        source,
        facts: JSON.stringify([fact]),
        etag,
        observed_at: scoredAt,
      });
    }

    await up(knex, '20261207120000_state_per_entity');
    await expect(knex.schema.hasTable('maturity_facts')).resolves.toBe(false);
    await expect(knex.schema.hasTable('maturity_pillar_scores')).resolves.toBe(
      false,
    );
    expect(await columnNames(knex, 'maturity_scores')).not.toContain(
      'confirmed_at',
    );
    const states = await knex('maturity_refresh_state')
      .orderBy('entity_ref')
      .select('entity_ref', 'fingerprint', 'facts', 'confirmed_at');
    expect(states.map(s => [s.entity_ref, s.fingerprint])).toEqual([
      ['component:default/api', 'fp'],
      ['component:default/web', null],
    ]);
    expect(JSON.parse(states[0].facts)).toEqual([
      {
        source: 'kubernetes',
        facts: [fact],
        observedAt: scoredAt.toISOString(),
      },
      {
        source: 'repository',
        facts: [fact],
        etag: 'e1',
        observedAt: scoredAt.toISOString(),
      },
    ]);
    expect(JSON.parse(states[1].facts)).toHaveLength(1);
    // Never confirmed since its scoring: confirmed when it was scored.
    expect(states.map(s => new Date(s.confirmed_at).getTime())).toEqual([
      confirmedAt.getTime(),
      scoredAt.getTime(),
    ]);
    expect(await count(knex, 'maturity_scores')).toBe(2);

    await knex.migrate.down({ directory });
    expect(await count(knex, 'maturity_facts')).toBe(3);
    await expect(
      knex('maturity_facts')
        .where({ entity_ref: 'component:default/api', source: 'repository' })
        .first('etag', 'facts'),
    ).resolves.toEqual({ etag: 'e1', facts: JSON.stringify([fact]) });
    expect(await count(knex, 'maturity_pillar_scores')).toBe(4);
    const scores = await knex('maturity_scores')
      .orderBy('name')
      .select('confirmed_at');
    expect(scores.map(s => new Date(s.confirmed_at).getTime())).toEqual([
      confirmedAt.getTime(),
      scoredAt.getTime(),
    ]);
    expect(await columnNames(knex, 'maturity_refresh_state')).not.toContain(
      'facts',
    );
  });
});
