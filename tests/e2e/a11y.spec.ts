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

test('the check itself reports a violation when there is one (an image without alt text, an unlabelled field)', async ({
  page,
}) => {
  await page.goto('/nl/');
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><input type="text">');
  });
  const found = (await axeViolations(page)).map((v) => v.split(':')[0]);
  expect(found).toEqual(expect.arrayContaining(['image-alt', 'label']));
});
