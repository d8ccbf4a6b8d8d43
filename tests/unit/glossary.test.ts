import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import {
  describeMissingGloss,
  describeViolation,
  glossViolations,
  glossaryViolations,
  localeFiles,
  missingGlosses,
  pageAddress,
  readGlossary,
  scanPage,
  scanText,
} from '../../tools/glossary.ts';

const root = process.cwd();

describe('one term for one thing in each language', () => {
  it('finds no forbidden variant in any locale file, page, film text or content entry', () => {
    // Each failure reads "file:line: "variant" → use "term" (concept)".
    expect(glossaryViolations(root).map(describeViolation)).toEqual([]);
  }, 30_000); // reads every text file of six locales: seconds on a loaded machine

  it('glosses the Veilig Huis once on every page and campaign that names it (en, fr, de, ar, ber)', () => {
    expect(glossViolations(root).map(describeMissingGloss)).toEqual([]);
  }, 30_000);

  it('has a glossary for every locale, and no term forbids itself', () => {
    for (const locale of LOCALES) {
      const glossary = readGlossary(root, locale);
      expect(glossary.locale).toBe(locale);
      for (const entry of glossary.terms) {
        const own = scanText(
          entry.term.replace(/\(.*?\)/g, ''),
          { ...glossary, terms: [{ ...entry, patterns: [] }] },
          'term',
        );
        expect(
          own.map((v) => `${locale}: ${v.found}`),
          entry.concept,
        ).toEqual([]);
      }
    }
  });

  it('keeps the Tarifit glossary marked as not checked by a native speaker, with its sources', () => {
    const ber = readGlossary(root, 'ber');
    expect(ber.review).toMatch(/not checked by a native speaker/);
    expect(ber.sources?.length).toBeGreaterThan(0);
  });

  it('reads every kind of text: locale strings, pages, captions, transcripts, film titles, content entries', () => {
    const paths = localeFiles(root, 'de').map((f) => f.path.replace(`${root}/`, ''));
    expect(paths).toEqual(
      expect.arrayContaining([
        'locales/de/videos.json',
        'content/pages/de/families.md',
        'content/videos/families/captions.de.vtt',
        'content/videos/families/transcript.de.txt',
        'content/videos/families/video.yaml',
        'content/centres.json',
      ]),
    );
  });
});

describe('scanText', () => {
  const de = readGlossary(root, 'de');
  const ber = readGlossary(root, 'ber');
  const ar = readGlossary(root, 'ar');

  it('names file, line, the variant and the term to use', () => {
    const found = scanText(
      'Erste Zeile.\nIm Kettenansatz arbeiten alle zusammen. Ruf an, wenn du Hilfe brauchst.',
      de,
      'x.md',
    );
    expect(found.map(describeViolation)).toEqual([
      'x.md:2: "Kettenansatz" → use "vernetzter Ansatz" (ketenaanpak)',
      'x.md:2: "du" → use "Sie" (form of address)',
    ]);
  });

  it('matches whole words only, and Arabic variants with their clitics', () => {
    expect(scanText('Die Durchführung dauert.', de, 'x')).toEqual([]);
    expect(scanText('وفي نهج السلسلة', ar, 'x').map((v) => v.found)).toEqual(['نهج السلسلة']);
  });

  it('accepts a variant in brackets as a gloss where the glossary allows it, and ignores links and placeholders', () => {
    expect(scanText('## Abrid n ssensla (ketenaanpak)', ber, 'x')).toEqual([]);
    expect(scanText('Ɣar ṣṣefḥa [lxuṣuṣiya](/ber/privacy/) d {{privacy}}.', ber, 'x')).toEqual([]);
    expect(scanText('Di ketenaanpak, yella lɛunf.', ber, 'x').map((v) => v.found)).toEqual(['ketenaanpak', 'yella']);
  });

  it('finds a page that names the Veilig Huis without its gloss, and accepts bold and a source in the brackets', () => {
    const en = readGlossary(root, 'en');
    expect(
      missingGlosses('---\ntitle: x\n---\n\nAsk the Veilig Huis.\n', en, 'p.md').map(describeMissingGloss),
    ).toEqual(['p.md:5: names "Veilig Huis" but never glosses it: write "Veilig Huis (Safe House)" once']);
    expect(missingGlosses('The **Veilig Huis** (Safe House; source: x). The Veilig Huis helps.', en, 'p.md')).toEqual(
      [],
    );
    expect(missingGlosses('All Veilige Huizen.', en, 'p.md')).toEqual([]);
  });

  it('applies a line filter: only the locale’s own lines of a mixed file', () => {
    const json = '{\n  "nl": "de ketenaanpak",\n  "de": "der Kettenansatz"\n}';
    const own = (l: string) => /^\s*"de":\s*"(.*)"/.exec(l)?.[1] ?? null;
    expect(scanText(json, de, 'c.json', own).map((v) => `${v.line} ${v.found}`)).toEqual(['3 Kettenansatz']);
  });
});

describe('a page written for children may address its reader informally (address: informal, with a reason)', () => {
  const de = readGlossary(root, 'de');
  const fr = readGlossary(root, 'fr');
  const front = (address: string) =>
    `---\ntitle: Bist du ein Kind?\ndescription: Ruf Awel an.\n${address}translation:\n  status: unchecked\n---\n\nRede mit jemandem, dem du vertraust. Der Kettenansatz hilft deiner Familie.\n`;
  const informal = 'address:\n  form: informal\n  why: Written for a child of about 12.\n';

  it('accepts du/dein on a page that declares it, and still reports every other variant on that page', () => {
    expect(scanPage(front(informal), de, 'de/kind.md').map(describeViolation)).toEqual([
      'de/kind.md:11: "Kettenansatz" → use "vernetzter Ansatz" (ketenaanpak)',
    ]);
  });

  it('reports du/dein on the same page without the declaration', () => {
    expect(scanPage(front(''), de, 'de/kind.md').map((v) => `${v.line} ${v.found}`)).toEqual([
      '2 du',
      '8 Kettenansatz',
      '8 du',
      '8 deiner',
    ]);
  });

  it('does not accept the declaration without a reason, and then checks the usual address', () => {
    const found = scanPage(front('address:\n  form: informal\n'), de, 'de/kind.md');
    expect(found[0] && describeViolation(found[0])).toMatch(
      /^de\/kind\.md:4: address\.why: .*checked for the usual form of address$/,
    );
    expect(found.map((v) => v.found)).toEqual(expect.arrayContaining(['address', 'du', 'deiner', 'Kettenansatz']));
    expect(pageAddress('---\ntitle: x\naddress: informal\n---\n', 'p.md').problem?.message).toMatch(/^address: /);
  });

  it('exempts only the form of address: "tu ne dois pas" (you must not) is still reported on a French page for children', () => {
    const page = `---\ntitle: Tu es un enfant ?\n${informal}---\n\nTu ne dois pas dire ton nom.\n`;
    expect(scanPage(page, fr, 'fr/enfant.md').map((v) => v.found)).toEqual(['Tu ne dois pas']);
  });

  it('is used by the children’s page in French and German only, each with its reason', () => {
    const declared = LOCALES.flatMap((locale) =>
      localeFiles(root, locale)
        .filter((f) => f.path.endsWith('.md'))
        .filter((f) => pageAddress(readFileSync(f.path, 'utf8'), f.path).informal)
        .map((f) => relative(root, f.path)),
    );
    expect(declared.sort()).toEqual(['content/pages/de/families/children.md', 'content/pages/fr/families/children.md']);
  });
});
