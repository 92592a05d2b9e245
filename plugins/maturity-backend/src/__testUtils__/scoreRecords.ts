import {
  mockServices,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { MaturityDatabase } from '../database/MaturityDatabase';
import type { ScoreRecord } from '../database/ScoreStore';
import { scoreDigest } from '../scoring/scoreDigest';

/** A score record of a test component, with a passing CI check. */
export function scoreRecord(
  name: string,
  overrides: Partial<ScoreRecord> = {},
): ScoreRecord {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/platform',
    system: 'system:default/payments',
    type: 'service',
    lifecycle: 'production',
    score: 50,
    level: 'bronze',
    levelRank: 0,
    nextLevel: 'silver',
    pillars: { cicd: 80, security: 20 },
    detail: {
      results: [
        { checkId: 'ci.pipeline', status: 'pass', message: 'ok', evidence: [] },
      ],
      nextSteps: [],
      sources: [],
    },
    rubricHash: 'abc',
    scoredAt: new Date('2026-11-01T00:00:00Z'),
    ...overrides,
  };
}

/** A migrated maturity database on a test database. */
export async function createTestMaturityDatabase(
  databases: TestDatabases,
  id: TestDatabaseId,
): Promise<{ knex: Knex; db: MaturityDatabase }> {
  const knex = await databases.init(id);
  const db = await MaturityDatabase.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  return { knex, db };
}

/** Writes scorings as a refresh does: a snapshot, and the current score pointing at it. */
export async function saveScores(
  db: MaturityDatabase,
  ...records: ScoreRecord[]
): Promise<void> {
  for (const record of records) {
    await db.transaction(async stores => {
      const ids = await stores.snapshots.insert([record]);
      await stores.scores.upsert([
        {
          record,
          snapshotId: ids.get(record.entityRef)!,
          digest: scoreDigest(record),
        },
      ]);
    });
  }
}
