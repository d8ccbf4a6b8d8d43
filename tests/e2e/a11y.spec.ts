import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { EMBED_ROUTES, LOCALES } from './site.ts';

// Every page of the site is checked by axe in crawl.spec.ts (with its budget and language, on
// one load). Here: what the crawl does not load.
const targets = [
  ...EMBED_ROUTES.map((r) => r.path), // the players partner sites frame
  ...LOCALES.map((l) => `/${l}/this-page-does-not-exist/`), // the 404 page in each language
];

for (const path of targets) {
  test(`axe finds no WCAG 2.2 AA violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('axe finds no violation on a phone-sized screen, in Dutch and Arabic', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/nl/', '/ar/', '/ber/families/']) {
    await page.goto(path);
    expect((await axeViolations(page)).map((v) => `${path} ${v}`)).toEqual([]);
  }
});
