import { test, expect, Page } from '@playwright/test';
import { enterAsGuest } from './enterAsGuest';

// The demo's live half: scripts/e2e.sh starts the demo's real Prometheus
// (generated demo series, the example repositories' rules), as
// scripts/start.sh does, and the backend judges the prom.* checks on it.
const prometheus = process.env.E2E_PROMETHEUS_URL;

/** The Availability check's row on a service's roadmap tab, once judged live. */
async function availability(page: Page, service: string) {
  await page.goto(`/catalog/default/component/${service}/maturity`);
  const check = page.getByRole('button', {
    name: /^(Pass|Fail) Availability ≥ 99\.5%/,
  });
  // The backend scores the demo a few seconds after start.
  await expect(async () => {
    await page.reload();
    await expect(check).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  return check;
}

test('the demo judges the prom.* checks on its real Prometheus, with the PromQL as evidence, and Prometheus holds the maturity metrics', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  expect(
    prometheus,
    'E2E_PROMETHEUS_URL: run the e2e test with scripts/e2e.sh, which starts the demo Prometheus',
  ).toBeTruthy();
  await enterAsGuest(page);

  // Three services, as their generated series tell it: payments-api and
  // search-api always up, ledger-worker down for three hours two days ago.
  const expected = {
    'payments-api': 'Pass',
    'search-api': 'Pass',
    'ledger-worker': 'Fail',
  };
  for (const [service, verdict] of Object.entries(expected)) {
    const check = await availability(page, service);
    await expect(check).toHaveAccessibleName(new RegExp(`^${verdict} `));
    await check.focus();
    await page.keyboard.press('Enter');
    const evidence = page.getByRole('list', { name: 'Evidence' });
    await expect(
      evidence.locator('code').filter({ hasText: /avg_over_time|up\{/ }),
    ).toBeVisible();
    // The value Prometheus answered, on the side of the threshold the
    // verdict says.
    const note = await evidence.getByRole('listitem').first().innerText();
    const percent = Number(/([\d.]+)% of scrapes up over 7d/.exec(note)?.[1]);
    expect(percent >= 99.5 ? 'Pass' : 'Fail').toBe(verdict);
    if (service === 'ledger-worker') {
      // Finished, not mid-way through the panel's opening transition.
      await expect(evidence).toBeInViewport({ ratio: 1 });
      await page.screenshot({
        path: testInfo.outputPath('maturity-live-evidence.png'),
        animations: 'disabled',
      });
    }
  }
  await expect(
    page.getByRole('button', { name: /^Pass Scraped by Prometheus/ }),
  ).toBeVisible();

  // The backend's own metrics, scraped by the same Prometheus (every 15 s).
  await expect(async () => {
    const response = await request.get(`${prometheus}/api/v1/query`, {
      params: {
        query:
          'maturity_entity_level{entity_ref="component:default/payments-api"}',
      },
    });
    expect(response.ok()).toBe(true);
    const body = await response.json();
    expect(body.data.result).toHaveLength(1);
    expect(Number(body.data.result[0].value[1])).toBeGreaterThanOrEqual(0);
  }).toPass({ timeout: 90_000, intervals: [2_000] });
});
