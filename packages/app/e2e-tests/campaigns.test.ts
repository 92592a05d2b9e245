import { test, expect } from '@playwright/test';
import { axeViolations } from './axeViolations';
import { enterAsGuest } from './enterAsGuest';
import fs from 'node:fs';
import path from 'node:path';

// The platform team's first roadmap document (../shared/seeds beside the
// repository, as in CI).
function seedRoadmap(): string {
  const tried: string[] = [];
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const seeds = path.join(dir, 'shared', 'seeds');
    tried.push(seeds);
    if (fs.existsSync(seeds)) {
      const file = fs.readdirSync(seeds).find(f => f.startsWith('000'));
      if (file) return fs.readFileSync(path.join(seeds, file), 'utf8');
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`No seed roadmap 000 in ${tried.join(', ')}`);
    }
  }
}

test('a team lead imports a roadmap as a campaign and follows it; an exemption is requested, approved and revoked, and the owner is told of the regression', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await enterAsGuest(page);

  // The demo's campaign kept as code is listed with its state.
  await page.goto('/maturity/campaigns');
  await expect(
    page.getByRole('link', {
      name: 'Payments and search reach Silver by 31 March',
    }),
  ).toBeVisible();
  expect(await axeViolations(page, page.locator('article').first())).toEqual(
    [],
  );

  // Seed roadmap 000 becomes a proposed campaign, reviewed, then created.
  await page.goto('/maturity/campaigns/import');
  await page.getByLabel('Roadmap (Markdown)').fill(seedRoadmap());
  await page.getByRole('button', { name: 'Propose a campaign' }).click();
  await expect(page.getByText('What the import found')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Items not mapped' }),
  ).toBeVisible();
  await page.getByLabel('Owner (the team running it)').click();
  await page
    .getByRole('option', { name: /platform/i })
    .first()
    .click();
  await page.getByRole('combobox', { name: 'Kinds' }).fill('Component');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Create campaign' }).click();

  // Its detail: phases with their forecast, the burn-up, the services.
  await expect(page).toHaveURL(/\/maturity\/campaigns\/[^/]+$/);
  await expect(
    page.getByRole('table', { name: 'Phases and forecast' }),
  ).toBeVisible();
  await expect(page.getByText('Burn-up').first()).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Services in scope' })
      .getByRole('link', { name: 'payments-api' }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('maturity-campaign.png'),
    fullPage: true,
  });
  expect(await axeViolations(page, page.locator('article').first())).toEqual(
    [],
  );

  // The platform team's data-exporter: request an exemption on a failing check.
  await page.goto('/catalog/default/component/data-exporter/maturity');
  const request = page
    .getByRole('button', { name: /^Request exemption: / })
    .first();
  // Open checks show their details (and the button) when expanded.
  await page
    .getByRole('button', { name: /^Fail / })
    .first()
    .click();
  await expect(request).toBeVisible();
  const check = (await request.getAttribute('aria-label'))!.replace(
    /^Request exemption: /,
    '',
  );
  await request.click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel('Reason')
    .fill('A batch exporter with no users; replaced in Q2.');
  await dialog.getByRole('button', { name: 'Request exemption' }).click();
  await expect(page.getByText('Exemption requested').first()).toBeVisible();

  // An approver approves it: the check is waived at once.
  await page.goto('/maturity/exemptions');
  const waiting = page.getByRole('row').filter({ hasText: check });
  await waiting.getByRole('button', { name: /^Approve/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Approve/ })
    .click();
  const inForce = page.getByRole('table', {
    name: 'Approved exemptions in force',
  });
  await expect(
    inForce.getByRole('row').filter({ hasText: check }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('maturity-exemptions.png'),
    fullPage: true,
  });
  expect(await axeViolations(page, page.locator('article').first())).toEqual(
    [],
  );

  // Revoked, the check fails again: a regression, told to the owning team
  // (the guest is a member of platform) in the portal's notifications.
  await inForce
    .getByRole('row')
    .filter({ hasText: check })
    .getByRole('button', { name: /^Revoke/ })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Revoke/ })
    .click();
  await expect(async () => {
    await page.goto('/notifications');
    await expect(
      page.getByText(`data-exporter now fails ${check}`).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await page.screenshot({
    path: testInfo.outputPath('maturity-notification.png'),
  });
});
