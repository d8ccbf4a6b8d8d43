import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeViolation, readGlossary, scanText } from '../../tools/glossary.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { FAMILY_TOPICS } from '../../src/i18n/routes.ts';
import {
  checkPage,
  formatFinding,
  plainLines,
  sentences,
  wordCount,
  type PageText,
  type PlainLanguageRules,
} from '../../src/lib/plain-language.ts';

const config = JSON.parse(readFileSync('content/plain-language.json', 'utf8')) as {
  maxWords: number;
  jargon: Record<string, PlainLanguageRules['jargon']>;
};
const FAMILY_PAGES = ['families', ...FAMILY_TOPICS];

function readPage(id: string): PageText {
  const source = readFileSync(`content/pages/${id}.md`, 'utf8');
  const [, front = '', body = ''] = source.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
  const data = parse(front) as { title: string; description: string; faq?: { q: string; a: string }[] };
  return { id, title: data.title, description: data.description, body, faq: data.faq };
}

const rules: PlainLanguageRules = {
  maxWords: 12,
  jargon: [
    { term: 'CAW', pattern: 'CAW(?!\\.be)' },
    { term: 'casusregisseur', pattern: 'casusregisseur' },
  ],
};
const page = (body: string, faq?: PageText['faq']): PageText => ({
  id: 'nl/x',
  title: 'Titel',
  description: 'Uitleg.',
  body,
  faq,
});

describe('the plain-language check', () => {
  it('accepts a jargon word glossed in parentheses at first use, and later uses without', () => {
    expect(checkPage(page('Bel het CAW (een welzijnsdienst). Het CAW helpt.'), rules)).toEqual([]);
  });

  it('names the page, the word and the sentence when the first use is not explained', () => {
    const findings = checkPage(page('Wat doet het CAW? Het CAW (een welzijnsdienst) helpt.'), rules);
    expect(findings.map(formatFinding)).toEqual(['nl/x: "CAW" is not explained at first use: Wat doet het CAW?']);
  });

  it('matches the word in any case and with an ending, and keeps emphasis out of the way', () => {
    expect(checkPage(page('De **casusregisseurs** (vaste hulpverleners) helpen.'), rules)).toEqual([]);
    expect(checkPage(page('De Casusregisseurs helpen.'), rules)).toHaveLength(1);
  });

  it('reads the questions and answers after the body', () => {
    expect(checkPage(page('Niets.', [{ q: 'Wie helpt?', a: 'De casusregisseur.' }]), rules)).toHaveLength(1);
  });

  it('does not count a word inside another word’s gloss, nor a web address', () => {
    expect(checkPage(page('Het parket (de dienst bij het CAW) beslist. Zie caw.be.'), rules)).toEqual([]);
  });

  it('flags a sentence over the limit, but not a quoted law', () => {
    const long = 'een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien.';
    expect(checkPage(page(long), rules).map((f) => f.kind)).toEqual(['length']);
    expect(checkPage(page(`De wet zegt: "${long} ${long}"`), rules)).toEqual([]);
  });

  it('splits Markdown into lines and sentences, and counts words', () => {
    expect(plainLines('## Wie?\n\n- **1712**: bel [1712](tel:1712).\n- Of 112.')).toEqual([
      'Wie?',
      '1712: bel 1712.',
      'Of 112.',
    ]);
    expect(sentences('Bel 1712. Is er gevaar? Bel 112.')).toEqual(['Bel 1712.', 'Is er gevaar?', 'Bel 112.']);
    expect(sentences('هل هناك خطر؟ اتصل بالرقم 112.')).toEqual(['هل هناك خطر؟', 'اتصل بالرقم 112.']);
    expect(wordCount('Bel - nu - 1712.')).toBe(3);
    expect(wordCount('Hij zei: "een twee drie vier".')).toBe(3);
  });
});

describe('the families pages are in plain language', () => {
  it('has a jargon list for every locale', () => {
    expect(Object.keys(config.jargon).sort()).toEqual([...LOCALES].sort());
  });

  it('asks to explain the glossary’s terms, never a variant the glossary forbids (ber: nniyaba, not parket)', () => {
    const forbidden = LOCALES.flatMap((locale) =>
      (config.jargon[locale] ?? []).flatMap(({ term }) =>
        scanText(term, readGlossary('.', locale), `${locale} jargon`, undefined, { informalAddress: true }).map(
          describeViolation,
        ),
      ),
    );
    expect(forbidden).toEqual([]);
  });

  for (const locale of LOCALES) {
    it(`${locale}: every families page explains its jargon at first use and keeps sentences to ${config.maxWords} words`, () => {
      const findings = FAMILY_PAGES.filter((p) => existsSync(`content/pages/${locale}/${p}.md`)).flatMap((p) =>
        checkPage(readPage(`${locale}/${p}`), { maxWords: config.maxWords, jargon: config.jargon[locale] ?? [] }),
      );
      expect(findings.map(formatFinding)).toEqual([]);
    });
  }
});
