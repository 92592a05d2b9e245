/*
 * Indexes that match the overview's sort orders, so a page of 100 out of
 * 10,000 is read in index order instead of sorting every row per request.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_scores', table => {
    table.index(['score', 'entity_ref'], 'maturity_scores_score_ref_idx');
    table.index(
      ['level_rank', 'score', 'entity_ref'],
      'maturity_scores_level_ref_idx',
    );
    table.index(
      ['name', 'namespace', 'kind', 'entity_ref'],
      'maturity_scores_name_idx',
    );
    table.index(['scored_at', 'entity_ref'], 'maturity_scores_scored_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropIndex([], 'maturity_scores_score_ref_idx');
    table.dropIndex([], 'maturity_scores_level_ref_idx');
    table.dropIndex([], 'maturity_scores_name_idx');
    table.dropIndex([], 'maturity_scores_scored_at_idx');
  });
};
