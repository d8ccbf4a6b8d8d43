import { readdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { LOCALES, LOCALE_INFO, type Locale } from '../../src/i18n/locales.ts';
import { PAGES, localizedPath, type PageSlug } from '../../src/i18n/routes.ts';

export { LOCALES, LOCALE_INFO, PAGES, localizedPath };
export type { Locale, PageSlug };

/** Every page in every locale: the whole site a visitor can reach. */
export const ALL_ROUTES = LOCALES.flatMap((locale) =>
  PAGES.map((page) => ({ locale, page, path: localizedPath(locale, page) })),
);

/** Campaign slugs, from the Dutch source files. */
export const CAMPAIGNS = readdirSync('content/campaigns/nl').map((f) => f.replace(/\.md$/, ''));

/** Film slugs: the folders of content/videos. */
export const FILMS = readdirSync('content/videos');

/** Pages besides the main ones: the printable facts sheet, campaign pages and film pages. */
export const EXTRA_ROUTES = LOCALES.flatMap((locale) => [
  { locale, path: `/${locale}/press/facts/` },
  ...CAMPAIGNS.map((slug) => ({ locale, path: `/${locale}/campaigns/${slug}/` })),
  ...FILMS.map((slug) => ({ locale, path: `/${locale}/videos/${slug}/` })),
]);

/** The players partner sites put in an iframe: not in the sitemap (noindex), but checked by axe. */
export const EMBED_ROUTES = LOCALES.flatMap((locale) =>
  FILMS.map((slug) => ({ locale, path: `/embed/videos/${slug}/${locale}/` })),
);

/** The neutral site the quick exit goes to; tests answer it locally (the network is closed). */
export const EXIT_HOST = 'https://www.meteo.be/';

/**
 * Loads one of ALL_ROUTES and checks that it is served in its own language: 200, `lang` and `dir`,
 * one heading, its own translation (no fallback notice; the unchecked notice outside Dutch),
 * canonical and hreflang links, the helplines as tel: links, and no request to another host.
 * The page is left loaded, so the caller can go on with it (axe, in a11y.spec.ts).
 */
export async function expectServedInOwnLanguage(
  tab: Page,
  { locale, page, path }: { locale: Locale; page: PageSlug; path: string },
  baseURL: string,
): Promise<void> {
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
}
