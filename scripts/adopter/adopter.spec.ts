import { test, expect, type APIRequestContext } from '@playwright/test';

// What an adopter sees after following the plugin READMEs in a fresh app
// (scripts/verify-adopter.sh): the example Component, whose
// backstage.io/source-location is a local copy of examples/repos/payments-api,
// scored from its repository by the installed packages.
const entityPath = 'component/default/payments-api';

async function guestToken(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(res.ok()).toBe(true);
  return (await res.json()).backstageIdentity.token;
}

async function scoreOf(request: APIRequestContext) {
  const token = await guestToken(request);
  let body: any;
  // The backend scores shortly after start, once the catalog has the entity.
  await expect(async () => {
    const res = await request.get(`/api/maturity/scores/${entityPath}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status()).toBe(200);
    body = await res.json();
  }).toPass({ timeout: 180_000, intervals: [2_000] });
  return body;
}

test('the backend scores the example from its repository, with no source reported down', async ({
  request,
}) => {
  const score = await scoreOf(request);
  expect(score.score).toBeGreaterThan(0);
  const { results, sources } = score.detail;
  const status = (id: string) =>
    results.find((r: any) => r.checkId === id)?.status;
  expect(status('ci.tests')).toBe('pass'); // read from the repository
  expect(status('catalog.owner')).toBeDefined();
  // The stock app has the Kubernetes plugin without clusters: not observed
  // here, not an outage of every entity.
  const down = sources.filter((s: any) => s.status !== 'ok');
  expect(down).toEqual([]);
  expect(results.find((r: any) => r.checkId === 'k8s.ready')?.message).toMatch(
    /not observed|not available here/i,
  );
});

test('the templates shipped in the scaffolder module are in the catalog', async ({
  request,
}) => {
  const token = await guestToken(request);
  await expect(async () => {
    const res = await request.get(
      '/api/catalog/entities/by-name/template/default/maturity-fix-gaps',
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(res.status()).toBe(200);
  }).toPass({ timeout: 120_000, intervals: [2_000] });
});

test('the card shows the real score and the roadmap tab the checks', async ({
  page,
  request,
}, testInfo) => {
  const score = await scoreOf(request);
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();

  await page.goto(`/catalog/default/component/payments-api`);
  const card = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Roadmap maturity' })
    .first();
  await expect(card.getByLabel('Score')).toBeVisible({ timeout: 60_000 });
  await expect(card.getByLabel('Score')).toContainText(
    String(Math.round(score.score)),
  );
  await expect(card).not.toContainText('Unavailable');
  await card.screenshot({ path: testInfo.outputPath('adopter-card.png') });

  await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
  await expect(page.getByRole('region', { name: /^Done/ })).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^Pass / }).first(),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('adopter-roadmap.png') });

  await page.goto('/maturity');
  await expect(
    page
      .getByRole('table', { name: 'Services by pillar score' })
      .getByRole('link', { name: 'payments-api' }),
  ).toBeVisible();
});
