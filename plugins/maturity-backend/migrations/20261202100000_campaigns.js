/*
 * Campaigns, exemption requests and sent notifications.
 *
 * - maturity_campaigns: a Group-owned target for a scope of entities, in
 *   ordered phases (JSON), with a version for optimistic concurrency;
 * - maturity_campaign_members: when each entity entered (and left) a
 *   campaign's scope, so scope changes are visible;
 * - maturity_exemption_requests: exemptions a service owner asked for and
 *   what an approver decided, with who and when;
 * - maturity_notifications_sent: the keys of notifications already sent, so
 *   each is sent once;
 * - maturity_scores.tags: the entity's tags, for campaign scopes by tag;
 * - maturity_snapshots.exempt_checks: the checks a snapshot had waived, so
 *   campaign progress can show them without parsing results.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_campaigns', table => {
    table.comment('Roadmap campaigns: targets with phases and due dates');
    table.string('id', 64).primary().notNullable();
    table.string('title', 255).notNullable();
    table.text('description').nullable();
    table.string('owner', 255).notNullable();
    table.text('scope').notNullable().comment('JSON: CampaignScope');
    table.text('phases').notNullable().comment('JSON: CampaignPhase[]');
    table.string('starts_on', 10).notNullable();
    table.boolean('published').notNullable().defaultTo(false);
    table.integer('version').notNullable().defaultTo(1);
    table.string('created_by', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('archived_at', { useTz: true }).nullable();
  });
  await knex.schema.createTable('maturity_campaign_members', table => {
    table.comment('When entities entered and left a campaign scope');
    table.string('campaign_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.timestamp('joined_at', { useTz: true }).notNullable();
    table.timestamp('left_at', { useTz: true }).nullable();
    table.primary(['campaign_id', 'entity_ref']);
  });
  await knex.schema.createTable('maturity_exemption_requests', table => {
    table.comment('Exemptions requested by owners and decided by approvers');
    table.string('id', 64).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.text('reason').notNullable();
    table.string('expires', 10).notNullable();
    table.string('status', 16).notNullable();
    table.string('requested_by', 255).notNullable();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('decided_by', 255).nullable();
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.text('decision_comment').nullable();
    table.index(
      ['entity_ref', 'status'],
      'maturity_exemption_requests_entity_idx',
    );
    table.index(['status'], 'maturity_exemption_requests_status_idx');
  });
  await knex.schema.createTable('maturity_notifications_sent', table => {
    table.comment('Notifications already sent, by deduplication key');
    table.string('key', 512).primary().notNullable();
    table.timestamp('sent_at', { useTz: true }).notNullable();
  });
  await knex.schema.alterTable('maturity_scores', table => {
    table.text('tags').nullable().comment('The entity tags, comma-separated');
  });
  await knex.schema.alterTable('maturity_snapshots', table => {
    table.text('exempt_checks').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_snapshots', table => {
    table.dropColumn('exempt_checks');
  });
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropColumn('tags');
  });
  await knex.schema.dropTable('maturity_notifications_sent');
  await knex.schema.dropTable('maturity_exemption_requests');
  await knex.schema.dropTable('maturity_campaign_members');
  await knex.schema.dropTable('maturity_campaigns');
};
