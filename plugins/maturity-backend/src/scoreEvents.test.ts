import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  type EventParams,
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import {
  MATURITY_SCORE_CHANGED_TOPIC,
  type MaturityScoreChangedEventPayload,
} from '@roadmap/plugin-maturity-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import maturityFeatures from './index';

jest.setTimeout(60_000);

/** An adopter's plugin that routes the plugin's events somewhere: here, a list. */
function subscriber(received: EventParams[]) {
  return createBackendPlugin({
    pluginId: 'test-event-subscriber',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'test-maturity-subscriber',
            topics: [MATURITY_SCORE_CHANGED_TOPIC],
            async onEvent(event) {
              received.push(event);
            },
          });
        },
      });
    },
  });
}

describe('score change events', () => {
  let repos: string;
  beforeEach(() => {
    repos = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-events-'));
    fs.cpSync(
      path.join(examplesDir, 'payments-api'),
      path.join(repos, 'payments-api'),
      { recursive: true },
    );
  });
  afterEach(() => fs.rmSync(repos, { recursive: true, force: true }));

  it('publishes exactly one event per stored change, with the level and the checks that changed', async () => {
    const received: EventParams[] = [];
    const { server } = await startTestBackend({
      features: [
        maturityFeatures,
        // Backstage's own events service (the test backend's mock gives each
        // plugin a bus of its own).
        eventsServiceFactory,
        subscriber(received),
        directoryUrlReaderFactory(repos),
        catalogServiceMock.factory({
          entities: [
            demoEntity('payments-api'),
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'payments', namespace: 'default' },
              spec: { type: 'team', children: [] },
            },
          ],
        }),
        mockServices.rootConfig.factory({ data: demoMaturityConfig() }),
      ],
    });
    const refresh = () =>
      request(server)
        .post('/api/maturity/scores/component/default/payments-api/refresh')
        .expect(200);
    const payloads = () =>
      received.map(e => e.eventPayload as MaturityScoreChangedEventPayload);

    const first = await refresh();
    expect(received.map(e => e.topic)).toEqual([MATURITY_SCORE_CHANGED_TOPIC]);
    expect(payloads()[0]).toMatchObject({
      entityRef: 'component:default/payments-api',
      first: true,
      level: { before: null, after: first.body.level },
      levelChange: 'up',
      score: first.body.score,
      noLongerPassing: [],
    });
    expect(payloads()[0].nowPassing).toContain('ci.pipeline');

    // Nothing changed: no new point of history, no event.
    await refresh();
    expect(received).toHaveLength(1);

    // The pipeline is removed: one event, the level drops and says why.
    fs.rmSync(path.join(repos, 'payments-api', '.github', 'workflows'), {
      recursive: true,
    });
    const after = await refresh();
    expect(received).toHaveLength(2);
    const change = payloads()[1];
    expect(change).toMatchObject({
      first: false,
      level: { before: first.body.level, after: after.body.level },
      levelChange: 'down',
      nowPassing: [],
    });
    expect(change.noLongerPassing).toContainEqual({
      checkId: 'ci.pipeline',
      status: 'fail',
    });
    expect(change.snapshotId).not.toBe(payloads()[0].snapshotId);
  });
});
