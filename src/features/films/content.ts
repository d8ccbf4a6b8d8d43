import { getCollection, type CollectionEntry } from 'astro:content';

/**
 * The built URL of every file in a film folder. Vite copies each one to `/_astro/` with a
 * content hash in its name, so the server can let browsers cache it for a year (a new film is
 * a new name). `no-inline` keeps small caption files out of the page as `data:` URLs, which
 * the CSP (media-src 'self') would block.
 */
const urls = import.meta.glob<string>('/content/videos/*/*.{webm,mp4,vtt,jpg,jpeg,png,webp}', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});

export type Film = CollectionEntry<'videos'>;

/** The site-relative URL of a file in a film's folder. */
export function filmFileUrl(slug: string, file: string): string {
  const url = urls[`/content/videos/${slug}/${file}`];
  if (!url) throw new Error(`film "${slug}": no built URL for ${file}`);
  return url;
}

/** Every film, in the order of the list page. */
export async function getFilms(): Promise<Film[]> {
  return (await getCollection('videos')).sort((a, b) => a.data.order - b.data.order);
}

/** The page path of a film, and of its embeddable player. */
export const filmPath = (locale: string, slug: string) => `/${locale}/videos/${slug}/`;
export const embedPath = (locale: string, slug: string) => `/embed/videos/${slug}/${locale}/`;
