import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { LOCALE_INFO, type Locale } from './site.ts';

/** Per locale: what a visitor types in the header box, and a page it must find. */
const CASES: [Locale, string, string][] = [
  ['nl', 'beroepsgeheim', '/nl/professionals/#faq-1'],
  ['ar', 'السر المهني', '/ar/professionals/#faq-1'],
  ['ber', 'ttarix', '/ber/safety/'],
  ['en', 'professional secrecy', '/en/professionals/#faq-1'],
  ['fr', 'secret professionnel', '/fr/professionals/#faq-1'],
  ['de', 'Berufsgeheimnis', '/de/professionals/#faq-1'],
];

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const [locale, q, expected] of CASES) {
    test(`${locale}: the header search box finds ${expected}, and the query stays out of the title`, async ({
      page,
    }) => {
      const hosts = new Set<string>();
      page.on('request', (r) => hosts.add(new URL(r.url()).host));
      await page.goto(`/${locale}/about/`);
      const box = page.locator('header').getByRole('searchbox');
      await expect(box).toHaveAccessibleName(/.+/);
      await box.fill(q);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/search/')),
        box.press('Enter'),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['cache-control']).toBe('no-store');
      const url = new URL(page.url());
      expect(url.pathname).toBe(`/${locale}/search/`);
      expect(url.searchParams.get('q')).toBe(q);
      await expect(page.locator('html')).toHaveAttribute('lang', LOCALE_INFO[locale].htmlLang);
      await expect(page.locator('html')).toHaveAttribute('dir', LOCALE_INFO[locale].dir);
      const title = await page.title();
      for (const word of q.split(' ')) expect(title).not.toContain(word);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      // The result is a link to the page; the matched words are marked.
      const results = page.locator('[data-search-results] a[data-result-url]');
      const hrefs = (await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).slice(0, 3);
      expect(hrefs).toContain(expected);
      await expect(page.locator('[data-search-results] mark').first()).toBeVisible();
      // The field keeps the words, to change them; the helplines are still on screen.
      await expect(page.locator('#search-q')).toHaveValue(q);
      await expect(page.locator('[data-safety-bar]')).toBeInViewport();
      // Nothing went anywhere but this site.
      expect([...hosts]).toEqual([new URL(page.url()).host]);
      // Following a result opens the page.
      await results.filter({ hasText: /./ }).first().click();
      await expect(page).not.toHaveURL(/\/search\//);
    });
  }

  test('Arabic: the search box is right to left', async ({ page }) => {
    await page.goto('/ar/');
    const form = page.locator('header form[role="search"]');
    expect(await form.evaluate((f) => getComputedStyle(f).direction)).toBe('rtl');
    const box = form.getByRole('searchbox');
    await box.fill('حماية');
    expect(await box.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  });
});

test('the header search box is reached with the keyboard and submits with Enter', async ({ page }) => {
  await page.goto('/fr/');
  await page.locator('header').getByRole('searchbox').focus();
  await page.keyboard.type('sécurité');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/fr\/search\/\?q=s%C3%A9curit%C3%A9$/);
  // Tab from the field reaches the button, then leaves the form.
  await page.locator('#search-q').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('main button[type="submit"]')).toBeFocused();
});

test('a crisis word puts 1712, 101 and 112 first', async ({ page }) => {
  for (const [locale, q] of [
    ['nl', 'geweld'],
    ['ar', 'حماية'],
    ['en', 'help'],
    ['ber', 'lɛunf'],
  ] as const) {
    await page.goto(`/${locale}/search/?q=${encodeURIComponent(q)}`);
    const crisis = page.locator('main [data-search-crisis]');
    await expect(crisis).toBeVisible();
    const numbers = await crisis.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(numbers).toEqual(['tel:1712', 'tel:101', 'tel:112']);
    // Before any result.
    const order = await page.evaluate(() => {
      const c = document.querySelector('main [data-search-crisis]')!;
      const r = document.querySelector('main [data-search-results], main [data-search-none]')!;
      return c.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
  }
  await page.goto('/nl/search/?q=beroepsgeheim');
  await expect(page.locator('main [data-search-crisis]')).toHaveCount(0);
});

test('with no result in the locale, the page says so and offers the Dutch results', async ({ page }) => {
  await page.goto('/ber/search/?q=beroepsgeheim');
  await expect(page.locator('[data-search-none]')).toBeVisible();
  const dutch = page.locator('[data-search-dutch]');
  await expect(dutch).toHaveAttribute('lang', 'nl');
  expect(await dutch.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain(
    '/nl/professionals/#faq-1',
  );
  await page.goto('/en/search/?q=xqzzyvw');
  await expect(page.locator('[data-search-none]')).toHaveText('Nothing found in English.');
  await expect(page.locator('[data-search-dutch]')).toHaveCount(0);
});

test.describe('bad input gets an answer, never an error', () => {
  test('empty and whitespace: a prompt', async ({ request, page }) => {
    for (const q of ['', '%20%20%09']) {
      const r = await request.get(`/nl/search/?q=${q}`);
      expect(r.status()).toBe(200);
    }
    await page.goto('/nl/search/');
    await expect(page.locator('[data-search-prompt]')).toContainText('Typ een woord');
    await expect(page.locator('[data-search-results]')).toHaveCount(0);
  });

  test('over 200 characters: a clear message in the language, a 400', async ({ page }) => {
    const long = 'geweld '.repeat(40); // 280 characters
    const r = await page.goto(`/de/search/?q=${encodeURIComponent(long)}`);
    expect(r!.status()).toBe(400);
    expect(r!.headers()['cache-control']).toBe('no-store');
    await expect(page.locator('[data-search-error]')).toContainText('zu lang');
    await expect(page.locator('#search-q')).toHaveAttribute('aria-invalid', 'true');
  });

  test('markup and control characters are shown as text, never as markup', async ({ page }) => {
    const q = '"><script>alert(1)</script><img src=x onerror=alert(2)>\u0007\u202e';
    let dialog = false;
    page.on('dialog', (d) => {
      dialog = true;
      void d.dismiss();
    });
    const r = await page.goto(`/nl/search/?q=${encodeURIComponent(q)}`);
    expect(r!.status()).toBe(200);
    const html = await r!.text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for the BEL it sent
    expect(html).not.toMatch(/[\u0007\u202e]/);
    await expect(page.locator('#search-q')).toHaveValue('"><script>alert(1)</script><img src=x onerror=alert(2)>');
    await expect(page.locator('main img')).toHaveCount(0);
    expect(dialog).toBe(false);
  });

  test('any language, page number or encoding: 2xx or 4xx, never 5xx', async ({ request }) => {
    const paths = [
      '/xx/search/?q=geweld',
      '/NL/search/?q=geweld',
      '/%00/search/?q=a',
      '/nl/search/?q=%E0%A4%A',
      '/nl/search/?q=%FF',
      '/nl/search/?q=a&q=b',
      '/nl/search/?q[]=a',
      '/nl/search/?p=-1&q=geweld',
      '/nl/search/?p=99999999999999999999&q=geweld',
      `/nl/search/?q=${encodeURIComponent('*?+[(){}|\\^$.')}`,
      `/ar/search/?q=${encodeURIComponent('\u0640\u0640\u064b')}`,
      `/ber/search/?q=${encodeURIComponent('ɛɣḥ'.repeat(66))}`,
    ];
    for (const path of paths) {
      const r = await request.get(path);
      expect(r.status(), path).toBeLessThan(500);
    }
    const post = await request.post('/nl/search/?q=geweld', { form: { q: 'x' } });
    expect(post.status()).toBeLessThan(500);
  });
});

const AXE_PATHS = [
  '/nl/search/?q=geweld',
  '/ar/search/?q=%D8%AD%D9%85%D8%A7%D9%8A%D8%A9',
  '/ber/search/?q=beroepsgeheim',
  '/nl/search/',
  `/en/search/?q=${'x'.repeat(201)}`,
];
for (const path of AXE_PATHS) {
  test(`axe finds no WCAG 2.2 AA violation on ${path.slice(0, 40)}`, async ({ page }) => {
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('axe finds no violation on the Arabic results on a phone-sized screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/ar/search/?q=%D8%AD%D9%85%D8%A7%D9%8A%D8%A9');
  expect(await axeViolations(page)).toEqual([]);
});

test('search pages are not in the sitemap', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).not.toContain('/search/');
});
