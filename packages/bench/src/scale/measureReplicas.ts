import { type ChildProcess, fork } from 'node:child_process';
import { benchDatabase } from '../shared/benchDatabase';
import type {
  FromReplica,
  ReplicaSettings,
  ToReplica,
} from './replicaMessages';
import type { ReplicaFigures, ReplicaResult, ReplicaRun } from './scaleFigures';

// Found through the TypeScript transform's require hook, as this file is.
const WORKER = require.resolve('./replicaWorker');
const SEED = 42;

type Replica = {
  child: ChildProcess;
  next<T extends FromReplica['type']>(
    type: T,
  ): Promise<Extract<FromReplica, { type: T }>>;
};

/** Forks one replica worker; `next(type)` waits for its next report of that type. */
function forkReplica(settings: ReplicaSettings): Replica {
  const child = fork(WORKER, [JSON.stringify(settings)], {
    execArgv: ['-r', '@backstage/cli/config/nodeTransform.cjs'],
    cwd: process.cwd(),
  });
  const next = <T extends FromReplica['type']>(type: T) =>
    new Promise<Extract<FromReplica, { type: T }>>((resolve, reject) => {
      const listeners = {
        exit: (code: number | null) => {
          child.off('message', listeners.message);
          reject(
            new Error(`replica ${child.pid} exited (${code}) before '${type}'`),
          );
        },
        message: (message: FromReplica) => {
          if (message.type !== type && message.type !== 'error') return;
          child.off('message', listeners.message);
          child.off('exit', listeners.exit);
          if (message.type === 'error') {
            reject(new Error(`replica ${child.pid}: ${message.message}`));
          } else resolve(message as Extract<FromReplica, { type: T }>);
        },
      };
      child.on('message', listeners.message);
      child.on('exit', listeners.exit);
    });
  return { child, next };
}

async function stopReplica(replica: Replica): Promise<void> {
  const { child } = replica;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  if (child.connected) child.send({ type: 'stop' } satisfies ToReplica);
  else child.kill();
  const timer = setTimeout(() => child.kill(), 30_000);
  await exited;
  clearTimeout(timer);
}

/**
 * `replicas` backends, each in its own Node process, on one new PostgreSQL
 * database: booted one after the other (migrations run once), then told
 * 'go' at the same moment; timed until all are done and maturity_scores
 * holds every entity.
 */
async function replicaRun(
  postgres: string,
  size: number,
  replicas: number,
): Promise<ReplicaRun> {
  const db = await benchDatabase('postgres', postgres);
  const started: Replica[] = [];
  try {
    const settings: ReplicaSettings = {
      connection: db.connection!,
      size,
      seed: SEED,
    };
    const boots: number[] = [];
    for (let i = 0; i < replicas; i++) {
      const replica = forkReplica(settings);
      started.push(replica);
      boots.push((await replica.next('ready')).bootMs);
    }

    const dones = started.map(r => r.next('done'));
    const go = performance.now();
    for (const r of started) r.child.send({ type: 'go' } satisfies ToReplica);
    const reports = await Promise.all(dones);
    const [{ n: scoreRows }] = await db
      .knex('maturity_scores')
      .count({ n: '*' });
    const wallMs = performance.now() - go;
    if (Number(scoreRows) !== size) {
      throw new Error(`${replicas} replicas: ${scoreRows} of ${size} scored`);
    }
    const [snapshots] = await db
      .knex('maturity_snapshots')
      .select(
        db.knex.raw('count(*) as total'),
        db.knex.raw('count(distinct entity_ref) as refs'),
      );
    const perReplica: ReplicaResult[] = reports.map((r, i) => ({
      scored: r.scored,
      ms: r.ms,
      bootMs: boots[i],
      peakRssMb: r.peakRssMb,
    }));
    return {
      replicas,
      wallMs,
      entitiesPerSecond: size / (wallMs / 1000),
      perReplica,
      scoreRows: Number(scoreRows),
      snapshotRows: Number(snapshots.total),
      distinctSnapshotRefs: Number(snapshots.refs),
    };
  } finally {
    await Promise.all(started.map(stopReplica));
    await db.close();
  }
}

/**
 * The first full refresh of `size` entities by one backend, then by two
 * backends sharing one PostgreSQL database and splitting the work through
 * leases; each backend is a Node process of its own.
 */
export async function measureReplicas(
  postgres: string,
  size: number,
): Promise<ReplicaFigures> {
  const one = await replicaRun(postgres, size, 1);
  const two = await replicaRun(postgres, size, 2);
  const exact = (run: ReplicaRun) =>
    run.snapshotRows === run.distinctSnapshotRefs &&
    run.distinctSnapshotRefs === size;
  return {
    entities: size,
    one,
    two,
    speedUp: two.entitiesPerSecond / one.entitiesPerSecond,
    noDuplicateSnapshots: exact(one) && exact(two),
  };
}
