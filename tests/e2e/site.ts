import { LOCALES, LOCALE_INFO, type Locale } from '../../src/i18n/locales.ts';
import { PAGES, localizedPath, type PageSlug } from '../../src/i18n/routes.ts';

export { LOCALES, LOCALE_INFO, PAGES, localizedPath };
export type { Locale, PageSlug };

/** Every page in every locale: the whole site a visitor can reach. */
export const ALL_ROUTES = LOCALES.flatMap((locale) =>
  PAGES.map((page) => ({ locale, page, path: localizedPath(locale, page) })),
);

/** The neutral site the quick exit goes to; tests answer it locally (the network is closed). */
export const EXIT_HOST = 'https://www.meteo.be/';
