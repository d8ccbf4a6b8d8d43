import { AREAS, areaOfPostcode, type Area } from './areas.ts';
import { MAX_QUERY_LENGTH, normalise, variants } from './normalise.ts';
import type { Place, PlacesIndex } from './places.ts';
import { combineOutcomes, resolveLocality, type CentreArea, type Outcome } from './resolve.ts';
import { searchPlaces, suggestPlaces, type PlaceHit } from './search.ts';

/** A place with the answer for it, as a list shows it (a shared name, a postcode's localities). */
export interface PlaceOutcome<C extends CentreArea = CentreArea> {
  place: Place;
  outcome: Outcome<C>;
}

/**
 * What the locator understood of a query, before any wording: the page, the search field, the JSON
 * endpoint and the referral each phrase it in their own words.
 */
export type Answer<C extends CentreArea = CentreArea> =
  | { kind: 'empty' }
  | { kind: 'too-long' }
  /** Digits that are not a Belgian postcode (not four digits, or not in bpost's list). */
  | { kind: 'bad-postcode'; postcode: string }
  | { kind: 'no-match'; query: string; suggestions: PlaceHit[] }
  | { kind: 'place'; place: Place; matched: string; others: PlaceHit[]; outcome: Outcome<C> }
  /** Several places bear the name: each with its postcode, municipality and answer. */
  | { kind: 'places'; query: string; places: PlaceOutcome<C>[]; outcome: Outcome<C> }
  /** A postcode: its localities, each with its answer, and the answer for the whole code. */
  | { kind: 'postcode'; postcode: string; area: Area; places: PlaceOutcome<C>[]; outcome: Outcome<C> };

export interface LocateOptions<C extends CentreArea> {
  index: PlacesIndex;
  centres: readonly C[];
  areas?: readonly Area[];
  /** NIS code of the place a suggestion named, when several places share a name (older links). */
  prefer?: string | null;
}

/**
 * Answers a query: a postcode ("2140", "B-2800"), a place name in any of the portal's languages
 * ("Borgerhout", "Malines", "Liege"), or both in either order ("2140 Borgerhout", "Berchem 2600":
 * the pair decides).
 * @example locate('Borgerhout', opts) // => { kind: 'place', place: Borgerhout (Antwerpen), outcome: served by antwerpen }
 */
export function locate<C extends CentreArea>(query: unknown, opts: LocateOptions<C>): Answer<C> {
  if (typeof query !== 'string') return { kind: 'empty' };
  if (query.length > MAX_QUERY_LENGTH) return { kind: 'too-long' };
  // Arabic-Indic digits (٢١٤٠, ۲۱۴۰) are the same postcode.
  const text = query.trim().replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
  if (!normalise(text)) return { kind: 'empty' };

  const lead = /^(?:b\s*-?\s*)?(\d+)\s*(.*)$/i.exec(text);
  const trail = lead ? null : /^(.*\D)\s+(?:b\s*-?\s*)?(\d{4})$/i.exec(text);
  const digits = lead?.[1] ?? trail?.[2];
  const rest = lead ? (lead[2] ?? '') : (trail?.[1] ?? '');
  if (digits !== undefined) {
    if (!normalise(rest)) return locatePostcode(digits, opts);
    if (digits.length === 4) {
      const inCode = placesInPostcode(digits, rest, opts.index);
      if (inCode) return answerForPlace(inCode.place, opts, inCode.name);
      // The name is not in that postcode: the name decides, if it is known.
      const byName = locateName(rest, opts);
      if (byName.kind !== 'no-match') return byName;
      return locatePostcode(digits, opts);
    }
  }
  return locateName(text, opts);
}

/** A place chosen directly (a suggestion picked, the place nearest a position). */
export function answerForPlace<C extends CentreArea>(
  place: Place,
  opts: LocateOptions<C>,
  matched = place.label,
): Answer<C> {
  return { kind: 'place', place, matched, others: [], outcome: resolveLocality(place, opts.centres, opts.areas) };
}

/** The place of a postcode whose name is, or starts with, `name`. */
function placesInPostcode(postcode: string, name: string, index: PlacesIndex): { place: Place; name: string } | null {
  const q = normalise(name);
  const places = index.byPostcode.get(postcode) ?? [];
  let prefix: { place: Place; name: string } | null = null;
  for (const place of places) {
    for (const n of place.all) {
      const key = normalise(n);
      if (key === q || variants(key).includes(q)) return { place, name: n };
      if (!prefix && key.startsWith(q)) prefix = { place, name: n };
    }
  }
  return prefix;
}

function locatePostcode<C extends CentreArea>(digits: string, opts: LocateOptions<C>): Answer<C> {
  const places = digits.length === 4 ? opts.index.byPostcode.get(digits) : undefined;
  const area = places ? areaOfPostcode(Number(digits), opts.areas ?? AREAS) : null;
  if (!places || !area) return { kind: 'bad-postcode', postcode: digits.slice(0, 12) };
  const list = places.map((place) => ({ place, outcome: resolveLocality(place, opts.centres, opts.areas) }));
  return {
    kind: 'postcode',
    postcode: digits,
    area,
    places: list,
    outcome: combineOutcomes(list.map((p) => p.outcome)),
  };
}

function locateName<C extends CentreArea>(text: string, opts: LocateOptions<C>): Answer<C> {
  const q = normalise(text);
  const exact = new Map<Place, string>();
  for (const k of [q, ...variants(q)])
    for (const n of opts.index.exact.get(k) ?? []) if (!exact.has(n.place)) exact.set(n.place, n.name);
  const preferred = opts.prefer ? [...exact.keys()].find((p) => p.nis === opts.prefer) : undefined;
  if (preferred) return answerForPlace(preferred, opts, exact.get(preferred));
  if (exact.size === 1) {
    const [place, name] = [...exact][0]!;
    return answerForPlace(place, opts, name);
  }
  if (exact.size > 1) {
    // "Berchem": 2600 Antwerpen, 9690 Kluisbergen, and the places whose own name holds it as a
    // word (Sint-Agatha-Berchem): each with its postcode, municipality and centre.
    const shared = [...exact.keys()];
    for (const place of opts.index.byWord.get(q) ?? []) {
      if (shared.length >= 8) break;
      if (!shared.includes(place)) shared.push(place);
    }
    shared.sort((a, b) => a.rank - b.rank);
    const list = shared.map((place) => ({ place, outcome: resolveLocality(place, opts.centres, opts.areas) }));
    return { kind: 'places', query: text, places: list, outcome: combineOutcomes(list.map((p) => p.outcome)) };
  }
  const hits = searchPlaces(opts.index, text, 6);
  const [first, ...others] = hits;
  if (!first) return { kind: 'no-match', query: text, suggestions: suggestPlaces(opts.index, text) };
  return {
    kind: 'place',
    place: first.place,
    matched: first.matched,
    others,
    outcome: resolveLocality(first.place, opts.centres, opts.areas),
  };
}
