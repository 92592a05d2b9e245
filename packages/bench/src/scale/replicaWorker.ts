/*
 * One backend replica of the scale bench, in a Node process of its own (two
 * backends in one process would share one event loop). Run by
 * measureReplicas through child_process.fork with the TypeScript transform;
 * its one argument is a ReplicaSettings in JSON.
 *
 * Builds the synthetic catalog (same size and seed as the other replicas),
 * starts our backend on the shared PostgreSQL database, reports 'ready',
 * waits for 'go', runs the refresh task and reports how many entities it
 * scored (its own "Scored N entities" log line) and its time.
 */
import { ManualScheduler } from '@roadmap/plugin-maturity-node/testUtils';
import knexFactory from 'knex';
import { OUR_REFRESH_TASK, startOurs } from '../peer/startOurs';
import { syntheticFacts } from '../peer/syntheticFacts';
import { capturingRootLogger } from './capturingRootLogger';
import type {
  FromReplica,
  ReplicaSettings,
  ToReplica,
} from './replicaMessages';
import { trackPeakRss } from '../shared/trackPeakRss';

function send(message: FromReplica) {
  process.send?.(message);
}

async function main() {
  const settings = JSON.parse(process.argv[2]) as ReplicaSettings;
  const rss = trackPeakRss();
  const knex = knexFactory({
    client: 'pg',
    connection: settings.connection,
    pool: { min: 0, max: 10 },
  });
  const catalog = syntheticFacts(settings.size, settings.seed);
  const scheduler = new ManualScheduler();
  const logger = capturingRootLogger();
  const bootStarted = performance.now();
  const { backend } = await startOurs({
    catalog,
    knex,
    scheduler,
    features: [logger.factory],
  });
  const stop = async () => {
    await backend.stop();
    await knex.destroy();
    process.exit(0);
  };
  // The bench is gone: stop rather than hold the database open.
  process.on('disconnect', () => process.exit(1));
  process.on('message', (message: ToReplica) => {
    if (message.type === 'stop') {
      stop().catch(() => process.exit(1));
      return;
    }
    const started = performance.now();
    scheduler.triggerTask(OUR_REFRESH_TASK).then(
      () => {
        const ms = performance.now() - started;
        const summary = logger.lines
          .map(line => /^Scored (\d+) entities in/.exec(line))
          .find(Boolean);
        send({
          type: 'done',
          scored: summary ? Number(summary[1]) : -1,
          ms,
          peakRssMb: rss.stop(),
        });
      },
      error => send({ type: 'error', message: String(error?.stack ?? error) }),
    );
  });
  send({ type: 'ready', bootMs: performance.now() - bootStarted });
}

main().catch(error => {
  send({ type: 'error', message: String(error?.stack ?? error) });
  process.exit(1);
});
