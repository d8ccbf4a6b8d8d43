import type MiniSearch from 'minisearch';
import { indexes, synonyms } from 'virtual:co3-search';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales';
import { isCrisis, loadIndex, search, type Hit } from './search';
import type { SearchDoc } from './types';

/** The server's indexes, each loaded from the bundled JSON on its first search. */
const loaded = new Map<Locale, MiniSearch<SearchDoc>>();
function indexFor(locale: Locale): MiniSearch<SearchDoc> {
  let index = loaded.get(locale);
  if (!index) {
    index = loadIndex(indexes[locale], locale);
    loaded.set(locale, index);
  }
  return index;
}

export const PER_PAGE = 10;

export interface SiteSearch {
  hits: Hit[];
  total: number;
  /** The Dutch results, when the locale has none. */
  dutch: { hits: Hit[]; total: number } | null;
  crisis: boolean;
}

/** A search on the site in a locale; page is 1-based. */
export function siteSearch(locale: Locale, q: string, page = 1): SiteSearch {
  const from = (page - 1) * PER_PAGE;
  const run = (l: Locale) => {
    const all = search(indexFor(l), l, q, { synonyms: synonyms[l], limit: from + PER_PAGE, offset: from });
    return all;
  };
  const own = run(locale);
  const dutch = own.total === 0 && locale !== DEFAULT_LOCALE ? run(DEFAULT_LOCALE) : null;
  return { hits: own.hits, total: own.total, dutch, crisis: isCrisis(q, locale) };
}
