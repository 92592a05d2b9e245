/*
 * Roadmap Maturity: first schema.
 *
 * - maturity_scores: the current score of each entity, with the entity fields
 *   the overview filters and sorts on, denormalised so a page of 100 out of
 *   10,000 is one indexed query.
 * - maturity_pillar_scores: one row per entity and pillar, so pillar score
 *   ranges filter in SQL.
 * - maturity_snapshots: the history (one row per scoring), for trends.
 * - maturity_facts: the last good facts per entity and source, kept when a
 *   source is down so its checks can say how old their evidence is.
 * - maturity_refresh_state: when each entity is due, and which backend
 *   replica holds its lease while scoring it.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_scores', table => {
    table.comment('Current maturity score per catalog entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('owner', 255).nullable();
    table.string('system', 255).nullable();
    table.string('type', 255).nullable();
    table.string('lifecycle', 255).nullable();
    table.float('score').notNullable();
    table.string('level', 255).nullable();
    table.integer('level_rank').notNullable();
    table.string('next_level', 255).nullable();
    table.text('detail').notNullable().comment('JSON: results and next steps');
    table.string('rubric_hash', 64).notNullable();
    table.bigInteger('snapshot_id').notNullable();
    table.timestamp('scored_at', { useTz: true }).notNullable();
    table.index(['owner'], 'maturity_scores_owner_idx');
    table.index(['system'], 'maturity_scores_system_idx');
    table.index(['level_rank', 'score'], 'maturity_scores_level_idx');
    table.index(['score'], 'maturity_scores_score_idx');
  });

  await knex.schema.createTable('maturity_pillar_scores', table => {
    table.comment('Current score per entity and pillar');
    table
      .string('entity_ref', 255)
      .notNullable()
      .references('entity_ref')
      .inTable('maturity_scores')
      .onDelete('CASCADE');
    table.string('pillar', 255).notNullable();
    table.float('score').notNullable();
    table.primary(['entity_ref', 'pillar']);
    table.index(['pillar', 'score'], 'maturity_pillar_scores_pillar_idx');
  });

  await knex.schema.createTable('maturity_snapshots', table => {
    table.comment('History of maturity scores, for trends');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.float('score').notNullable();
    table.string('level', 255).nullable();
    table.text('pillar_scores').notNullable().comment('JSON: pillar → score');
    table.text('detail').notNullable().comment('JSON: results and next steps');
    table.string('rubric_hash', 64).notNullable();
    table.timestamp('scored_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'scored_at'], 'maturity_snapshots_entity_idx');
    table.index(['scored_at'], 'maturity_snapshots_scored_at_idx');
  });

  await knex.schema.createTable('maturity_facts', table => {
    table.comment('Last good facts per entity and source');
    table.string('entity_ref', 255).notNullable();
    table.string('source', 255).notNullable();
    table.text('facts').notNullable().comment('JSON: Fact[]');
    table.string('etag', 255).nullable();
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'source']);
  });

  await knex.schema.createTable('maturity_refresh_state', table => {
    table.comment('Refresh schedule and leases per entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.timestamp('due_at', { useTz: true }).notNullable();
    table.string('lease_owner', 255).nullable();
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.string('fingerprint', 64).nullable();
    table.text('last_error').nullable();
    table.index(['due_at'], 'maturity_refresh_state_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_refresh_state');
  await knex.schema.dropTable('maturity_facts');
  await knex.schema.dropTable('maturity_snapshots');
  await knex.schema.dropTable('maturity_pillar_scores');
  await knex.schema.dropTable('maturity_scores');
};
