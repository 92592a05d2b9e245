import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { MaturityDatabase } from './database/MaturityDatabase';

jest.setTimeout(180_000);

// Two processes share state through PostgreSQL only.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const ENTITIES = 48;

function startReplica(connection: object): {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
} {
  const lines: string[] = [];
  const child = spawn(
    process.execPath,
    [
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(__dirname, '__testUtils__/refreshReplicaProcess.ts'),
    ],
    {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        MATURITY_REPLICA: JSON.stringify({
          connection,
          entities: ENTITIES,
          leaseMs: 3_000,
          batchDelayMs: 150,
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let buffer = '';
  child.stdout!.on('data', chunk => {
    buffer += String(chunk);
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  const exited = new Promise<number | null>(resolve =>
    child.on('exit', code => resolve(code)),
  );
  return { child, lines, exited };
}

async function until(what: string, condition: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

describe.each(databases.eachSupportedId())(
  'a replica killed with SIGKILL mid-refresh on %p',
  id => {
    it('leaves the survivor to complete the refresh, losing and duplicating nothing', async () => {
      const knex = await databases.init(id);
      await MaturityDatabase.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      const connection = knex.client.config.connection as object;
      const doomed = startReplica(connection);
      const survivor = startReplica(connection);
      try {
        // Both are scoring; the doomed one has stored a batch and is in the
        // middle of others.
        await until(
          'both replicas to store scores',
          () =>
            doomed.lines.some(l => l.startsWith('scored')) &&
            survivor.lines.some(l => l.startsWith('scored')),
          90_000,
        );
        doomed.child.kill('SIGKILL');
        expect(await doomed.exited).toBeNull();
        await until(
          'the survivor to finish',
          () => survivor.lines.includes('done'),
          120_000,
        );
        expect(await survivor.exited).toBe(0);
      } finally {
        doomed.child.kill('SIGKILL');
        survivor.child.kill('SIGKILL');
      }

      const perEntity = await knex('maturity_snapshots')
        .select('entity_ref')
        .count({ n: '*' })
        .groupBy('entity_ref');
      // Every entity scored exactly once: nothing lost, nothing duplicated.
      expect(perEntity).toHaveLength(ENTITIES);
      expect(perEntity.filter(r => Number(r.n) !== 1)).toEqual([]);
      const scores = await knex('maturity_scores').select('score');
      expect(scores.map(s => Number(s.score))).toEqual(
        Array(ENTITIES).fill(100),
      );
      expect(
        await knex('maturity_refresh_state').whereNotNull('lease_owner'),
      ).toEqual([]);
    });
  },
);
