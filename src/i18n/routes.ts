import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from './locales.ts';

/**
 * The topics families look for (issue 14), each a page under the families page:
 * `/<l>/families/<topic>/`. The order is the order of the list on the families page.
 */
export const FAMILY_TOPICS = [
  'families/call-1712',
  'families/children',
  'families/barring-order',
  'families/shelter',
  'families/victim-support',
  'families/using-violence',
  'families/honour-and-elder-abuse',
  'families/residence-permit',
  'families/interpreters',
] as const;
export type FamilyTopic = (typeof FAMILY_TOPICS)[number];

/**
 * The portal's pages, the same slugs in every locale. `home` is the locale's root.
 * The order is the order of the main navigation.
 */
export const PAGES = [
  'home',
  'families',
  ...FAMILY_TOPICS,
  'professionals',
  'referral',
  'centres',
  'videos',
  'about',
  'press',
  'safety',
  'privacy',
  'accessibility',
  'contact',
] as const;
export type PageSlug = (typeof PAGES)[number];

/** Pages served by a route of their own rather than the content catch-all. */
export const DEDICATED_PAGES: readonly PageSlug[] = ['referral', 'videos', 'centres'];

export const MAIN_NAV: readonly PageSlug[] = [
  'families',
  'professionals',
  'referral',
  'centres',
  'videos',
  'about',
  'press',
];
export const FOOTER_NAV: readonly PageSlug[] = ['safety', 'privacy', 'accessibility', 'contact'];

/** True for a topic page under the families page. */
export function isFamilyTopic(value: unknown): value is FamilyTopic {
  return typeof value === 'string' && (FAMILY_TOPICS as readonly string[]).includes(value);
}

export function isPageSlug(value: unknown): value is PageSlug {
  return typeof value === 'string' && (PAGES as readonly string[]).includes(value);
}

/**
 * The path of a page in a locale, always with a trailing slash.
 * @example localizedPath('fr', 'safety') // => '/fr/safety/'
 * @example localizedPath('ar', 'home') // => '/ar/'
 */
export function localizedPath(locale: Locale, page: PageSlug = 'home'): string {
  return page === 'home' ? `/${locale}/` : `/${locale}/${page}/`;
}

/**
 * The locale a path belongs to, or null when its first segment is not a locale.
 * @example localeFromPath('/ber/about/') // => 'ber'
 * @example localeFromPath('/embed/videos/what-is-co3/ar/') // => 'ar'
 */
export function localeFromPath(pathname: string): Locale | null {
  const parts = pathname.split('/');
  // The film players for partner sites, `/embed/videos/<slug>/<locale>/`, name it last.
  const segment = parts[1] === 'embed' ? parts[4] : parts[1];
  return isLocale(segment) ? segment : null;
}

/**
 * The same path in another locale: the first segment is replaced, the rest (and any
 * query string) kept. A path outside any locale goes to the other locale's home.
 * @example switchLocalePath('/nl/privacy/', 'de') // => '/de/privacy/'
 */
export function switchLocalePath(pathname: string, locale: Locale): string {
  const [path = '/', query] = pathname.split('?', 2);
  const segments = path.split('/');
  if (!isLocale(segments[1])) return `/${locale}/`;
  segments[1] = locale;
  return segments.join('/') + (query ? `?${query}` : '');
}

/** Every locale's version of a path, for `hreflang` links and the switcher. */
export function alternates(pathname: string): { locale: Locale; path: string }[] {
  return LOCALES.map((locale) => ({ locale, path: switchLocalePath(pathname, locale) }));
}

/** The `x-default` target: the Dutch page (Dutch is the default and the source language). */
export function xDefaultPath(pathname: string): string {
  return switchLocalePath(pathname, DEFAULT_LOCALE);
}
