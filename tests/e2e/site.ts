import { readdirSync } from 'node:fs';
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

/** Pages besides the main ones: the printable facts sheet and the campaign pages. */
export const EXTRA_ROUTES = LOCALES.flatMap((locale) => [
  { locale, path: `/${locale}/press/facts/` },
  ...CAMPAIGNS.map((slug) => ({ locale, path: `/${locale}/campaigns/${slug}/` })),
]);

/** The neutral site the quick exit goes to; tests answer it locally (the network is closed). */
export const EXIT_HOST = 'https://www.meteo.be/';
