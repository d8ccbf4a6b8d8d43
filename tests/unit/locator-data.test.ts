import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALIASES } from '../../src/features/locator/aliases.ts';
import { buildMap, buildPlacesIndex, formatIndex, formatMap } from '../../src/features/locator/build.ts';
import { AREAS } from '../../src/features/locator/areas.ts';
import { loadLocatorSources } from '../../scripts/locator-sources.ts';
import { CENTRES, INDEX } from './locator-fixtures.ts';

const src = loadLocatorSources();

describe('the committed locator data', () => {
  it('is what `npm run locator:data` writes from the registry packages (run it after updating them)', () => {
    const places = buildPlacesIndex(src.cities, ALIASES, src.citiesSource);
    expect(readFileSync('src/features/locator/data/places.json', 'utf8')).toBe(formatIndex(places));
    const map = buildMap(src.topology, src.mapSource);
    expect(readFileSync('src/features/locator/data/map.json', 'utf8')).toBe(formatMap(map));
  });

  it('holds every Belgian place of the package that has a NIS code', () => {
    const be = src.cities.filter((c) => c.country === 'BE' && /^\d{5}$/.test(c.muniSub ?? ''));
    expect(INDEX.places.length).toBe(be.length);
    expect(INDEX.places.length).toBeGreaterThan(500);
  });

  it('refuses an alias that names no place in the data', () => {
    expect(() => buildPlacesIndex(src.cities, [{ geonames: 'Atlantis', nis: '99999' }], 'x')).toThrow(/Atlantis/);
  });
});

describe('the centres collection', () => {
  it('places each centre at its city’s coordinates in the places index', () => {
    for (const c of CENTRES) {
      const city = INDEX.places.find((p) => p.nis === c.cityNis && p.label === c.city);
      expect(city, c.id).toBeDefined();
      expect(c.coordinates, c.id).toEqual([city!.lon, city!.lat]);
    }
  });

  it('serves each arrondissement at most once, and only ones that exist', () => {
    const all = CENTRES.flatMap((c) => c.serves);
    expect(new Set(all).size).toBe(all.length);
    const known = new Set(AREAS.flatMap((a) => a.arrondissements));
    for (const code of all) expect(known.has(code.slice(0, 2)), code).toBe(true);
  });

  it('invents no contact detail: the Antwerp address stays unpublished, unknown fields stay empty', () => {
    const antwerpen = CENTRES.find((c) => c.id === 'antwerpen')!;
    expect(antwerpen.address).toBe('');
    expect(antwerpen.referral).toBe('form');
    // Every phone number shown has a source; today only Espace VIF's line is known.
    expect(CENTRES.filter((c) => c.phone).map((c) => c.id)).toEqual(['espace-vif']);
    for (const c of CENTRES) expect(c.hours, c.id).toBe('');
  });
});
