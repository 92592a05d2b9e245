/*
 * Three rows per scored entity instead of ten, and a repeat scoring that
 * writes one row instead of three:
 *
 * - maturity_refresh_state.facts: the last good facts of every source of the
 *   entity, as one JSON list (was one maturity_facts row per source). The
 *   refresh rewrites it in the statement that ends the entity's lease, so
 *   keeping facts costs no row of its own.
 * - maturity_refresh_state.confirmed_at: when a scoring last found the
 *   current results (was maturity_scores.confirmed_at, a second row write
 *   per unchanged entity).
 * - maturity_pillar_scores goes: pillar ranges filter on the pillar scores
 *   in the score row's summary JSON.
 * - On PostgreSQL, the large JSON columns (results, facts, summaries) are
 *   compressed with lz4 where the server has it: pglz compressing each
 *   snapshot was the largest cost of a 10,000-entity refresh's inserts.
 *
 * Every existing row is carried over; `down` puts them back.
 */

const PAGE = 500;

/** @param {import('knex').Knex} knex */
async function pagesOf(knex, table, columns, orderBy, each) {
  let after;
  for (;;) {
    const query = knex(table).select(columns).orderBy(orderBy).limit(PAGE);
    if (after !== undefined) query.where(orderBy, '>', after);
    const rows = await query;
    if (rows.length === 0) return;
    await each(rows);
    after = rows[rows.length - 1][orderBy];
  }
}

/** A timestamp as the driver returns it (SQLite: epoch milliseconds). */
function timestamp(value) {
  return new Date(
    typeof value === 'number' || /^\d+$/.test(String(value))
      ? Number(value)
      : value,
  );
}

const LARGE_COLUMNS = [
  ['maturity_snapshots', 'detail'],
  ['maturity_refresh_state', 'facts'],
  ['maturity_scores', 'summary'],
];

/**
 * PostgreSQL 14+ built with lz4: new values of the large columns are
 * compressed with `method`; elsewhere nothing changes.
 * @param {import('knex').Knex} knex
 */
async function compressLargeColumns(knex, method) {
  if (knex.client.config.client !== 'pg') return;
  try {
    // A savepoint: a server without lz4 refuses, and the migration goes on.
    await knex.transaction(async tx => {
      for (const [table, column] of LARGE_COLUMNS) {
        await tx.raw(
          `ALTER TABLE ?? ALTER COLUMN ?? SET COMPRESSION ${method}`,
          [table, column],
        );
      }
    });
  } catch {
    // Values stay compressed with the server's default method.
  }
}

/**
 * Sets columns of an entity's refresh state, creating it (due at once, like
 * a never-scored entity) when the entity has none yet.
 * @param {import('knex').Knex} knex
 */
async function setRefreshState(knex, entityRef, values) {
  const updated = await knex('maturity_refresh_state')
    .where({ entity_ref: entityRef })
    .update(values);
  if (!updated) {
    await knex('maturity_refresh_state').insert({
      entity_ref: entityRef,
      due_at: new Date(0),
      ...values,
    });
  }
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  // First, while nothing else has changed: on SQLite, rebuilding
  // maturity_scores below would cascade into it.
  await knex.schema.dropTable('maturity_pillar_scores');

  await knex.schema.alterTable('maturity_refresh_state', table => {
    table
      .text('facts')
      .nullable()
      .comment(
        'JSON: the last good facts per source ([{source, facts, etag, observedAt}])',
      );
    table
      .timestamp('confirmed_at', { useTz: true })
      .nullable()
      .comment('When a scoring last found the current results');
  });

  // Facts: one JSON list per entity, in source order, a page of entities
  // at a time.
  let after;
  for (;;) {
    const page = knex('maturity_facts')
      .distinct('entity_ref')
      .orderBy('entity_ref')
      .limit(PAGE);
    if (after !== undefined) page.where('entity_ref', '>', after);
    const refs = (await page).map(r => r.entity_ref);
    if (refs.length === 0) break;
    after = refs[refs.length - 1];
    const rows = await knex('maturity_facts')
      .whereIn('entity_ref', refs)
      .select('entity_ref', 'source', 'facts', 'etag', 'observed_at')
      .orderBy(['entity_ref', 'source']);
    const byRef = new Map(refs.map(ref => [ref, []]));
    for (const row of rows) {
      byRef.get(row.entity_ref).push({
        source: row.source,
        facts: JSON.parse(row.facts),
        ...(row.etag ? { etag: row.etag } : {}),
        observedAt: timestamp(row.observed_at).toISOString(),
      });
    }
    for (const [ref, list] of byRef) {
      await setRefreshState(knex, ref, { facts: JSON.stringify(list) });
    }
  }
  await knex.schema.dropTable('maturity_facts');

  // Confirmation times move to the refresh state.
  await pagesOf(
    knex,
    'maturity_scores',
    ['entity_ref', 'confirmed_at', 'scored_at'],
    'entity_ref',
    async page => {
      for (const row of page) {
        await setRefreshState(knex, row.entity_ref, {
          confirmed_at: row.confirmed_at ?? row.scored_at,
        });
      }
    },
  );
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropColumn('confirmed_at');
  });
  await compressLargeColumns(knex, 'lz4');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await compressLargeColumns(knex, 'default');
  await knex.schema.alterTable('maturity_scores', table => {
    table.timestamp('confirmed_at', { useTz: true }).nullable();
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
  await knex.schema.createTable('maturity_facts', table => {
    table.comment('Last good facts per entity and source');
    table.string('entity_ref', 255).notNullable();
    table.string('source', 255).notNullable();
    table.text('facts').notNullable().comment('JSON: Fact[]');
    table.string('etag', 255).nullable();
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'source']);
  });

  await pagesOf(
    knex,
    'maturity_scores',
    ['entity_ref', 'summary'],
    'entity_ref',
    async page => {
      const rows = page.flatMap(row =>
        Object.entries(JSON.parse(row.summary ?? '{}').pillars ?? {}).map(
          ([pillar, score]) => ({ entity_ref: row.entity_ref, pillar, score }),
        ),
      );
      for (let i = 0; i < rows.length; i += 100) {
        await knex('maturity_pillar_scores').insert(rows.slice(i, i + 100));
      }
    },
  );
  await pagesOf(
    knex,
    'maturity_refresh_state',
    ['entity_ref', 'facts', 'confirmed_at'],
    'entity_ref',
    async page => {
      for (const row of page) {
        if (row.confirmed_at) {
          await knex('maturity_scores')
            .where({ entity_ref: row.entity_ref })
            .update({ confirmed_at: row.confirmed_at });
        }
        for (const stored of JSON.parse(row.facts ?? '[]')) {
          await knex('maturity_facts').insert({
            entity_ref: row.entity_ref,
            source: stored.source,
            facts: JSON.stringify(stored.facts),
            etag: stored.etag ?? null,
            observed_at: new Date(stored.observedAt),
          });
        }
      }
    },
  );
  await knex.schema.alterTable('maturity_refresh_state', table => {
    table.dropColumn('facts');
    table.dropColumn('confirmed_at');
  });
};
