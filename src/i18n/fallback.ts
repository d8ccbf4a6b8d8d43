import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';
import { PAGES, type PageSlug } from './routes.ts';

export interface PagePath {
  locale: Locale;
  page: PageSlug;
  /** The content entry to show: the locale's own, or the Dutch one when it has none. */
  entryId: string;
  /** True when the Dutch text stands in for a missing translation (the page says so). */
  fallback: boolean;
}

/**
 * Every page in every locale, choosing the content entry for each. A page missing in a
 * locale falls back to Dutch (never a 404); a page missing in Dutch is a build error.
 * @example pagePaths(['nl/home']).find((p) => p.locale === 'fr' && p.page === 'home')
 *   // => { locale: 'fr', page: 'home', entryId: 'nl/home', fallback: true }
 */
export function pagePaths(entryIds: Iterable<string>, pages: readonly PageSlug[] = PAGES): PagePath[] {
  const ids = new Set(entryIds);
  const missingSource = pages.filter((p) => !ids.has(`${DEFAULT_LOCALE}/${p}`));
  if (missingSource.length > 0) {
    throw new Error(`Pages missing in the source language (${DEFAULT_LOCALE}): ${missingSource.join(', ')}`);
  }
  return LOCALES.flatMap((locale) =>
    pages.map((page) => {
      const own = `${locale}/${page}`;
      return ids.has(own)
        ? { locale, page, entryId: own, fallback: false }
        : { locale, page, entryId: `${DEFAULT_LOCALE}/${page}`, fallback: true };
    }),
  );
}
