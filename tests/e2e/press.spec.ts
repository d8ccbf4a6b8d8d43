import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ALL_ROUTES, CAMPAIGNS, EXTRA_ROUTES, LOCALES, LOCALE_INFO } from './site.ts';

test('every figure on the press page says the year it is about, its source in the page language and when it was looked up', async ({
  page,
}) => {
  type Fact = {
    id: string;
    period: { year: number } | { from: number; to: number } | null;
    source: Record<string, string>;
    sourceYear?: number;
  };
  const facts = JSON.parse(readFileSync('content/facts.json', 'utf8')) as Fact[];
  for (const locale of LOCALES) {
    await page.goto(`/${locale}/press/`);
    await expect(page.locator('[data-fact]')).toHaveCount(facts.length);
    for (const f of facts) {
      const item = page.locator(`[data-fact="${f.id}"]`);
      const period = (await item.locator('[data-fact-period]').textContent())!;
      if (f.period === null)
        expect(period, `${locale} ${f.id}`).not.toMatch(/\d/); // "not stated in the source"
      else expect(period).toContain('year' in f.period ? String(f.period.year) : `${f.period.from}–${f.period.to}`);
      const source = (await item.locator('[data-fact-source]').textContent())!;
      expect(source, `${locale} ${f.id}`).toContain(f.source[locale]!);
      if (f.sourceYear) expect(source).toContain(String(f.sourceYear));
      await expect(item.locator('[data-fact-checked]')).toContainText('2026');
    }
  }
  // "2013 · 2010" no longer stands unexplained: the figure is about 2007–2010, the source is of 2013.
  await page.goto('/nl/press/');
  const doubled = page.locator('[data-fact="reports-doubled"]');
  await expect(doubled.locator('[data-fact-period]')).toHaveText('Cijfer over 2007–2010');
  await expect(doubled.locator('[data-fact-source]')).toContainText('(bron uit 2013)');
  const families = (await page.locator('[data-fact="families-per-year"]').textContent())!;
  expect(families.match(/ongeveer/g) ?? []).toHaveLength(1);
  await expect(page.locator('[data-fact="families-per-year"] [data-fact-period]')).toHaveText(
    'Jaar van het cijfer: niet vermeld in de bron',
  );
});

async function parseXml(page: import('@playwright/test').Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName };
  }, xml);
}

test('each language has a valid RSS feed listing its news, linked from the press page', async ({ page, request }) => {
  await page.goto('/nl/');
  for (const locale of LOCALES) {
    const response = await request.get(`/${locale}/press/rss.xml`);
    expect(response.status()).toBe(200);
    const xml = await response.text();
    expect(await parseXml(page, xml)).toEqual({ error: null, root: 'rss' });
    expect(xml).toContain(`<language>${LOCALE_INFO[locale].htmlLang}</language>`);
    expect((xml.match(/<item>/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(xml).toContain(`/${locale}/press/#news-`);
  }
  await page.goto('/fr/press/');
  await expect(page.locator('a[href="/fr/press/rss.xml"]')).toBeVisible();
});

test('the press pages of every language announce their own feed in the head, for feed readers', async ({
  page,
  request,
}) => {
  for (const locale of LOCALES) {
    for (const path of [`/${locale}/press/`, `/${locale}/press/facts/`]) {
      await page.goto(path);
      const links = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
      await expect(links, path).toHaveCount(1);
      expect(await links.getAttribute('title'), path).toMatch(/\S/);
      // A feed reader resolves the address against the page, as the browser does here.
      const href = await links.evaluate((l: HTMLLinkElement) => l.href);
      expect(new URL(href).pathname, path).toBe(`/${locale}/press/rss.xml`);
      const feed = await request.get(new URL(href).pathname);
      expect(feed.status(), href).toBe(200);
      const xml = await feed.text();
      expect(await parseXml(page, xml)).toEqual({ error: null, root: 'rss' });
      expect(xml, href).toContain(`<language>${LOCALE_INFO[locale].htmlLang}</language>`);
    }
  }
  // Pages that list no news announce no feed.
  await page.goto('/nl/families/');
  await expect(page.locator('link[type="application/rss+xml"]')).toHaveCount(0);
});

test('the sitemap is valid XML and lists every page in every language with its alternates', async ({
  page,
  request,
}) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  await page.goto('/nl/');
  expect(await parseXml(page, xml)).toEqual({ error: null, root: 'urlset' });
  for (const { path } of [...ALL_ROUTES, ...EXTRA_ROUTES]) expect(xml).toContain(`${path}</loc>`);
  const urls = xml.match(/<url>/g)?.length ?? 0;
  expect(urls).toBe(ALL_ROUTES.length + EXTRA_ROUTES.length);
  expect(xml.match(/hreflang="x-default"/g)?.length).toBe(urls);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
});

test('each campaign page in each language has its own Open Graph image, served as a PNG', async ({ page, request }) => {
  const seen = new Set<string>();
  for (const slug of CAMPAIGNS) {
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/campaigns/${slug}/`);
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(image).toContain(`/og/${slug}.${locale}.png`);
      seen.add(image ?? '');
      const png = await request.get(new URL(image ?? '').pathname);
      expect(png.status()).toBe(200);
      expect(png.headers()['content-type']).toBe('image/png');
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /\S/);
    }
  }
  expect(seen.size).toBe(CAMPAIGNS.length * LOCALES.length);
});

test('families and professionals pages carry their FAQ as <details> and as FAQPage data', async ({ page }) => {
  for (const locale of LOCALES) {
    for (const slug of ['families', 'professionals']) {
      await page.goto(`/${locale}/${slug}/`);
      const questions = page.locator('main details');
      const count = await questions.count();
      expect(count).toBeGreaterThanOrEqual(3);
      const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
      expect(data['@type']).toBe('FAQPage');
      expect(data.mainEntity).toHaveLength(count);
      // Closed by default; opening one shows its answer.
      await expect(questions.first().locator('p')).toBeHidden();
      await questions.first().locator('summary').click();
      await expect(questions.first().locator('p')).toBeVisible();
    }
  }
});

test('the home page carries Organization data', async ({ page }) => {
  await page.goto('/nl/');
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(data['@type']).toBe('GovernmentOrganization');
  expect(data.contactPoint[0].telephone).toBe('1712');
});

test('the facts sheet prints without the navigation, the helpline bar or the footer', async ({ page }) => {
  await page.goto('/ar/press/facts/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-safety-bar]')).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('[data-fact]').first()).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});

test('the press kit offers the logo files', async ({ request }) => {
  const svg = await request.get('/press-kit/co3-logo.svg');
  expect(svg.headers()['content-type']).toContain('image/svg+xml');
  const png = await request.get('/press-kit/co3-logo.png');
  expect(png.headers()['content-type']).toBe('image/png');
});
