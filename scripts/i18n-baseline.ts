// Records, for every translation that has no record yet, the hash of the Dutch it stands beside
// (content/translations/<locale>.json). Run once when the workflow started (29 November 2026);
// later, only the import records hashes. Usage: npm run i18n:baseline
import { DEFAULT_LOCALE, LOCALES } from '../src/i18n/locales.ts';
import { baseline } from './translation-workflow.ts';

for (const locale of LOCALES) {
  if (locale === DEFAULT_LOCALE) continue;
  console.log(`${locale}: ${baseline(process.cwd(), locale)} segment hashes recorded`);
}
