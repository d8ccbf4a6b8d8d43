/**
 * Which translation notice a page shows: `outdated` when the Dutch changed since the
 * translation was made (the hashes in `content/translations/<locale>.json` no longer match the
 * Dutch, or the translation no longer follows the Dutch blocks), `unchecked` when no native
 * speaker has reviewed it. See docs/translating.md.
 */
import { getEntry, type CollectionEntry } from 'astro:content';
import { DEFAULT_LOCALE, type Locale } from './locales.ts';
import { entryStaleSegments, type Adapted, type Hashes } from './segments.ts';

const files = import.meta.glob<{ units: Record<string, { hashes: Hashes; adapted?: Adapted }> }>(
  '../../content/translations/*.json',
  {
    eager: true,
    import: 'default',
  },
);
const sidecars = new Map<string, Record<string, { hashes: Hashes; adapted?: Adapted }>>();
for (const [path, data] of Object.entries(files)) {
  const m = /translations\/([^/]+)\.json$/.exec(path);
  if (m?.[1]) sidecars.set(m[1], data.units);
}

type Kind = 'page' | 'news' | 'campaign';
const COLLECTION = { page: 'pages', news: 'news', campaign: 'campaigns' } as const;
const cache = new Map<string, string[]>();

/** The out-of-date segment ids of a translated entry (empty for Dutch and for an entry that is current). */
export async function staleSegmentsOf(
  kind: Kind,
  entry: CollectionEntry<'pages'> | CollectionEntry<'news'> | CollectionEntry<'campaigns'>,
): Promise<string[]> {
  const [locale, ...rest] = entry.id.split('/');
  const slug = rest.join('/');
  if (!locale || locale === DEFAULT_LOCALE) return [];
  const key = `${kind}:${entry.id}`;
  const known = cache.get(key);
  if (known) return known;
  const source = await getEntry(COLLECTION[kind], `${DEFAULT_LOCALE}/${slug}`);
  const stale = source
    ? entryStaleSegments(
        kind,
        { data: source.data as Record<string, unknown>, body: source.body ?? '' },
        { data: entry.data as Record<string, unknown>, body: entry.body ?? '' },
        sidecars.get(locale)?.[`${kind}:${slug}`]?.hashes,
        sidecars.get(locale)?.[`${kind}:${slug}`]?.adapted,
      )
    : [];
  cache.set(key, stale);
  return stale;
}

/** The notice for a translated entry shown in its own locale: outdated first, then not reviewed. */
export async function translationNotice(
  kind: Kind,
  entry: CollectionEntry<'pages'> | CollectionEntry<'news'> | CollectionEntry<'campaigns'>,
  locale: Locale,
): Promise<'outdated' | 'unchecked' | undefined> {
  if (locale === DEFAULT_LOCALE) return undefined;
  if ((await staleSegmentsOf(kind, entry)).length > 0) return 'outdated';
  const status = entry.data.translation.status;
  return status === 'unchecked' || status === 'translated' ? 'unchecked' : undefined;
}
