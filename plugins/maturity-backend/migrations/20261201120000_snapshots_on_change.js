/*
 * History as a step function: a refresh adds a snapshot only when an
 * entity's results changed, and otherwise only records that the current
 * score was confirmed.
 *
 * - maturity_scores.results_digest: a digest of what the current snapshot
 *   holds, to tell a changed scoring from a repeat;
 * - maturity_scores.confirmed_at: when the current score was last confirmed
 *   by a scoring (scored_at stays the time it was first computed);
 * - maturity_snapshots.passed_checks: the checks a snapshot passed (or had
 *   waived), comma-separated, so progress over time against a set of checks
 *   is read without parsing every snapshot's results.
 */

const CHUNK = 500;

function passedChecks(detail) {
  try {
    const parsed = JSON.parse(detail);
    return (parsed.results ?? [])
      .filter(r => ['pass', 'exempt', 'not-applicable'].includes(r.status))
      .map(r => r.checkId)
      .sort()
      .join(',');
  } catch {
    return null;
  }
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_scores', table => {
    table.string('results_digest', 64).nullable();
    table.timestamp('confirmed_at', { useTz: true }).nullable();
  });
  await knex('maturity_scores').update({ confirmed_at: knex.ref('scored_at') });
  await knex.schema.alterTable('maturity_snapshots', table => {
    table.text('passed_checks').nullable();
  });
  let lastId = 0;
  for (;;) {
    const rows = await knex('maturity_snapshots')
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(CHUNK)
      .select('id', 'detail');
    if (rows.length === 0) break;
    for (const row of rows) {
      await knex('maturity_snapshots')
        .where({ id: row.id })
        .update({ passed_checks: passedChecks(row.detail) });
    }
    lastId = Number(rows[rows.length - 1].id);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_snapshots', table => {
    table.dropColumn('passed_checks');
  });
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropColumn('results_digest');
    table.dropColumn('confirmed_at');
  });
};
