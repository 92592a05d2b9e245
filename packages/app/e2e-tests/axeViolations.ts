import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

/** Axe (WCAG 2.1 A and AA) over one of our screens' own elements. */
export async function axeViolations(page: Page, root: Locator) {
  await root.evaluate(el => el.setAttribute('data-axe-root', ''));
  const result = await new AxeBuilder({ page })
    .include('[data-axe-root]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  await root.evaluate(el => el.removeAttribute('data-axe-root'));
  return result.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3),
  }));
}
