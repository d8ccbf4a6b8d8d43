import { AREAS, areaOfPostcode, type Area } from './areas.ts';
import { MAX_QUERY_LENGTH, normalise } from './normalise.ts';
import type { Place, PlacesIndex } from './places.ts';
import { resolveArea, resolvePlace, type CentreArea, type Outcome } from './resolve.ts';
import { searchPlaces, suggestPlaces, type PlaceHit } from './search.ts';

/**
 * What the locator understood of a query, before any wording: the page, the island and the
 * JSON endpoint each phrase it in the visitor's language.
 */
export type Answer<C extends CentreArea = CentreArea> =
  | { kind: 'empty' }
  | { kind: 'too-long' }
  /** Digits that are not a Belgian postcode (not four digits, or below 1000). */
  | { kind: 'bad-postcode'; postcode: string }
  | { kind: 'no-match'; query: string; suggestions: PlaceHit[] }
  | { kind: 'place'; place: Place; matched: string; others: PlaceHit[]; outcome: Outcome<C> }
  | { kind: 'postcode'; postcode: string; area: Area; outcome: Outcome<C> };

export interface LocateOptions<C extends CentreArea> {
  index: PlacesIndex;
  centres: readonly C[];
  areas?: readonly Area[];
  /** NIS code of the place a suggestion named, when several places share a name. */
  prefer?: string | null;
}

/**
 * Answers a query: a postcode ("2800", "B-2800"), a town name in any of the portal's
 * languages ("Malines", "lier", "Liege"), or both ("2800 Mechelen": the name decides).
 * @example locate('Lier', opts) // => { kind: 'place', place: Lier, outcome: { kind: 'served', centre: mechelen, … } }
 */
export function locate<C extends CentreArea>(query: unknown, opts: LocateOptions<C>): Answer<C> {
  if (typeof query !== 'string') return { kind: 'empty' };
  if (query.length > MAX_QUERY_LENGTH) return { kind: 'too-long' };
  // Arabic-Indic digits (٢٨٠٠, ۲۸۰۰) are the same postcode.
  const text = query.trim().replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
  if (!normalise(text)) return { kind: 'empty' };

  const withPostcode = /^(?:b\s*-?\s*)?(\d+)\s*(.*)$/i.exec(text);
  if (withPostcode) {
    const digits = withPostcode[1] ?? '';
    const rest = withPostcode[2] ?? '';
    // "2800 Mechelen": a name is more precise than a postcode range.
    if (digits.length === 4 && normalise(rest)) {
      const byName = locateName(rest, opts);
      if (byName.kind === 'place') return byName;
    }
    if (!normalise(rest)) return locatePostcode(digits, opts);
  }
  return locateName(text, opts);
}

/** A place chosen directly (a suggestion picked, or the place nearest the visitor's position). */
export function answerForPlace<C extends CentreArea>(place: Place, opts: LocateOptions<C>, matched = place.label): Answer<C> {
  return { kind: 'place', place, matched, others: [], outcome: resolvePlace(place.nis, opts.centres, opts.areas) };
}

function locatePostcode<C extends CentreArea>(digits: string, opts: LocateOptions<C>): Answer<C> {
  const area = digits.length === 4 ? areaOfPostcode(Number(digits), opts.areas ?? AREAS) : null;
  if (!area) return { kind: 'bad-postcode', postcode: digits.slice(0, 12) };
  return { kind: 'postcode', postcode: digits, area, outcome: resolveArea(area, opts.centres) };
}

function locateName<C extends CentreArea>(text: string, opts: LocateOptions<C>): Answer<C> {
  const hits = searchPlaces(opts.index, text, 6);
  const preferred = opts.prefer ? hits.findIndex((h) => h.place.nis === opts.prefer) : -1;
  if (preferred > 0) hits.unshift(...hits.splice(preferred, 1));
  const [first, ...others] = hits;
  if (!first) return { kind: 'no-match', query: text, suggestions: suggestPlaces(opts.index, text) };
  return {
    kind: 'place',
    place: first.place,
    matched: first.matched,
    others,
    outcome: resolvePlace(first.place.nis, opts.centres, opts.areas),
  };
}
