import { test, expect, Page } from '@playwright/test';

async function enterAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

test('a guest browses the catalog, a component and the maturity page', async ({
  page,
}, testInfo) => {
  await enterAsGuest(page);

  // The demo catalog from examples/ is loaded and listed.
  await page.getByRole('link', { name: 'Catalog', exact: true }).click();
  // The guest belongs to the platform team: its services are listed first.
  const table = page.getByRole('table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('catalog.png') });

  // Open the first Component's page.
  const firstLink = table.getByRole('link').first();
  const name = (await firstLink.textContent())!.trim();
  await firstLink.click();
  await expect(
    page.getByRole('heading', { name, exact: false }).first(),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('component.png') });

  // The maturity overview page is reachable from the sidebar.
  await page.getByRole('link', { name: 'Maturity', exact: true }).click();
  await expect(page).toHaveURL(/\/maturity$/);
  await expect(
    page.getByRole('heading', { name: 'Roadmap Maturity' }),
  ).toBeVisible();
  // The backend scores the demo services a few seconds after start.
  const scores = page.getByRole('table', { name: 'Services by pillar score' });
  await expect(async () => {
    await page.reload();
    await expect(
      scores.getByRole('link', { name: 'payments-api' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(scores.getByRole('row')).toHaveCount(13);
  await page.screenshot({
    path: testInfo.outputPath('maturity.png'),
    fullPage: true,
  });
});
