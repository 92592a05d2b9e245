/*
 * Facts pushed from outside (a CI job, through POST /api/maturity/facts).
 *
 * - maturity_pushed_facts: the newest pushed observation of each fact of
 *   each entity, with where it came from (provenance: tool, commit, run)
 *   and when it stops counting (expires_at); a refresh merges the live ones
 *   with what the collectors observed.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_pushed_facts', table => {
    table.comment('Facts pushed from outside, newest observation per fact');
    table.string('entity_ref', 255).notNullable();
    table.string('fact_id', 255).notNullable();
    table.string('source', 100).notNullable();
    table.text('value').notNullable().comment('JSON: FactValue');
    table.text('evidence').notNullable().comment('JSON: Evidence[]');
    table.text('provenance').notNullable().comment('JSON: provenance');
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'fact_id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_pushed_facts');
};
