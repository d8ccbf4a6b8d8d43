import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { LOCALES, LOCALE_INFO, type Locale } from '../../src/i18n/locales.ts';
import { PAGES, localizedPath, type PageSlug } from '../../src/i18n/routes.ts';
import { translationReport } from '../../src/features/translations/state.ts';

export { LOCALES, LOCALE_INFO, PAGES, localizedPath };
export type { Locale, PageSlug };
/** Each page's translation state per locale (`outdated` included), as `npm run i18n:report` gives it. */
const UNITS = translationReport(process.cwd()).units;
const pageState = (page: PageSlug, locale: Locale) =>
  UNITS.find((u) => u.key === `page:${page}`)?.locales[locale].state;

export { ALL_ROUTES, CAMPAIGNS, EMBED_ROUTES, EXTRA_ROUTES, FILMS } from '../../tools/site-routes.ts';

/** The neutral site the quick exit goes to; tests answer it locally (the network is closed). */
export const EXIT_HOST = 'https://www.meteo.be/';

/**
 * Checks that a loaded page of ALL_ROUTES is served in its own language: `lang` and `dir`, one
 * heading, its own translation (no fallback notice; the unchecked notice outside Dutch),
 * canonical and hreflang links, and the helplines as tel: links. (Status and requests to other
 * hosts: the crawl weighs every load, see weigh.ts.)
 */
export async function expectOwnLanguage(
  tab: Page,
  { locale, page, path }: { locale: Locale; page: PageSlug; path: string },
): Promise<void> {
  const html = tab.locator('html');
  await expect(html).toHaveAttribute('lang', LOCALE_INFO[locale].htmlLang);
  await expect(html).toHaveAttribute('dir', LOCALE_INFO[locale].dir);
  await expect(tab.locator('h1')).toHaveCount(1);
  await expect(tab.locator('h1')).not.toBeEmpty();
  // The page's own translation, not the Dutch fallback, with the notice its state calls for:
  // none in Dutch or once checked, "not checked" or "outdated" otherwise (translation report).
  await expect(tab.locator('[data-notice="fallback"]')).toHaveCount(0);
  const state = pageState(page, locale);
  expect(state, `${path}: no translation state`).toBeDefined();
  await expect(tab.locator('[data-notice="unchecked"]')).toHaveCount(state === 'unchecked' ? 1 : 0);
  await expect(tab.locator('[data-notice="outdated"]')).toHaveCount(state === 'outdated' ? 1 : 0);

  await expect(tab.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${path}$`));
  const hreflangs = await tab
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((links) =>
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
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
type Reachable = { phone?: string; email?: string };

/**
 * Every number and address the site may link to: the data files' (helplines, regional lines,
 * contacts, centres, and the numbers a page states from its own sources). A tel: or mailto:
 * link to anything else is a typo or an invented number.
 */
export function knownContacts(): { tel: Set<string>; mail: Set<string> } {
  const helplines = readJson<{ tel: string }[]>('content/helplines.json');
  const regional = readJson<{ tel: string }[]>('content/regional-helplines.json');
  const contacts = readJson<Reachable[]>('content/contacts.json');
  const centres = readJson<Reachable[]>('content/centres.json');
  const pageSources = readJson<{ sources: { tel?: string }[] }[]>('content/page-sources.json');
  return {
    tel: new Set([
      ...helplines.map((h) => h.tel),
      ...regional.map((h) => h.tel),
      ...[...contacts, ...centres].map((c) => (c.phone ?? '').replace(/\s/g, '')),
      ...pageSources.flatMap((p) => p.sources.flatMap((s) => (s.tel ? [s.tel] : []))),
    ]),
    mail: new Set([...contacts, ...centres].map((c) => c.email ?? '').filter(Boolean)),
  };
}

/** The page's tel: and mailto: links that are not in the data files. */
export async function unknownContactLinks(
  tab: Page,
  known: { tel: Set<string>; mail: Set<string> },
): Promise<string[]> {
  const hrefs = await tab
    .locator('a[href^="tel:"], a[href^="mailto:"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((href) =>
    href.startsWith('tel:') ? !known.tel.has(href.slice(4)) : !known.mail.has(href.slice(7)),
  );
}
