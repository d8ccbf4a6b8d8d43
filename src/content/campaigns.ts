import { getCollection } from 'astro:content';
import { ownOrDutch } from '../i18n/fallback';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locales';

/** Every campaign in every locale: the locale's own text, or Dutch flagged as a fallback. */
export async function campaignPaths() {
  const all = await getCollection('campaigns');
  const slugs = [...new Set(all.filter((e) => e.id.startsWith(`${DEFAULT_LOCALE}/`)).map((e) => e.id.split('/')[1]!))];
  return LOCALES.flatMap((locale) =>
    slugs.map((slug) => {
      const { value: entry, fallback } = ownOrDutch((l) => all.find((e) => e.id === `${l}/${slug}`), locale)!;
      return { locale, slug, fallback, entry };
    }),
  );
}

/** The committed Open Graph card of a campaign in a locale (made by `npm run og`). */
export function ogImagePath(slug: string, locale: string): string {
  return `/og/${slug}.${locale}.png`;
}
