import { normalise, variants } from './normalise.ts';
import type { Projection } from './geo.ts';

/** The portal's locales, repeated here so this module stays free of the i18n layer. */
export type NameLocale = 'nl' | 'ar' | 'ber' | 'en' | 'fr' | 'de';

/**
 * The places index as committed (`data/places.json`, written by `npm run locator:data` from
 * bpost's postcode list, GeoNames and the tables in `aliases.ts` and `municipalities.ts`).
 * Name specs read `Label|fr=Anvers|en=Antwerp|+Other`: the label (the local name), `xx=` a
 * name in language xx, `+` a further search name.
 */
export interface CompactIndex {
  source: string;
  /** [name spec, NIS code, lon, lat] */
  municipalities: [string, string, number, number][];
  /**
   * [name spec, municipality row, postcodes (space-separated), lon, lat, kind], biggest
   * first, so the row order is the tie-break of the search. Kind: 0 the main municipality's
   * own locality, 1 a sub-municipality (deelgemeente, district), 2 an organisation's postcode.
   */
  localities: [string, number, string, number, number, number][];
  /** [new name, year, member municipality rows, row of a member moved to another area or -1, its new arrondissement] */
  mergers: [string, number, number[], number, string][];
}

export interface Merger {
  name: string;
  year: number;
  members: Municipality[];
}

export interface Municipality {
  label: string;
  names: Partial<Record<NameLocale, string>>;
  /** NIS code (5 digits); a municipality merged in 2019 has its merged municipality's code. */
  nis: string;
  /** NIS code of the administrative arrondissement (first two digits). */
  arrondissement: string;
  lon: number;
  lat: number;
  /** The merger that made it part of another municipality, if any. */
  merger?: Merger;
  /** The arrondissement the merger moved it to, where the sources do not settle its centre. */
  movedTo?: string;
}

export interface Place {
  /** Row number in the index: bigger places first. */
  rank: number;
  label: string;
  /** Names per language, where the language has its own. */
  names: Partial<Record<NameLocale, string>>;
  /** Every name that finds this place, as written. */
  all: string[];
  kind: 'main' | 'sub' | 'special' | 'merged';
  municipality: Municipality;
  /** For a merged municipality's new name: the municipalities it joined. */
  members: Municipality[];
  /** NIS code of the municipality. */
  nis: string;
  arrondissement: string;
  postcodes: string[];
  lon: number;
  lat: number;
}

export interface SearchName {
  /** Normalised form. */
  key: string;
  /** The name as written, for display. */
  name: string;
  /** The label (wins a tie against another language's name). */
  primary: boolean;
  place: Place;
}

export interface PlacesIndex {
  source: string;
  places: Place[];
  municipalities: Municipality[];
  names: SearchName[];
  /** Normalised name → the names that are exactly it. */
  exact: Map<string, SearchName[]>;
  /** Postcode → its places, biggest first. */
  byPostcode: Map<string, Place[]>;
  /** A word of a longer own name → the places ("berchem" → Sint-Agatha-Berchem), biggest first. */
  byWord: Map<string, Place[]>;
}

function parseSpec(spec: string) {
  const parts = spec.split('|');
  const label = parts[0] ?? '';
  const names: Partial<Record<NameLocale, string>> = {};
  const all = [label];
  for (const part of parts.slice(1)) {
    const m = /^([a-z]{2,3})=(.+)$/.exec(part);
    if (m?.[1] && m[2]) {
      names[m[1] as NameLocale] = m[2];
      all.push(m[2]);
    } else if (part.startsWith('+')) all.push(part.slice(1));
  }
  return { label, names, all };
}

/**
 * Expands the compact index into places and their normalised search names, with a map by
 * exact name and one by postcode. Runs once per process: about 2,800 places.
 */
export function loadIndex(compact: CompactIndex): PlacesIndex {
  const municipalities: Municipality[] = compact.municipalities.map(([spec, nis, lon, lat]) => {
    const { label, names } = parseSpec(spec);
    return { label, names, nis, arrondissement: nis.slice(0, 2), lon, lat };
  });
  const places: Place[] = [];
  const kinds = ['main', 'sub', 'special'] as const;
  compact.localities.forEach(([spec, muni, postcodes, lon, lat, kind]) => {
    const { label, names, all } = parseSpec(spec);
    const municipality = municipalities[muni]!;
    places.push({
      rank: 0,
      label,
      names,
      all,
      kind: kinds[kind] ?? 'sub',
      municipality,
      members: [],
      nis: municipality.nis,
      arrondissement: municipality.arrondissement,
      postcodes: postcodes.split(' '),
      lon,
      lat,
    });
  });
  for (const [name, year, rows, moved, to] of compact.mergers) {
    const members = rows.map((r) => municipalities[r]!);
    const merger: Merger = { name, year, members };
    for (const m of members) if (normalise(m.label) !== normalise(name)) m.merger = merger;
    if (moved >= 0) municipalities[moved]!.movedTo = to;
    // A new name that is no municipality of the list ("Pelt") is a place of its own.
    if (!places.some((p) => p.kind === 'main' && normalise(p.label) === normalise(name))) {
      const first = members[0]!;
      const postcodes = places
        .filter((p) => members.includes(p.municipality) && p.kind === 'main')
        .flatMap((p) => p.postcodes);
      places.push({
        rank: 0,
        label: name,
        names: {},
        all: [name],
        kind: 'merged',
        municipality: first,
        members,
        nis: first.nis,
        arrondissement: first.arrondissement,
        postcodes,
        lon: first.lon,
        lat: first.lat,
      });
    }
  }
  const names: SearchName[] = [];
  const exact = new Map<string, SearchName[]>();
  const byPostcode = new Map<string, Place[]>();
  const byWord = new Map<string, Place[]>();
  places.forEach((place, rank) => {
    place.rank = rank;
    const seen = new Set<string>();
    for (const name of place.all) {
      const key = normalise(name);
      for (const k of [key, ...variants(key)]) {
        if (seen.has(k)) continue;
        seen.add(k);
        const n = { key: k, name, primary: name === place.label, place };
        if (n.primary && place.kind !== 'special' && k.includes(' ')) {
          for (const w of new Set(k.split(' '))) {
            const list = byWord.get(w);
            if (!list) byWord.set(w, [place]);
            else if (!list.includes(place)) list.push(place);
          }
        }
        names.push(n);
        const list = exact.get(k);
        if (list) list.push(n);
        else exact.set(k, [n]);
      }
    }
    if (place.kind === 'merged') return;
    for (const pc of place.postcodes) {
      const list = byPostcode.get(pc);
      if (list) list.push(place);
      else byPostcode.set(pc, [place]);
    }
  });
  return { source: compact.source, places, municipalities, names, exact, byPostcode, byWord };
}

/**
 * The name to show for a place on a page in `locale`: its own name in that language, else
 * its local name.
 * @example placeName(antwerpen, 'en') // => 'Antwerp'
 */
export function placeName(
  place: { label: string; names: Partial<Record<NameLocale, string>> },
  locale: NameLocale,
): string {
  return place.names[locale] ?? place.label;
}

export interface MapData {
  source: string;
  width: number;
  height: number;
  /** SVG path of Belgium's outline, in map coordinates. */
  outline: string;
  projection: Projection;
}
