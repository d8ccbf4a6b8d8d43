import { gzipSync } from 'node:zlib';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../src/i18n/locales.ts';
import { searchDocuments } from '../src/features/search/documents.ts';
import { buildIndex, loadIndex, search, serialise } from '../src/features/search/search.ts';
import { synonymsFor } from '../src/features/search/synonyms.ts';

/**
 * The search's figures for `npm run bench` and `npm run bench:search`: each locale's index as
 * the build makes it (bytes of the JSON in the server bundle), and the time of one search in
 * process, snippets included, as the server does it (a miss searches Dutch too).
 */

/** What visitors may type: words, phrases, typos, crisis words, a miss (then Dutch is searched). */
export const BENCH_QUERIES: Record<Locale, string[]> = {
  nl: [
    'beroepsgeheim',
    'beroepsgeheym',
    'veilig huis mechelen',
    'geweld',
    '2011',
    'hoe verwijs ik een gezin door',
    'snel weg',
    'xqzzy',
  ],
  ar: ['السر المهني', 'حماية', 'الحمايه', 'العنف داخل العائلة', '١٧١٢', 'xqzzy'],
  ber: ['tallelt', 'l3unf', 'lkhater', 'ttarix', 'beroepsgeheim', 'xqzzy'],
  en: ['professional secrecy', 'profesional secrecy', 'help', 'domestic violence 2011', 'leave now', 'xqzzy'],
  fr: ['secret professionnel', 'securite', 'violence conjugale', 'aide', 'xqzzy'],
  de: ['Berufsgeheimnis', 'Schweigepflicht', 'häusliche Gewalt', 'Schlaege', 'xqzzy'],
};

export interface IndexFigure {
  locale: Locale;
  documents: number;
  bytes: number;
  gzip: number;
}
export interface TimeFigure {
  locale: Locale;
  searches: number;
  /** Wall-clock milliseconds: what a visitor waits, including time the CPU spent on other processes. */
  p50: number;
  p99: number;
  max: number;
  /** CPU milliseconds of this process: the search's own cost, whatever else the machine runs. */
  cpuP50: number;
  cpuP99: number;
}

export function measureSearch(iterations = 300): { indexes: IndexFigure[]; times: TimeFigure[]; all: TimeFigure } {
  const docs = searchDocuments('content');
  const { synonyms } = synonymsFor('content');
  const json = Object.fromEntries(LOCALES.map((l) => [l, serialise(buildIndex(docs[l], l))])) as Record<Locale, string>;
  const indexes = LOCALES.map((l) => ({
    locale: l,
    documents: docs[l].length,
    bytes: Buffer.byteLength(json[l]),
    gzip: gzipSync(json[l]).length,
  }));
  const loaded = Object.fromEntries(LOCALES.map((l) => [l, loadIndex(json[l], l)])) as Record<
    Locale,
    ReturnType<typeof loadIndex>
  >;
  const once = (l: Locale, q: string) => {
    const own = search(loaded[l], l, q, { synonyms: synonyms[l] });
    if (own.total === 0 && l !== DEFAULT_LOCALE)
      search(loaded[DEFAULT_LOCALE], DEFAULT_LOCALE, q, { synonyms: synonyms[DEFAULT_LOCALE] });
  };
  // Warm up (JIT, memoised word keys), as a running server would be.
  for (const l of LOCALES) for (const q of BENCH_QUERIES[l]) for (let i = 0; i < 20; i++) once(l, q);
  const all: number[] = [];
  const allCpu: number[] = [];
  const times = LOCALES.map((l) => {
    const t: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < iterations; i++) {
      for (const q of BENCH_QUERIES[l]) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        once(l, q);
        t.push(performance.now() - start);
        const used = process.cpuUsage(cpu);
        c.push((used.user + used.system) / 1000);
      }
    }
    all.push(...t);
    allCpu.push(...c);
    return { locale: l, ...stats(t), ...cpuStats(c) };
  });
  return { indexes, times, all: { locale: DEFAULT_LOCALE, ...stats(all), ...cpuStats(allCpu) } };
}

function cpuStats(c: number[]): { cpuP50: number; cpuP99: number } {
  const { p50, p99 } = stats(c);
  return { cpuP50: p50, cpuP99: p99 };
}

function stats(t: number[]): { searches: number; p50: number; p99: number; max: number } {
  const s = [...t].sort((a, b) => a - b);
  const at = (p: number) => round(s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0);
  return { searches: s.length, p50: at(0.5), p99: at(0.99), max: round(s[s.length - 1] ?? 0) };
}
const round = (ms: number) => Math.round(ms * 1000) / 1000;

export const SEARCH_URL = `/nl/search/?q=${encodeURIComponent('veilig huis mechelen')}`;
