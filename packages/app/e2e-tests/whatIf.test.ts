import { test, expect } from '@playwright/test';
import { axeViolations } from './axeViolations';
import { enterAsGuest } from './enterAsGuest';

test('the rubric’s what-if panel shows the levels before and after a proposed change, from the demo’s stored facts', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await enterAsGuest(page);
  await page.goto('/maturity');
  const panel = page.getByRole('region', { name: 'What if…' });
  await expect(panel).toBeVisible({ timeout: 60_000 });

  await panel.getByRole('button', { name: 'Add a change' }).click();
  // A new change starts on the rubric's first check, the CI pipeline.
  const change = panel.getByRole('group', { name: 'Change 1: CI pipeline' });
  await expect(change).toBeVisible();
  // Stop counting a Bronze check: services it held back move up.
  await change.getByRole('checkbox', { name: 'Counts (enabled)' }).uncheck();

  const counts = panel.getByRole('table', {
    name: 'Services per level, now and with the changes',
  });
  // The demo is scored a few seconds after start: until then nothing is stored.
  await expect(async () => {
    await panel.getByRole('button', { name: 'Run the what-if' }).click();
    await expect(counts.getByRole('row', { name: /^Bronze/ })).toBeVisible({
      timeout: 5_000,
    });
    // Something was stored to evaluate: never "0 services evaluated".
    await expect(
      panel.getByText(
        /^(No service would change level|\d+ services? of \d+ would change level)/,
      ),
    ).toBeVisible({
      timeout: 2_000,
    });
    await expect(panel.getByText(/\(0 services evaluated/)).toHaveCount(0);
  }).toPass({ timeout: 90_000 });

  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({
    path: testInfo.outputPath('maturity-what-if.png'),
    animations: 'disabled',
  });
  expect(await axeViolations(page, panel)).toEqual([]);
});
