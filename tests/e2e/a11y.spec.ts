import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ALL_ROUTES, EMBED_ROUTES, EXTRA_ROUTES, LOCALES, expectServedInOwnLanguage } from './site.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// The main pages: served in their own language, then axe, on one page load.
for (const route of ALL_ROUTES) {
  test(`${route.path} is served in its own language, and axe finds no WCAG 2.2 AA violation`, async ({ page, baseURL }) => {
    await expectServedInOwnLanguage(page, route, baseURL!);
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
  });
}

const targets = [
  ...EXTRA_ROUTES.map((r) => r.path),
  ...EMBED_ROUTES.map((r) => r.path),
  ...LOCALES.map((l) => `/${l}/this-page-does-not-exist/`), // the 404 page in each language
];

for (const path of targets) {
  test(`axe finds no WCAG 2.2 AA violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
  });
}

test('axe finds no violation on a phone-sized screen, in Dutch and Arabic', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/nl/', '/ar/', '/ber/families/']) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}`)).toEqual([]);
  }
});
