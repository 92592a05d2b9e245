import { test, expect, Locator, Page } from '@playwright/test';
import { axeViolations } from './axeViolations';
import { enterAsGuest } from './enterAsGuest';

/** checkout-web's page, once its maturity card shows a score. */
async function openMaturityCard(page: Page): Promise<Locator> {
  await page.goto('/catalog/default/component/checkout-web');
  const card = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Roadmap maturity' })
    .first();
  // The backend scores the demo on start: reload until the score is there.
  await expect(async () => {
    await page.reload();
    await expect(card.getByLabel('Score')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  return card;
}

/**
 * The header words and the numbers in a table that the layout split across
 * two lines ("Sc|ore", "10|0"): each one's text range must sit on one line.
 * (A service name may still wrap after a hyphen.)
 */
async function wordsSplitAcrossLines(table: Locator): Promise<string[]> {
  return table.evaluate(root => {
    const split: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const inHeader = Boolean(node.parentElement?.closest('thead'));
      for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
        if (!inHeader && !/^\d+$/.test(word[0])) continue;
        const range = document.createRange();
        range.setStart(node, word.index!);
        range.setEnd(node, word.index! + word[0].length);
        const lines = new Set(
          [...range.getClientRects()].map(r => Math.round(r.top)),
        );
        if (lines.size > 1) split.push(word[0]);
      }
    }
    return split;
  });
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

  // Open the first Component's page. The catalog lists every component
  // until the guest's ownership loads, then only the owned ones (a name read
  // before that may be gone): wait for the owned list, and click the link by
  // its name, so that the page opened is the one named.
  await expect(
    page.getByRole('heading', { level: 2, name: /^Owned Components \(\d+\)$/ }),
  ).toBeVisible();
  const name = (await table.getByRole('link').first().textContent())!.trim();
  await table.getByRole('link', { name, exact: true }).first().click();
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
  // The header, the 12 demo Components and the 10 Systems, Domain and Groups
  // scored in their own right.
  await expect(scores.getByRole('row')).toHaveCount(23);
  // headers and numbers wrap between words only
  expect(await wordsSplitAcrossLines(scores)).toEqual([]);
  await page.screenshot({
    path: testInfo.outputPath('maturity.png'),
    fullPage: true,
  });
});

test('a service owner sees the maturity card and roadmap, fixes a gap, and a team lead filters by team', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await enterAsGuest(page);

  // The card on a Component page, with real scores from examples/repos,
  // where its owner sees it without scrolling (app.extensions puts it first).
  const card = await openMaturityCard(page);
  await expect(card.getByText('Bronze', { exact: true })).toBeVisible();
  const steps = card.getByRole('list', { name: 'Next steps' });
  await expect(steps.getByRole('listitem')).toHaveCount(3);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(card.getByLabel('Score')).toBeInViewport({ ratio: 1 });
  await expect(steps.getByRole('listitem').first()).toBeInViewport({
    ratio: 1,
  });
  await page.screenshot({ path: testInfo.outputPath('maturity-card.png') });

  // The roadmap tab: done / next / later with evidence.
  await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
  await expect(page).toHaveURL(/\/maturity$/);
  await expect(page.getByRole('region', { name: /^Done/ })).toBeVisible();
  await expect(
    page.getByRole('region', { name: /^Next: Silver/ }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('maturity-roadmap.png'),
    fullPage: true,
  });
  const pipeline = page.getByRole('button', { name: /^Pass CI pipeline/ });
  await pipeline.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('list', { name: 'Evidence' }).getByRole('link').first(),
  ).toBeVisible();

  // "Fix it" lands on the pre-filled template.
  await page.goto('/catalog/default/component/checkout-web');
  const fix = card.getByRole('link', { name: /^Fix it: / }).first();
  const href = (await fix.getAttribute('href'))!;
  const formData = JSON.parse(
    new URL(href, 'http://portal').searchParams.get('formData')!,
  );
  expect(formData.entityRef).toBe('component:default/checkout-web');
  await fix.click();
  await expect(page).toHaveURL(/\/create\/templates\/default\/maturity-/);
  await expect(
    page
      .getByText('component:default/checkout-web')
      .or(page.getByRole('combobox').filter({ hasText: 'checkout-web' }))
      .or(page.locator('input[value*="checkout-web"]'))
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('maturity-fix-it.png') });

  // The overview filtered by a team, then the team view.
  await page.goto('/maturity');
  const scores = page.getByRole('table', { name: 'Services by pillar score' });
  await expect(scores.getByRole('link', { name: 'payments-api' })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: /payments/ }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/owner=group%3Adefault%2Fpayments/);
  // The team's three services and its System.
  await expect(scores.getByRole('row')).toHaveCount(5);
  await expect(scores.getByRole('link', { name: 'search-api' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Team view' }).click();
  await expect(page).toHaveURL(/\/maturity\/team\/default\/payments$/);
  const team = page.getByRole('table', { name: 'Services of the team' });
  await expect(team.getByRole('link', { name: 'payments-api' })).toBeVisible();
  // The team's three services (and what else it owns that is scored).
  expect(await team.getByRole('row').count()).toBeGreaterThanOrEqual(4);
  expect(await wordsSplitAcrossLines(team)).toEqual([]);
  await page.screenshot({
    path: testInfo.outputPath('maturity-team.png'),
    fullPage: true,
  });
});

test('the maturity card, roadmap tab and overview pass axe (WCAG 2.1 AA)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await enterAsGuest(page);

  const card = await openMaturityCard(page);
  expect(await axeViolations(page, card)).toEqual([]);

  await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
  const done = page.getByRole('region', { name: /^Done/ });
  await expect(done).toBeVisible();
  // The tab's content: Backstage's <Content> article around our grid.
  const roadmap = done.locator('xpath=ancestor::article[1]');
  expect(await axeViolations(page, roadmap)).toEqual([]);

  await page.goto('/maturity');
  const scores = page.getByRole('table', { name: 'Services by pillar score' });
  await expect(scores.getByRole('link', { name: 'payments-api' })).toBeVisible({
    timeout: 30_000,
  });
  const overview = scores.locator('xpath=ancestor::article[1]');
  expect(await axeViolations(page, overview)).toEqual([]);
});
