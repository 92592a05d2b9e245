/*
 * The API's JSON of each current score's summary (pillar scores included),
 * written with the score, so a page of the list is one indexed read with no
 * per-pillar rows to gather. Rows scored before this migration have none and
 * are read the old way until they are scored again.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_scores', table => {
    table
      .text('summary')
      .nullable()
      .comment('JSON: the score summary as the API serves it');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropColumn('summary');
  });
};
