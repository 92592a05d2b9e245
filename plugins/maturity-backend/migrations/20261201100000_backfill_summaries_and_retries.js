/*
 * Every current score gets the stored summary and results layout that the
 * read paths expect, so the fallbacks kept for rows written before
 * 20261124200000_score_summary and 20261130100000_results_once can go:
 *
 * - `maturity_scores.summary` is computed for rows that have none, from
 *   their columns and pillar rows;
 * - a row that still carries its own copy of the results drops it when its
 *   snapshot holds the same results (they are read from the snapshot).
 *
 * And the refresh retries an entity whose scoring failed soon, with
 * back-off: `maturity_refresh_state.attempts` counts the failures in a row.
 */

const CHUNK = 200;

function iso(value) {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  for (;;) {
    const rows = await knex('maturity_scores')
      .whereNull('summary')
      .orderBy('entity_ref')
      .limit(CHUNK);
    if (rows.length === 0) break;
    const refs = rows.map(r => r.entity_ref);
    const pillarRows = await knex('maturity_pillar_scores').whereIn(
      'entity_ref',
      refs,
    );
    for (const row of rows) {
      const pillars = {};
      for (const p of pillarRows) {
        if (p.entity_ref === row.entity_ref)
          pillars[p.pillar] = Number(p.score);
      }
      const summary = {
        entityRef: row.entity_ref,
        kind: row.kind,
        namespace: row.namespace,
        name: row.name,
        ...(row.title ? { title: row.title } : {}),
        ...(row.owner ? { owner: row.owner } : {}),
        ...(row.system ? { system: row.system } : {}),
        ...(row.type ? { type: row.type } : {}),
        ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}),
        score: Number(row.score),
        level: row.level,
        levelRank: Number(row.level_rank),
        nextLevel: row.next_level,
        pillars,
        rubricHash: row.rubric_hash,
        snapshotId: String(row.snapshot_id),
        scoredAt: iso(row.scored_at),
      };
      await knex('maturity_scores')
        .where({ entity_ref: row.entity_ref })
        .update({ summary: JSON.stringify(summary) });
    }
  }

  // Results kept twice: the snapshot's copy is the one read from now on.
  const copies = knex('maturity_snapshots')
    .select('maturity_snapshots.id')
    .whereRaw('maturity_snapshots.id = maturity_scores.snapshot_id')
    .whereRaw('maturity_snapshots.detail = maturity_scores.detail');
  await knex('maturity_scores')
    .whereNotNull('detail')
    .whereExists(copies)
    .update({ detail: null });
  // Rows whose snapshot holds other results, or is gone: the row's own copy
  // becomes its snapshot's, so nothing that was served is lost.
  const differing = await knex('maturity_scores')
    .whereNotNull('detail')
    .select('*');
  for (const row of differing) {
    const updated = await knex('maturity_snapshots')
      .where({ id: row.snapshot_id })
      .update({ detail: row.detail });
    let snapshotId = row.snapshot_id;
    if (updated !== 1) {
      const [inserted] = await knex('maturity_snapshots').insert(
        {
          entity_ref: row.entity_ref,
          score: row.score,
          level: row.level,
          pillar_scores: JSON.stringify(JSON.parse(row.summary).pillars),
          detail: row.detail,
          rubric_hash: row.rubric_hash,
          scored_at: row.scored_at,
        },
        ['id'],
      );
      snapshotId = typeof inserted === 'object' ? inserted.id : inserted;
      const summary = {
        ...JSON.parse(row.summary),
        snapshotId: String(snapshotId),
      };
      await knex('maturity_scores')
        .where({ entity_ref: row.entity_ref })
        .update({ summary: JSON.stringify(summary) });
    }
    await knex('maturity_scores')
      .where({ entity_ref: row.entity_ref })
      .update({ detail: null, snapshot_id: snapshotId });
  }

  // On SQLite, migrations that altered maturity_scores recreated it, and the
  // cascade emptied maturity_pillar_scores: rebuild missing pillar rows from
  // the summaries, so pillar filters find every entity again.
  const withoutPillars = await knex('maturity_scores')
    .whereNotExists(
      knex('maturity_pillar_scores')
        .select(knex.raw('1'))
        .whereRaw(
          'maturity_pillar_scores.entity_ref = maturity_scores.entity_ref',
        ),
    )
    .select('entity_ref', 'summary');
  for (const row of withoutPillars) {
    const pillars = Object.entries(JSON.parse(row.summary).pillars ?? {});
    if (pillars.length > 0) {
      await knex('maturity_pillar_scores').insert(
        pillars.map(([pillar, score]) => ({
          entity_ref: row.entity_ref,
          pillar,
          score,
        })),
      );
    }
  }

  await knex.schema.alterTable('maturity_refresh_state', table => {
    table
      .integer('attempts')
      .notNullable()
      .defaultTo(0)
      .comment('Failed scorings in a row, for the retry back-off');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_refresh_state', table => {
    table.dropColumn('attempts');
  });
  // The summaries and the results in snapshots are valid for the older
  // schema too; nothing else to undo.
};
