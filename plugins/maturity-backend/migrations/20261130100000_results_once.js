/*
 * The results of a scoring (`detail`, about 33 KB of JSON per entity) are
 * stored once, in its snapshot: the current score points at that snapshot
 * instead of carrying a second copy. Rows written before this migration keep
 * their copy and are read as before.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_scores', table => {
    table.text('detail').nullable().alter();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // Give every current score its own copy back before requiring one.
  const missing = await knex('maturity_scores')
    .whereNull('detail')
    .select('entity_ref', 'snapshot_id');
  for (const row of missing) {
    const snapshot = await knex('maturity_snapshots')
      .where({ id: row.snapshot_id })
      .first('detail');
    await knex('maturity_scores')
      .where({ entity_ref: row.entity_ref })
      .update({ detail: snapshot?.detail ?? '{}' });
  }
  await knex.schema.alterTable('maturity_scores', table => {
    table.text('detail').notNullable().alter();
  });
};
