import { expect, test } from '@playwright/test';
import { ALL_ROUTES, LOCALE_INFO, LOCALES } from './site.ts';

for (const { locale, page, path } of ALL_ROUTES) {
  test(`${path} is served in its own language`, async ({ page: tab, baseURL }) => {
    const foreign: string[] = [];
    tab.on('request', (r) => {
      if (!r.url().startsWith(`${baseURL}/`)) foreign.push(r.url());
    });
    const response = await tab.goto(path);
    expect(response?.status()).toBe(200);

    const html = tab.locator('html');
    await expect(html).toHaveAttribute('lang', LOCALE_INFO[locale].htmlLang);
    await expect(html).toHaveAttribute('dir', LOCALE_INFO[locale].dir);
    await expect(tab.locator('h1')).toHaveCount(1);
    await expect(tab.locator('h1')).not.toBeEmpty();
    // The page's own translation, not the Dutch fallback.
    await expect(tab.locator('[data-notice="fallback"]')).toHaveCount(0);
    await expect(tab.locator('[data-notice="unchecked"]')).toHaveCount(locale === 'nl' ? 0 : 1);

    await expect(tab.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${path}$`));
    const hreflangs = await tab.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href') ?? '').pathname}`),
    );
    const slug = page === 'home' ? '' : `${page}/`;
    expect(hreflangs.sort()).toEqual(
      [...LOCALES.map((l) => `${LOCALE_INFO[l].htmlLang} /${l}/${slug}`), `x-default /nl/${slug}`].sort(),
    );

    // The helplines are on every page, as tel: links.
    for (const number of ['1712', '101', '112']) {
      await expect(tab.locator(`[data-safety-bar] a[href="tel:${number}"]`)).toBeVisible();
    }
    expect(foreign).toEqual([]);
  });
}

test('an unknown path gets a 404 page in the language of its locale, with the helplines', async ({ page }) => {
  const response = await page.goto('/fr/does-not-exist/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('main a[href="tel:1712"]')).toBeVisible();
  await expect(page.locator('main a[href="tel:112"]')).toBeVisible();
});

test('an unknown path outside any locale speaks the browser’s language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ar-MA', extraHTTPHeaders: { 'Accept-Language': 'ar-MA,ar;q=0.9' } });
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
