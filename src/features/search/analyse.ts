import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import type { Locale } from '../../i18n/locales.ts';

/**
 * How text becomes search terms, the same for what is indexed and what is asked: lower case,
 * diacritics dropped, Arabic letter forms unified, Tarifit spellings unified, then the Snowball
 * stemmer of the language (`@orama/stemmers`; Tarifit has none). Pure: no I/O.
 */

/** Snowball stemmers per locale (Tarifit: none exists; fuzzy and prefix matching stand in). */
const STEMMERS: Partial<Record<Locale, (w: string) => string>> = {
  nl: dutch,
  en: english,
  fr: french,
  de: german,
  ar: arabic,
};

/** Words too common to search for or mark (queries of nothing else still search them). */
const STOP: Record<Locale, ReadonlySet<string>> = {
  nl: words(
    'de het een en of in op te van voor met aan bij is zijn ben wat wie hoe waar als dat die dit er je jij u ik we wij ze zij hij niet ook naar om over uit tot door',
  ),
  en: words(
    'the a an and or in on at to of for with by is are be am what who how where when if that this it you i we they he she not also from as into about',
  ),
  fr: words(
    'le la les l un une des de du d et ou en au aux a à est sont que qui quoi comment où ce cet cette se je tu il elle on nous vous ils elles ne pas pour par sur dans avec',
  ),
  de: words(
    'der die das den dem des ein eine einer eines einem einen und oder in im an am auf zu zum zur von vom für mit bei ist sind was wer wie wo wenn dass ich du er sie es wir ihr nicht auch aus',
  ),
  ar: words(
    'في من على الى إلى عن ما ماذا من هل و او أو ان أن هذا هذه ذلك التي الذي هو هي انا أنا انت أنت لا كيف اين أين',
  ),
  ber: words('d n i di ad a s ma min u ur war'),
};
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' ').map((w) => fold(w)));
}

/** Splits text into words with their offsets (letters, digits and combining marks; Tarifit ɛ ɣ are letters). */
export function words_(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu))
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}
export { words_ as tokenize };

/**
 * Case, diacritics and letter forms folded, for every language: `Sécurité` → `securite`,
 * `Schläge` → `schlage`, `أمان` → `امان`, `حمايـــة` → `حمايه`, `١٧١٢` → `1712`.
 */
export function fold(word: string): string {
  return foldWord(word);
}

function foldWord(word: string): string {
  return (
    word
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/æ/g, 'ae')
      .replace(/œ/g, 'oe')
      .replace(/ø/g, 'o')
      .replace(/ł/g, 'l')
      .replace(/đ/g, 'd')
      // NFKD splits hamza (أ إ ؤ ئ), madda (آ) and Latin accents off as combining marks, dropped next
      // with the Arabic short vowels, shadda and sukun.
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/\u0640/g, '') // tatweel
      .replace(/\u0671/g, 'ا') // alef wasla
      .replace(/\u0621/g, '') // a lone hamza
      .replace(/\u0649/g, 'ي') // alef maqsura → yaa
      .replace(/\u0629/g, 'ه') // taa marbuta → haa
      .replace(/\u06cc/g, 'ي') // Persian yeh
      .replace(/\u06a9/g, 'ك') // Persian keheh
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
  );
}

/**
 * Tarifit in Latin script is written with ɛ ɣ ḥ ṭ č … or with their common ASCII spellings
 * (3 or e for ɛ, gh for ɣ, 7 for ḥ, ch/sh/tch for c and č, kh for x, ou for u). All map to one
 * key: `lɛunf`, `l3unf` and `leunf` are one word, as are `lxaṭer`, `lkhater` and `lxater`.
 * Applied to Tarifit only (in Dutch, `ch` and `ou` are ordinary letters).
 */
export function tarifit(folded: string): string {
  if (!/\p{L}/u.test(folded)) return folded;
  return folded
    .replace(/ɛ/g, 'e')
    .replace(/ɣ/g, 'g')
    .replace(/(?<=\p{L})3|3(?=\p{L})/gu, 'e')
    .replace(/(?<=\p{L})7|7(?=\p{L})/gu, 'h')
    .replace(/tch|ch|sh/g, 'c')
    .replace(/gh/g, 'g')
    .replace(/kh/g, 'x')
    .replace(/ou/g, 'u');
}

/**
 * The site's own words with their keys, per locale, filled from the indexed text only (`learn`),
 * never from a query: a query's words must not outlive its request.
 */
const vocabulary: Record<Locale, Map<string, string>> = {
  nl: new Map(),
  ar: new Map(),
  ber: new Map(),
  en: new Map(),
  fr: new Map(),
  de: new Map(),
};

/** The search key of one word in a locale ('' for nothing). */
export function termKey(word: string, locale: Locale): string {
  return vocabulary[locale].get(word) ?? computeKey(word, locale);
}

/** The key of a word of the site's text, remembered (the vocabulary is the site's, so bounded). */
export function learn(word: string, locale: Locale): string {
  let key = vocabulary[locale].get(word);
  if (key === undefined) {
    key = computeKey(word, locale);
    vocabulary[locale].set(word, key);
  }
  return key;
}

function computeKey(word: string, locale: Locale): string {
  // Only Tarifit gets its ASCII spellings folded (in Dutch, `ch` and `ou` are ordinary letters);
  // elsewhere ɛ and ɣ just lose their shape.
  let w = locale === 'ber' ? tarifit(fold(word)) : fold(word).replace(/ɛ/g, 'e').replace(/ɣ/g, 'g');
  // German written without umlauts: `Schlaege` is `Schläge` (both sides get this, so `Feuer`
  // becoming `feur` matches itself).
  if (locale === 'de') w = w.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  // The Arabic article and its clitics (ال، وال، بال، كال، فال، لل) go before stemming, so
  // `الحماية` and `حماية` have one stem.
  if (locale === 'ar' && w.length >= 5) w = w.replace(/^(?:[وفبك]?ال|لل)/, '');
  const stem = STEMMERS[locale];
  if (stem && !/^\d+$/.test(w) && w.length > 2) w = fold(stem(w));
  return w;
}

/** Whether a folded word is a stop word of the locale. */
export function isStopWord(word: string, locale: Locale): boolean {
  return STOP[locale].has(fold(word));
}

/** The keys of a text's words, stop words dropped (all kept when nothing else is left). */
export function queryKeys(text: string, locale: Locale): string[] {
  const all = words_(text).map((t) => t.word);
  const content = all.filter((w) => !isStopWord(w, locale));
  const chosen = content.length > 0 ? content : all;
  return [...new Set(chosen.map((w) => termKey(w, locale)).filter(Boolean))];
}
