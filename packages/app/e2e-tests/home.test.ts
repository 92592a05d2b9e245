import { test, expect } from '@playwright/test';
import { enterAsGuest } from './enterAsGuest';

test('the home page shows the levels of the guest’s team’s services and drills down to the team view', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await enterAsGuest(page);
  await page.goto('/home');
  // The guest belongs to the platform team, which owns three services; the
  // backend scores the demo a few seconds after start.
  const team = page.getByRole('link', { name: 'platform', exact: true });
  await expect(async () => {
    await page.reload();
    await expect(team).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  const item = page.getByRole('listitem').filter({ has: team });
  await expect(item).toContainText(/\d+ services/);
  await expect(
    item.getByRole('img', { name: /^No level yet: \d+/ }),
  ).toBeVisible();
  await expect(page.getByText(/^Last scored /)).toBeVisible();
  // The grid places its widgets with a transition: the finished layout.
  await page.screenshot({
    path: testInfo.outputPath('maturity-home.png'),
    animations: 'disabled',
  });

  await team.click();
  await expect(page).toHaveURL(/\/maturity\/team\/default\/platform$/);
});
