import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/i18n/locales.ts';
import { fold, termKey } from '../../src/features/search/analyse.ts';
import { searchDocuments } from '../../src/features/search/documents.ts';
import { buildSearchModule } from '../../src/features/search/plugin.ts';
import { escapeMarkup as escapeHtml } from '../../src/lib/escape.ts';
import { buildIndex, isCrisis, loadIndex, parseQuery, search, serialise } from '../../src/features/search/search.ts';
import { glossaryGroups, synonymsFor } from '../../src/features/search/synonyms.ts';

// The indexes as the server gets them: built from content/, serialised, loaded back.
const docs = searchDocuments('content');
const { synonyms } = synonymsFor('content');
const indexes = Object.fromEntries(LOCALES.map((l) => [l, loadIndex(serialise(buildIndex(docs[l], l)), l)])) as Record<
  Locale,
  ReturnType<typeof loadIndex>
>;
const find = (locale: Locale, q: string) => search(indexes[locale], locale, q, { synonyms: synonyms[locale] });
const urls = (locale: Locale, q: string, n = 3) =>
  find(locale, q)
    .hits.slice(0, n)
    .map((h) => h.url);

/** Per locale: a query and the page a visitor expects among the first three results. */
const EXPECTED: [Locale, string, string][] = [
  ['nl', 'beroepsgeheim', '/nl/professionals/#faq-1'],
  ['nl', 'veilig huis mechelen', '/nl/centres/?q=Mechelen'],
  ['nl', 'snel weg', '/nl/safety/'],
  ['nl', '2011', '/nl/press/facts/'],
  ['nl', 'decreet', '/nl/press/#news-decreet-2024'],
  ['en', 'professional secrecy', '/en/professionals/#faq-1'],
  ['en', 'leave now', '/en/safety/'],
  ['en', 'chain approach film', '/en/videos/chain-approach/'],
  ['fr', 'secret professionnel', '/fr/professionals/#faq-1'],
  ['fr', 'sécurité navigateur', '/fr/safety/'],
  ['de', 'Berufsgeheimnis', '/de/professionals/#faq-1'],
  ['de', 'Verlauf löschen', '/de/safety/'],
  ['ar', 'السر المهني', '/ar/professionals/#faq-1'],
  ['ar', 'سجل التصفح', '/ar/safety/'],
  ['ber', 'tallelt', '/ber/families/#faq-6'],
  ['ber', 'ttarix', '/ber/safety/'],
  // The family topics, in their folder under the families page.
  ['nl', 'huisverbod', '/nl/families/barring-order/'],
  ['nl', 'huisverbood', '/nl/families/barring-order/'],
  ['nl', 'vluchthuis', '/nl/families/shelter/'],
  ['fr', 'Écoute-Enfants', '/fr/families/children/'],
  ['de', 'Dolmetscher', '/de/families/interpreters/'],
];

describe('search finds the page a visitor expects, in every locale', () => {
  it.each(EXPECTED)('%s: "%s" finds %s', (locale, q, url) => {
    expect(urls(locale, q)).toContain(url);
  });

  it('indexes every page, FAQ answer, news item, campaign, film, chapter, centre and figure in every locale', () => {
    for (const l of LOCALES) {
      const kinds = new Set(docs[l].map((d) => d.kind));
      expect([...kinds].sort()).toEqual(['campaign', 'centre', 'chapter', 'fact', 'faq', 'film', 'news', 'page']);
      expect(docs[l].filter((d) => d.kind === 'page').map((d) => d.url)).toContain(`/${l}/safety/`);
    }
  });

  it('searches film transcripts', () => {
    // A sentence that is only in the families film's Dutch transcript, not on any page.
    const transcript = docs.nl.find((d) => d.kind === 'film' && d.url === '/nl/videos/families/')!;
    const phrase = transcript.text
      .split(/[.?!]/)
      .map((s) => s.trim())
      .find((s) => s.split(' ').length >= 4)!;
    expect(urls('nl', phrase, 3)).toContain('/nl/videos/families/');
  });
});

describe('typos, stemming and spelling', () => {
  it('tolerates typos', () => {
    expect(urls('nl', 'beroepsgeheym')).toContain('/nl/professionals/#faq-1');
    expect(urls('nl', 'casusregiseur', 10)).toContain('/nl/families/#faq-5');
    expect(urls('fr', 'secret profesionel')).toContain('/fr/professionals/#faq-1');
  });

  it('"huisverbood" finds "huisverbod"', () => {
    const index = buildIndex(
      [
        {
          id: 0,
          kind: 'page',
          page: 'families',
          url: '/nl/a/',
          title: 'Het tijdelijk huisverbod',
          text: 'De procureur kan een huisverbod opleggen.',
          lang: 'nl',
        },
        { id: 1, kind: 'page', page: 'about', url: '/nl/b/', title: 'Over ons', text: 'Iets anders.', lang: 'nl' },
      ],
      'nl',
    );
    const { hits } = search(index, 'nl', 'huisverbood');
    expect(hits.map((h) => h.url)).toEqual(['/nl/a/']);
    expect(hits[0]!.titleParts.filter((p) => p.mark).map((p) => p.text)).toEqual(['huisverbod']);
  });

  it('stems: one stem for the forms of a word', () => {
    expect(termKey('families', 'en')).toBe(termKey('family', 'en'));
    expect(termKey('violences', 'fr')).toBe(termKey('violence', 'fr'));
    expect(termKey('Familien', 'de')).toBe(termKey('Familie', 'de'));
    expect(termKey('slachtoffers', 'nl')).toBe(termKey('slachtoffer', 'nl'));
    expect(urls('en', 'referring')).toContain('/en/referral/');
  });

  it('ignores case and diacritics', () => {
    expect(find('fr', 'securite').hits.map((h) => h.url)).toEqual(find('fr', 'SÉCURITÉ').hits.map((h) => h.url));
    expect(find('nl', 'privevenster').hits[0]?.url).toBe('/nl/safety/');
    expect(termKey('Schläge', 'de')).toBe(termKey('Schlaege', 'de'));
  });

  it('normalises Arabic: hamza and alef forms, taa marbuta, tatweel, diacritics, digits', () => {
    const same = (a: string, b: string) => expect(termKey(a, 'ar')).toBe(termKey(b, 'ar'));
    same('حماية', 'حمايه'); // taa marbuta
    same('حماية', 'الحماية'); // article
    same('حماية', 'حمايـــة'); // tatweel
    same('حماية', 'حِمَايَة'); // short vowels
    same('أسرة', 'اسرة'); // hamza on alef
    same('إساءة', 'اساءه');
    same('آمن', 'امن'); // madda
    same('مستشفى', 'مستشفي'); // alef maqsura
    expect(fold('١٧١٢')).toBe('1712');
    const base = find('ar', 'حماية').hits.map((h) => h.url);
    expect(base.length).toBeGreaterThan(0);
    for (const v of ['الحمايه', 'حمايـــة', 'حِمَايَة']) expect(find('ar', v).hits.map((h) => h.url)).toEqual(base);
    expect(urls('ar', '١٧١٢', 10)).toContain('/ar/campaigns/praat-erover-1712/');
  });

  it('normalises Tarifit spellings: ɛ/3/e, ɣ/gh, ḥ/7, ṭ/t, č/ch, x/kh', () => {
    const same = (a: string, b: string) => expect(termKey(a, 'ber')).toBe(termKey(b, 'ber'));
    same('lɛunf', 'l3unf');
    same('lɛunf', 'leunf');
    same('lxaṭer', 'lkhater');
    same('ɣar', 'ghar');
    same('lḥal', 'l7al');
    same('mačči', 'machchi');
    const base = find('ber', 'lɛunf').hits.map((h) => h.url);
    expect(base.length).toBeGreaterThan(3);
    expect(find('ber', 'l3unf').hits.map((h) => h.url)).toEqual(base);
    expect(urls('ber', 'lkhater')).toContain('/ber/professionals/');
  });
});

describe('synonyms', () => {
  it('searches a word with its synonyms', () => {
    // "zwijgplicht" is not in the Dutch text; its synonym "beroepsgeheim" is.
    expect(urls('nl', 'zwijgplicht')).toContain('/nl/professionals/#faq-1');
    expect(urls('de', 'Schweigepflicht')).toContain('/de/professionals/#faq-1');
  });

  it('reads a glossary in the shapes it may take', () => {
    expect(glossaryGroups([{ term: 'huisverbod', synonyms: ['uithuisplaatsing'] }])).toEqual([
      ['huisverbod', 'uithuisplaatsing'],
    ]);
    expect(glossaryGroups({ terms: [{ title: 'CAW', aliases: ['Centrum Algemeen Welzijnswerk'] }] })).toEqual([
      ['CAW', 'Centrum Algemeen Welzijnswerk'],
    ]);
    expect(glossaryGroups({ FJC: ['Family Justice Center'] })).toEqual([['FJC', 'Family Justice Center']]);
    expect(glossaryGroups('nonsense')).toEqual([]);
  });

  it('takes content/glossary/<locale>.json when it exists, and indexes whatever content exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'co3-search-'));
    mkdirSync(join(dir, 'pages', 'nl'), { recursive: true });
    mkdirSync(join(dir, 'glossary'));
    writeFileSync(
      join(dir, 'pages', 'nl', 'barring.md'),
      '---\ntitle: Het huisverbod\ndescription: Wat een tijdelijk huisverbod is.\ntranslation:\n  status: source\n---\n\nDe procureur des Konings kan een **huisverbod** opleggen.\n',
    );
    writeFileSync(
      join(dir, 'glossary', 'nl.json'),
      JSON.stringify([{ term: 'huisverbod', synonyms: ['uithuiszetting'] }]),
    );
    const fresh = searchDocuments(dir);
    // A page that exists only in Dutch is searchable in every locale, in Dutch, at the locale's address.
    expect(fresh.fr.find((d) => d.url === '/fr/barring/')).toMatchObject({ lang: 'nl', title: 'Het huisverbod' });
    const syn = synonymsFor(dir);
    expect(syn.glossaryFiles).toHaveLength(1);
    const index = buildIndex(fresh.nl, 'nl');
    expect(search(index, 'nl', 'uithuiszetting', { synonyms: syn.synonyms.nl }).hits[0]?.url).toBe('/nl/barring/');
    expect(search(index, 'nl', 'uithuiszetting').hits).toEqual([]);
    const { sizes } = buildSearchModule(dir);
    expect(sizes['nl']).toBeGreaterThan(0);
  });
});

describe('results', () => {
  it('marks the matched words in the title and snippet, and cuts the snippet around them', () => {
    const hit = find('nl', 'beroepsgeheim').hits.find((h) => h.url === '/nl/professionals/#faq-1')!;
    const marked = [...hit.titleParts, ...hit.snippet].filter((p) => p.mark).map((p) => p.text.toLowerCase());
    expect(marked).toContain('beroepsgeheim');
    const page = find('nl', 'privévenster').hits[0]!;
    const text = page.snippet.map((p) => p.text).join('');
    expect(text.split(' ').length).toBeLessThanOrEqual(40);
    expect(page.snippet.some((p) => p.mark && fold(p.text) === 'privevenster')).toBe(true);
  });

  it('offers nothing for a word that is nowhere, and keeps the parts of a result as plain text', () => {
    expect(find('en', 'xqzzyv').total).toBe(0);
    expect(escapeHtml('<script>"x"&\'')).toBe('&#60;script&#62;&#34;x&#34;&#38;&#39;');
  });

  it('recognises crisis words in every language', () => {
    for (const q of [
      'help',
      'Help me',
      'geweld',
      'gewelddadig',
      'Gewalt',
      'violence conjugale',
      'حماية',
      'الحماية',
      'عنف',
      'lɛunf',
      'l3unf',
      'tallelt',
      '112',
      '١٧١٢',
      'aidez-moi',
    ]) {
      expect(isCrisis(q), q).toBe(true);
    }
    for (const q of ['beroepsgeheim', 'press kit', 'Mechelen', 'noodzakelijk', 'film'])
      expect(isCrisis(q), q).toBe(false);
  });
});

describe('query input', () => {
  it('treats empty and whitespace as no query', () => {
    expect(parseQuery(null)).toEqual({ kind: 'empty' });
    expect(parseQuery('')).toEqual({ kind: 'empty' });
    expect(parseQuery(' \t\n ')).toEqual({ kind: 'empty' });
    expect(parseQuery('\u0000\u001b')).toEqual({ kind: 'empty' });
  });

  it('refuses more than 200 characters, counted as characters', () => {
    expect(parseQuery('a'.repeat(200))).toEqual({ kind: 'ok', q: 'a'.repeat(200) });
    expect(parseQuery('a'.repeat(201))).toEqual({ kind: 'tooLong', length: 201 });
    expect(parseQuery('ع'.repeat(200)).kind).toBe('ok');
    expect(parseQuery('😀'.repeat(200)).kind).toBe('ok');
  });

  it('drops control and direction characters', () => {
    expect(parseQuery('geweld\u0000\u202e\u0007 thuis')).toEqual({ kind: 'ok', q: 'geweld thuis' });
  });
});
