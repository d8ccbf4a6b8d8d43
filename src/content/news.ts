import { getCollection } from 'astro:content';
import type { Locale } from '../i18n/locales';

/** News items in a locale, newest first. A missing translation falls back to Dutch, flagged. */
export async function getNews(locale: Locale) {
  const all = await getCollection('news');
  const slugs = new Set(all.map((e) => e.id.split('/').slice(1).join('/')));
  return [...slugs]
    .map((slug) => {
      const own = all.find((e) => e.id === `${locale}/${slug}`);
      const entry = own ?? all.find((e) => e.id === `nl/${slug}`);
      return entry ? { slug, fallback: !own, ...entry.data } : undefined;
    })
    .filter((n) => n !== undefined)
    .sort((a, b) => b.date.getTime() - a.date.getTime());
}
