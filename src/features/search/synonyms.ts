import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import type { Synonyms } from './search.ts';

/**
 * Words that should find each other, per locale: a small table of the portal's own terms
 * (names the same service has had, the words professionals and families use for the same
 * thing), plus the glossary where one exists (`content/glossary/<locale>.json`, read at build
 * time). A search for one word of a group also searches the others.
 */
export const BUILT_IN: Record<Locale, Synonyms> = {
  nl: [
    ['veilig huis', 'family justice center', 'fjc'],
    ['co3', 'ketenaanpak'],
    ['casusregisseur', 'casemanager'],
    ['intrafamiliaal geweld', 'huiselijk geweld', 'partnergeweld', 'familiaal geweld'],
    ['beroepsgeheim', 'zwijgplicht'],
    ['doorverwijzen', 'aanmelden', 'doorverwijzing', 'aanmelding'],
    ['huisverbod', 'tijdelijk huisverbod'],
  ],
  en: [
    ['safe house', 'veilig huis', 'family justice center', 'fjc'],
    ['co3', 'chain approach'],
    ['domestic violence', 'family violence', 'intrafamily violence', 'intimate partner violence'],
    ['case manager', 'case director', 'casusregisseur'],
    ['professional secrecy', 'confidentiality', 'beroepsgeheim'],
    ['referral', 'refer', 'register'],
    ['barring order', 'huisverbod'],
  ],
  fr: [
    ['maison sûre', 'veilig huis', 'family justice center', 'fjc'],
    ['co3', 'approche en chaîne'],
    ['violence intrafamiliale', 'violence conjugale', 'violences domestiques', 'violence familiale'],
    ['secret professionnel', 'beroepsgeheim'],
    ['orienter', 'orientation', 'signaler', 'référer'],
    ['interdiction de résidence', 'huisverbod'],
  ],
  de: [
    ['sicheres haus', 'veilig huis', 'family justice center', 'fjc'],
    ['co3', 'kettenansatz'],
    ['häusliche gewalt', 'innerfamiliäre gewalt', 'familiäre gewalt', 'partnergewalt'],
    ['berufsgeheimnis', 'schweigepflicht', 'beroepsgeheim'],
    ['überweisen', 'anmelden', 'überweisung', 'anmeldung'],
    ['hausverbot', 'wohnungsverweisung', 'huisverbod'],
  ],
  ar: [
    ['البيت الآمن', 'veilig huis', 'family justice center'],
    ['العنف الأسري', 'العنف داخل العائلة', 'العنف المنزلي'],
    ['السر المهني', 'beroepsgeheim'],
  ],
  ber: [
    ['veilig huis', 'family justice center', 'fjc'],
    ['lɛunf', 'geweld', 'violence'],
    ['tallelt', 'hulp', 'help', 'aide'],
  ],
};

/**
 * Synonym groups from a glossary file, whatever of the likely shapes it has: an array of
 * entries (`term` or `title`, with `synonyms`, `aliases`, `also` or `see` lists), or an object
 * of term → list. Unknown shapes give nothing rather than stop the build.
 */
export function glossaryGroups(data: unknown): Synonyms {
  const groups: Synonyms = [];
  const list = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
  const entries = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { terms?: unknown }).terms)
      ? (data as { terms: unknown[] }).terms
      : data && typeof data === 'object'
        ? Object.entries(data as Record<string, unknown>).map(([term, v]) =>
            Array.isArray(v) ? { term, synonyms: v } : { term, ...(v as object) },
          )
        : [];
  for (const e of entries) {
    if (!e || typeof e !== 'object') continue;
    const o = e as Record<string, unknown>;
    const term = list(o['term'] ?? o['title'] ?? o['name'])[0];
    const others = ['synonyms', 'aliases', 'also', 'see', 'variants'].flatMap((k) => list(o[k]));
    if (term && others.length > 0) groups.push([term, ...others]);
  }
  return groups;
}

/** The built-in groups and the glossary's, per locale (build time). */
export function synonymsFor(contentDir = 'content'): { synonyms: Record<Locale, Synonyms>; glossaryFiles: string[] } {
  const glossaryFiles: string[] = [];
  const synonyms = Object.fromEntries(
    LOCALES.map((l) => {
      const file = join(contentDir, 'glossary', `${l}.json`);
      let fromGlossary: Synonyms = [];
      if (existsSync(file)) {
        glossaryFiles.push(file);
        fromGlossary = glossaryGroups(JSON.parse(readFileSync(file, 'utf8')));
      }
      return [l, [...BUILT_IN[l], ...fromGlossary]];
    }),
  ) as Record<Locale, Synonyms>;
  return { synonyms, glossaryFiles };
}
