import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';
import { PAGES, type PageSlug } from './routes.ts';

/**
 * The one rule for every text the site has per language (pages, news, campaigns): the locale's
 * own version, or else the Dutch source flagged as a fallback, which the page then says.
 * Undefined only when Dutch lacks it too.
 * @example ownOrDutch((l) => texts[l], 'fr') // => { value: texts.nl, fallback: true } when texts.fr is missing
 */
export function ownOrDutch<T>(
  find: (locale: Locale) => T | undefined,
  locale: Locale,
): { value: T; fallback: boolean } | undefined {
  const own = find(locale);
  if (own !== undefined) return { value: own, fallback: false };
  const source = find(DEFAULT_LOCALE);
  return source === undefined ? undefined : { value: source, fallback: true };
}

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
      const { value: entryId, fallback } = ownOrDutch(
        (l) => (ids.has(`${l}/${page}`) ? `${l}/${page}` : undefined),
        locale,
      )!;
      return { locale, page, entryId, fallback };
    }),
  );
}
