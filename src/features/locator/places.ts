import { normalise, variants } from './normalise.ts';

/** The portal's locales, repeated here so this module stays free of the i18n layer. */
export type NameLocale = 'nl' | 'ar' | 'ber' | 'en' | 'fr' | 'de';

/**
 * The places index as committed (`data/places.json`, written by `npm run locator:data`) and
 * sent to the browser. One row per place, most populous first, so the row order is the
 * tie-break of the search:
 *   [names, nis, lon, lat]
 * `names` is `Label|fr=Anvers|en=Antwerp|+Other`: the first part is the label (the local
 * name), `xx=` a name in language xx, `+` a further search name.
 */
export interface CompactIndex {
  source: string;
  places: [string, string, number, number][];
}

export interface Place {
  /** Row number in the index; also the population rank. */
  rank: number;
  label: string;
  /** Names per language, where the language has its own. */
  names: Partial<Record<NameLocale, string>>;
  /** Every name that finds this place, as written. */
  all: string[];
  /** NIS code of the municipality (5 digits). */
  nis: string;
  /** NIS code of the administrative arrondissement (first two digits). */
  arrondissement: string;
  lon: number;
  lat: number;
}

export interface SearchName {
  /** Normalised form. */
  key: string;
  /** The name as written, for display. */
  name: string;
  /** The label or GeoNames' own name (wins a tie against an alias). */
  primary: boolean;
  place: Place;
}

export interface PlacesIndex {
  source: string;
  places: Place[];
  names: SearchName[];
}

/**
 * Expands the compact index into places and their normalised search names.
 * Runs once per process (server) or page (browser): about 550 places.
 */
export function loadIndex(compact: CompactIndex): PlacesIndex {
  const places: Place[] = [];
  const names: SearchName[] = [];
  compact.places.forEach(([nameSpec, nis, lon, lat], rank) => {
    const parts = nameSpec.split('|');
    const label = parts[0] ?? '';
    const place: Place = { rank, label, names: {}, all: [label], nis, arrondissement: nis.slice(0, 2), lon, lat };
    const primaries = new Set([label]);
    for (const part of parts.slice(1)) {
      const m = /^([a-z]{2,3})=(.+)$/.exec(part);
      if (m?.[1] && m[2]) {
        place.names[m[1] as NameLocale] = m[2];
        place.all.push(m[2]);
      } else if (part.startsWith('*')) {
        // `*Name`: GeoNames' own name where the label differs; it counts as primary.
        place.all.push(part.slice(1));
        primaries.add(part.slice(1));
      } else if (part.startsWith('+')) place.all.push(part.slice(1));
    }
    const seen = new Set<string>();
    for (const name of place.all) {
      const key = normalise(name);
      for (const k of [key, ...variants(key)]) {
        if (seen.has(k)) continue;
        seen.add(k);
        names.push({ key: k, name, primary: primaries.has(name), place });
      }
    }
    places.push(place);
  });
  return { source: compact.source, places, names };
}

/**
 * The name to show for a place on a page in `locale`: its own name in that language, else
 * its local name.
 * @example placeName(antwerpen, 'en') // => 'Antwerp'
 */
export function placeName(place: Place, locale: NameLocale): string {
  return place.names[locale] ?? place.label;
}
