import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from './locales.ts';

import structure from '../../content/structure.json' with { type: 'json' };

/**
 * What a page shows after its text (content/structure.json `parts`), the same in every
 * language; src/components/PageExtras.astro renders each kind.
 */
export type PagePart =
  | 'home-doors'
  | 'films-link'
  | 'helplines'
  | 'organisation'
  | 'family-topics'
  | 'back-to-families'
  | 'sources'
  | 'facts'
  | 'news'
  | 'campaigns'
  | 'press-kit'
  | { film: string }
  | { contacts: string[]; heading?: string };

export interface PageEntry {
  slug: string;
  /** Where the page is linked: the main menu, the footer, or the families page's topics. */
  nav?: 'main' | 'footer' | 'families';
  /** `own`: served by a route of its own (src/pages/[lang]/<slug>…), not the content pages' route. */
  route?: 'own';
  /** Shown above the text (the home page's doors). */
  lead?: PagePart[];
  parts?: PagePart[];
}

/**
 * The site's pages, from content/structure.json: adding a page is a line there, its text in
 * content/pages/<locale>/, and its menu label in the locale files (docs/content.md). The order
 * is the sitemap's and, within each `nav`, the order of that menu.
 */
export const PAGE_ENTRIES: readonly PageEntry[] = structure.pages as PageEntry[];

/** A page's slug, the same in every locale: `home` is the locale's root. */
export type PageSlug = string;
export const PAGES: readonly PageSlug[] = PAGE_ENTRIES.map((p) => p.slug);

const inNav = (nav: PageEntry['nav']) => PAGE_ENTRIES.filter((p) => p.nav === nav).map((p) => p.slug);

/** The topics families look for, each a page under the families page, in the order it lists them. */
export const FAMILY_TOPICS: readonly PageSlug[] = inNav('families');
export type FamilyTopic = PageSlug;

/** Pages served by a route of their own rather than the content catch-all. */
export const DEDICATED_PAGES: readonly PageSlug[] = PAGE_ENTRIES.filter((p) => p.route === 'own').map((p) => p.slug);

export const MAIN_NAV: readonly PageSlug[] = inNav('main');
export const FOOTER_NAV: readonly PageSlug[] = inNav('footer');

/** The entry of a page (its parts and where it is linked). */
export function pageStructure(slug: PageSlug): PageEntry | undefined {
  return PAGE_ENTRIES.find((p) => p.slug === slug);
}

/** True for a topic page under the families page. */
export function isFamilyTopic(value: unknown): value is FamilyTopic {
  return typeof value === 'string' && FAMILY_TOPICS.includes(value);
}

export function isPageSlug(value: unknown): value is PageSlug {
  return typeof value === 'string' && PAGES.includes(value);
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
