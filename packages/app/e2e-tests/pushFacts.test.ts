import { test, expect } from '@playwright/test';

// Backstage's real auth service and external access (a static token of
// app-config.e2e.yaml, limited to maturity.facts.write), as a CI job pushes.
const TOKEN = 'e2e-ci-push-token-not-a-secret';
const REF = 'component:default/payments-api';

test('a CI token pushes facts through the real external access, and may do nothing else', async ({
  request,
}) => {
  const observedAt = new Date().toISOString();
  const body = {
    provenance: { source: 'e2e-ci', commit: 'abcdef1234567' },
    // A fact the demo service already shows: the push confirms it.
    facts: [
      { entityRef: REF, id: 'repository.ci.pipeline', value: true, observedAt },
    ],
  };
  await expect(async () => {
    const pushed = await request.post('/api/maturity/facts', {
      headers: { authorization: `Bearer ${TOKEN}` },
      data: body,
    });
    expect(pushed.status()).toBe(200);
    const answer = await pushed.json();
    expect(answer.accepted + answer.ignoredAsOlder).toBe(1);
    expect(answer.entities).toEqual([
      expect.objectContaining({ entityRef: REF }),
    ]);
  }).toPass({ timeout: 60_000 });

  // Without a token: 401. A wrong token: 401.
  expect(
    (await request.post('/api/maturity/facts', { data: body })).status(),
  ).toBe(401);
  expect(
    (
      await request.post('/api/maturity/facts', {
        headers: { authorization: 'Bearer not-the-token' },
        data: body,
      })
    ).status(),
  ).toBe(401);
  // The token is limited to pushing: it may not read or refresh scores.
  const read = await request.get(
    '/api/maturity/scores/component/default/payments-api',
    { headers: { authorization: `Bearer ${TOKEN}` } },
  );
  expect([403, 404]).toContain(read.status());
  const refresh = await request.post(
    '/api/maturity/scores/component/default/payments-api/refresh',
    { headers: { authorization: `Bearer ${TOKEN}` } },
  );
  expect([403, 404]).toContain(refresh.status());
});
