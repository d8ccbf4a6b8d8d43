import { getCollection, type CollectionEntry } from 'astro:content';
import { ownOrDutch } from '../i18n/fallback';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import type { PageSlug } from '../i18n/routes';

/**
 * A page's text for an on-demand route: the locale's own, or the Dutch one with `fallback`
 * set when it has none (the prerendered routes get the same choice from `pagePaths`).
 */
export async function pageEntry(
  locale: Locale,
  page: PageSlug,
): Promise<{ entry: CollectionEntry<'pages'>; fallback: boolean }> {
  const all = await getCollection('pages');
  const found = ownOrDutch((l) => all.find((e) => e.id === `${l}/${page}`), locale);
  if (!found) throw new Error(`No content entry ${DEFAULT_LOCALE}/${page}`);
  return { entry: found.value, fallback: found.fallback };
}
