import { expect, test } from '@playwright/test';

// Every page "served in its own language" (status, lang and dir, one h1, its own translation,
// canonical and hreflang, the helplines, no request to another host) is checked in a11y.spec.ts,
// on the same page load as axe: see `expectServedInOwnLanguage` in site.ts.

test('an unknown path gets a 404 page in the language of its locale, with the helplines', async ({ page }) => {
  const response = await page.goto('/fr/does-not-exist/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('main a[href="tel:1712"]')).toBeVisible();
  await expect(page.locator('main a[href="tel:112"]')).toBeVisible();
});

test('an unknown path outside any locale speaks the browser’s language', async ({ browser }) => {
  const context = await browser.newContext({
    locale: 'ar-MA',
    extraHTTPHeaders: { 'Accept-Language': 'ar-MA,ar;q=0.9' },
  });
  const page = await context.newPage();
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await context.close();
});

test('GET /healthz answers 200 with a JSON status', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(await response.json()).toMatchObject({ status: 'ok' });
});
