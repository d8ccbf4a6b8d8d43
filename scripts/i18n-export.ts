// Writes one locale's texts as an XLIFF 1.2 file for a translator or reviewer (docs/translating.md).
// Usage: npm run i18n:export -- --locale fr --out fr.xlf [--only missing|outdated|unchecked]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_LOCALE, isLocale, LOCALES } from '../src/i18n/locales.ts';
import { exportXliff, type Only } from '../src/features/translations/workflow.ts';

const usage =
  'usage: npm run i18n:export -- --locale <ar|ber|en|fr|de> --out <file.xlf> [--only missing|outdated|unchecked]';
let values: { locale?: string | undefined; out?: string | undefined; only?: string | undefined };
try {
  ({ values } = parseArgs({
    options: { locale: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' } },
  }));
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const { locale, out, only } = values;
if (!isLocale(locale) || locale === DEFAULT_LOCALE || !out) {
  console.error(
    `${!isLocale(locale) || locale === DEFAULT_LOCALE ? `--locale must be one of ${LOCALES.filter((l) => l !== DEFAULT_LOCALE).join(', ')}` : '--out is required'}\n${usage}`,
  );
  process.exit(2);
}
if (only !== undefined && only !== 'missing' && only !== 'outdated' && only !== 'unchecked') {
  console.error(`--only must be missing, outdated or unchecked\n${usage}`);
  process.exit(2);
}
const result = exportXliff(process.cwd(), locale, only as Only | undefined);
if (result.segments === 0) {
  // An XLIFF file needs at least one <file>: say so instead of writing an invalid one.
  console.log(`${locale}: nothing ${only ? `is ${only}` : 'to translate'}; ${out} not written`);
  process.exit(0);
}
writeFileSync(out, result.xml);
const counts = Object.entries(result.counts)
  .filter(([, n]) => n > 0)
  .map(([s, n]) => `${n} ${s}`)
  .join(', ');
console.log(
  `${out}: ${result.segments} segments in ${result.units} units (${counts || 'nothing to translate'}), ${Buffer.byteLength(result.xml)} bytes`,
);
