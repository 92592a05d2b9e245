import { test, expect, Page } from '@playwright/test';
import { enterAsGuest } from './enterAsGuest';

/** The roll-up card on an entity's page, once it shows a level. */
async function openRollupCard(page: Page, path: string) {
  await page.goto(path);
  const card = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Roadmap maturity' })
    .first();
  // The backend scores the demo on start, a parent again after its
  // children's levels are stored: reload until the card shows a level.
  await expect(async () => {
    await page.reload();
    await expect(card.getByLabel('Score')).toBeVisible({ timeout: 5_000 });
    await expect(card.getByText(/^(Bronze|Silver|Gold)$/).first()).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 90_000 });
  return card;
}

test('a System page and a Domain page show their own level and their children’s', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await enterAsGuest(page);

  // The payments system: its own checks, then its components with links.
  const system = await openRollupCard(page, '/catalog/default/system/payments');
  await expect(system.getByRole('list', { name: 'Own checks' })).toContainText(
    'Every one of its components scored',
  );
  const components = system.getByRole('list', { name: 'Components' });
  await expect(
    components.getByRole('link', { name: 'payments-api' }),
  ).toBeVisible();
  await expect(
    components.getByRole('link', { name: 'legacy-billing' }),
  ).toBeVisible();
  await system.scrollIntoViewIfNeeded();
  await system.screenshot({
    path: testInfo.outputPath('maturity-system.png'),
    animations: 'disabled',
  });

  // The commerce domain, over its systems.
  const domain = await openRollupCard(page, '/catalog/default/domain/commerce');
  const systems = domain.getByRole('list', { name: 'Systems' });
  await expect(systems.getByRole('link', { name: 'payments' })).toBeVisible();
  await expect(systems.getByRole('link', { name: 'storefront' })).toBeVisible();
  await domain.scrollIntoViewIfNeeded();
  await domain.screenshot({
    path: testInfo.outputPath('maturity-domain.png'),
    animations: 'disabled',
  });

  // A child's link leads to its page.
  await systems.getByRole('link', { name: 'payments' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/system\/payments$/);
});
