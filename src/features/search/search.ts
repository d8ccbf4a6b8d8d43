import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales.ts';
import { fold, isStopWord, learn, queryKeys, tarifit, termKey, tokenize } from './analyse.ts';
import type { SearchDoc } from './types.ts';

/**
 * The site search: one MiniSearch index per locale, built at build time (`plugin.ts`) and
 * loaded by the server; queried with the locale's analyser (`analyse.ts`). Pure: no I/O.
 */

export const MAX_QUERY = 200;

/** Stored with each entry: what a result shows. */
const STORE = ['kind', 'page', 'url', 'title', 'text', 'lang'] as const;

function options(locale: Locale): Options<SearchDoc> {
  return {
    fields: ['title', 'text'],
    storeFields: [...STORE],
    tokenize: (text) => tokenize(text).map((t) => t.word),
    // Index side: every word, stop words too (a query of only stop words still finds them).
    processTerm: (term) => termKey(term, locale) || null,
    searchOptions: { processTerm: (term) => termKey(term, locale) || null },
  };
}

export function buildIndex(docs: SearchDoc[], locale: Locale): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(options(locale));
  index.addAll(docs);
  return index;
}

/** The built index as JSON, for the server bundle. */
export const serialise = (index: MiniSearch<SearchDoc>) => JSON.stringify(index);

/**
 * The index from its JSON, with the words of every entry analysed at once (snippets then cost
 * a few look-ups, and the site's vocabulary is known before the first query).
 */
export function loadIndex(json: string, locale: Locale): MiniSearch<SearchDoc> {
  const index = MiniSearch.loadJSON<SearchDoc>(json, options(locale));
  for (let id = 0; ; id++) {
    const doc = index.getStoredFields(id) as Record<string, unknown> | undefined;
    if (!doc) break;
    const lang = doc['lang'] as Locale;
    analysed(index, id, 'title', String(doc['title'] ?? ''), lang);
    analysed(index, id, 'text', String(doc['text'] ?? ''), lang);
  }
  return index;
}

const KIND_BOOST: Record<string, number> = { page: 1.3, faq: 1.1, chapter: 0.6, fact: 0.9 };

/** Synonym groups per locale: each group's phrases find each other. */
export type Synonyms = string[][];

export interface Hit {
  id: number;
  kind: SearchDoc['kind'];
  page: string;
  url: string;
  title: string;
  lang: Locale;
  score: number;
  /** Title and snippet as text pieces, `mark` where a searched word matched. */
  titleParts: Part[];
  snippet: Part[];
}
export interface Part {
  text: string;
  mark: boolean;
}

/** The query checked: what a visitor typed, cleaned of control and direction characters. */
export type ParsedQuery = { kind: 'empty' } | { kind: 'tooLong'; length: number } | { kind: 'ok'; q: string };

export function parseQuery(raw: string | null | undefined): ParsedQuery {
  const q = (raw ?? '')
    // C0/C1 controls and the invisible direction overrides: never echoed, never searched.
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (q === '') return { kind: 'empty' };
  const length = [...q].length;
  if (length > MAX_QUERY) return { kind: 'tooLong', length };
  return { kind: 'ok', q };
}

/**
 * Searches one locale's index. All words must match (AND), as written or as the start of a
 * longer word (3+ letters: Dutch and German compounds, `huis` finds `huisverbod`). When that
 * finds nothing, words of 4+ letters may have one typo (10+ letters: two); then any word may
 * match (OR).
 * Synonyms of a word are searched with it.
 */
export function search(
  index: MiniSearch<SearchDoc>,
  locale: Locale,
  q: string,
  { synonyms = [], limit = 10, offset = 0 }: { synonyms?: Synonyms; limit?: number; offset?: number } = {},
): { hits: Hit[]; total: number } {
  const keys = queryKeys(q, locale);
  if (keys.length === 0) return { hits: [], total: 0 };
  const groups = synonymIndexCached(synonyms, locale);
  const termQuery = (key: string): Query => {
    const alternatives = groups.get(key) ?? [];
    if (alternatives.length === 0) return key;
    return {
      combineWith: 'OR',
      queries: [key, ...alternatives.map((phrase): Query => ({ combineWith: 'AND', queries: phrase }))],
    };
  };
  // Exact words and prefixes first; typo tolerance only when that finds nothing (it costs
  // most, and a word spelled right should not pull in look-alikes).
  const exact = {
    boost: { title: 3 },
    prefix: (term: string) => term.length >= 3,
    // A whole page says more than a film chapter's title that happens to hold the word.
    boostDocument: (_id: unknown, _term: string, stored?: Record<string, unknown>) =>
      KIND_BOOST[String(stored?.['kind'])] ?? 1,
    // The words are already keys: do not process them twice.
    processTerm: (t: string) => t,
  };
  const fuzzy = { ...exact, fuzzy: (term: string) => (term.length >= 10 ? 2 : term.length >= 4 ? 1 : false) } as const;
  const run = (combineWith: 'AND' | 'OR', options: typeof exact) =>
    index.search({ combineWith, queries: keys.map(termQuery) }, options) as (SearchResult &
      Record<(typeof STORE)[number], string>)[];
  let results = run('AND', exact);
  if (results.length === 0) results = run('AND', fuzzy);
  if (results.length === 0 && keys.length > 1) results = run('OR', fuzzy);
  const synonymKeys = keys.flatMap((k) => groups.get(k)?.flat() ?? []);
  // Snippets (the costly part) only for the results shown.
  const hits = results.slice(offset, limit).map((r) => {
    const matched = new Set([...keys, ...synonymKeys, ...r.terms]);
    const lang = r['lang'] as Locale;
    return {
      id: Number(r.id),
      kind: r['kind'] as SearchDoc['kind'],
      page: r['page'],
      url: r['url'],
      title: r['title'],
      lang,
      score: r.score,
      titleParts: mark(r['title'], analysed(index, r.id, 'title', r['title'], lang), matched),
      snippet: snippet(r['text'], analysed(index, r.id, 'text', r['text'], lang), matched),
    };
  });
  return { hits, total: results.length };
}

const synonymCache = new WeakMap<Synonyms, Map<Locale, Map<string, string[][]>>>();
function synonymIndexCached(synonyms: Synonyms, locale: Locale): Map<string, string[][]> {
  let byLocale = synonymCache.get(synonyms);
  if (!byLocale) synonymCache.set(synonyms, (byLocale = new Map()));
  let map = byLocale.get(locale);
  if (!map) byLocale.set(locale, (map = synonymIndex(synonyms, locale)));
  return map;
}

/** Each synonym key → the other phrases of its groups, as lists of keys. */
function synonymIndex(synonyms: Synonyms, locale: Locale): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const group of synonyms) {
    const phrases = group
      .map((p) =>
        tokenize(p)
          .map((t) => termKey(t.word, locale))
          .filter(Boolean),
      )
      .filter((p) => p.length > 0);
    for (const phrase of phrases) {
      if (phrase.length !== 1) continue; // a one-word query finds the group's phrases
      const key = phrase[0]!;
      const others = phrases.filter((p) => p !== phrase);
      map.set(key, [...(map.get(key) ?? []), ...others]);
    }
  }
  return map;
}

/** A word of an indexed text, with its key; `key` is '' for a stop word (never marked). */
interface Token {
  start: number;
  end: number;
  key: string;
}

/**
 * The words of each result's title and text with their keys, worked out once per entry and
 * kept: only the site's own text, never anything of a query.
 */
const tokenCache = new WeakMap<object, Map<string, Token[]>>();
function analysed(index: object, id: unknown, field: string, text: string, lang: Locale): Token[] {
  let byDoc = tokenCache.get(index);
  if (!byDoc) tokenCache.set(index, (byDoc = new Map()));
  const cacheKey = `${String(id)}:${field}`;
  let tokens = byDoc.get(cacheKey);
  if (!tokens) {
    tokens = tokenize(text).map((w) => ({
      start: w.start,
      end: w.end,
      key: isStopWord(w.word, lang) ? '' : learn(w.word, lang),
    }));
    byDoc.set(cacheKey, tokens);
  }
  return tokens;
}

const isMatch = (t: Token, matched: Set<string>) => t.key !== '' && matched.has(t.key);

/** A whole text in pieces, matched words marked. */
function mark(text: string, tokens: Token[], matched: Set<string>, from = 0, to = text.length): Part[] {
  const parts: Part[] = [];
  let at = from;
  for (const w of tokens) {
    if (w.start < from || w.end > to || !isMatch(w, matched)) continue;
    if (w.start > at) parts.push({ text: text.slice(at, w.start), mark: false });
    parts.push({ text: text.slice(w.start, w.end), mark: true });
    at = w.end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), mark: false });
  return parts;
}

/**
 * About 30 words of a text around its densest cluster of matched words, in pieces, with an
 * ellipsis where it was cut; the text's start when no word matched there (a title match).
 */
function snippet(text: string, ws: Token[], matched: Set<string>, span = 30): Part[] {
  if (ws.length === 0) return [];
  const hits = ws.map((w) => (isMatch(w, matched) ? 1 : 0));
  let best = 0;
  let bestCount = -1;
  let count = hits.slice(0, span).reduce<number>((a, b) => a + b, 0);
  for (let i = 0; i + span <= ws.length || i === 0; i++) {
    if (i > 0) count += (hits[i + span - 1] ?? 0) - (hits[i - 1] ?? 0);
    if (count > bestCount) {
      bestCount = count;
      best = i;
    }
    if (i + span >= ws.length) break;
  }
  // Start a few words before the first match in the window, for context.
  const firstHit = hits.indexOf(1, best);
  const from = bestCount > 0 && firstHit >= 0 ? Math.max(0, Math.min(best, firstHit - 5)) : 0;
  const to = Math.min(ws.length, from + span);
  const start = ws[from]!.start;
  const end = to >= ws.length ? text.length : ws[to - 1]!.end;
  const parts = mark(text, ws, matched, start, end);
  if (start > 0) parts.unshift({ text: '… ', mark: false });
  if (end < text.length) parts.push({ text: ' …', mark: false });
  return parts;
}

/**
 * Words that mean someone may be in danger now, per language (stems are compared, and a query
 * word that starts with one counts: `gewelddadig`). Every list is checked whatever the page's
 * language: a Tarifit speaker may type a French or Arabic word. The Tarifit words are the ones
 * the portal's own Tarifit pages use (lɛunf, tallelt, tiyita, lxaṭer).
 */
export const CRISIS_WORDS: Record<Locale, string[]> = {
  nl: [
    'help',
    'hulp',
    'geweld',
    'gevaar',
    'nood',
    'noodgeval',
    'slaan',
    'geslagen',
    'klappen',
    'mishandeling',
    'mishandeld',
    'bang',
    'bedreigd',
    'bedreiging',
    'verkrachting',
    'misbruik',
    'politie',
  ],
  en: [
    'help',
    'violence',
    'violent',
    'abuse',
    'abused',
    'danger',
    'emergency',
    'hit',
    'beaten',
    'beating',
    'scared',
    'afraid',
    'threat',
    'threatened',
    'rape',
    'police',
    'unsafe',
  ],
  fr: [
    'aide',
    'aidez',
    'violence',
    'violent',
    'danger',
    'urgence',
    'frappe',
    'frapper',
    'coups',
    'peur',
    'menace',
    'viol',
    'secours',
    'police',
    'maltraitance',
  ],
  de: [
    'hilfe',
    'gewalt',
    'gefahr',
    'notfall',
    'schlagen',
    'geschlagen',
    'schläge',
    'angst',
    'bedroht',
    'drohung',
    'vergewaltigung',
    'missbrauch',
    'polizei',
  ],
  ar: ['مساعدة', 'ساعدني', 'النجدة', 'نجدة', 'عنف', 'حماية', 'خطر', 'طوارئ', 'ضرب', 'خوف', 'تهديد', 'اغتصاب', 'شرطة'],
  ber: ['tallelt', 'lɛunf', 'tiyita', 'lxaṭer', 'sos'],
};

const crisisKeys: Map<Locale, string[]> = new Map();
function keysOf(locale: Locale): string[] {
  let keys = crisisKeys.get(locale);
  if (!keys) {
    keys = [...new Set(CRISIS_WORDS[locale].flatMap((w) => [fold(w), termKey(w, locale)]))];
    crisisKeys.set(locale, keys);
  }
  return keys;
}

/** Whether a query is about danger or violence now (then 1712, 101 and 112 come first). */
export function isCrisis(q: string, locale: Locale = DEFAULT_LOCALE): boolean {
  const words = tokenize(q).map((t) => t.word);
  // The numbers themselves, in any digits (١٧١٢ is 1712).
  if (words.some((w) => ['112', '101', '1712', 'sos'].includes(fold(w)))) return true;
  // Each word as written (folded), with Tarifit spellings unified, as the page's language stems
  // it, and as Arabic when it is Arabic.
  const forms = words.flatMap((w) => [
    fold(w),
    tarifit(fold(w)),
    termKey(w, locale),
    ...(/\p{Script=Arabic}/u.test(w) ? [termKey(w, 'ar')] : []),
  ]);
  return (Object.keys(CRISIS_WORDS) as Locale[]).some((l) =>
    keysOf(l).some((k) => forms.some((f) => f === k || (k.length >= 6 && f.startsWith(k)))),
  );
}
