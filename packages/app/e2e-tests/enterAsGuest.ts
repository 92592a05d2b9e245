import { expect, Page } from '@playwright/test';

/** Signs in with the demo's guest provider (a member of the platform team). */
export async function enterAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
