import { getCollection } from 'astro:content';
import { ownOrDutch } from '../i18n/fallback';
import type { Locale } from '../i18n/locales';

/** News items in a locale, newest first. A missing translation falls back to Dutch, flagged. */
export async function getNews(locale: Locale) {
  const all = await getCollection('news');
  const slugs = new Set(all.map((e) => e.id.split('/').slice(1).join('/')));
  return [...slugs]
    .map((slug) => {
      const found = ownOrDutch((l) => all.find((e) => e.id === `${l}/${slug}`), locale);
      return found ? { slug, fallback: found.fallback, ...found.value.data } : undefined;
    })
    .filter((n) => n !== undefined)
    .sort((a, b) => b.date.getTime() - a.date.getTime());
}

/**
 * The news feed of a locale: its site-relative address and its title, for the feed itself,
 * the link on the press page and the `<link rel="alternate">` in the press pages' head.
 */
export function newsFeed(locale: Locale, t: (key: string) => string): { href: string; title: string } {
  return { href: `/${locale}/press/rss.xml`, title: `${t('site.name')} · ${t('press.newsHeading')}` };
}
