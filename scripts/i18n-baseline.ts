// Records, for every translation that has no record yet, the hash of the Dutch it stands beside
// (content/translations/<locale>.json). Run once when the workflow started (29 November 2026);
// later, only the import records hashes. With --adapted, also records every section whose
// translation does not follow the Dutch blocks as adapted on purpose (check each one first:
// docs/translating.md). Usage: npm run i18n:baseline [-- --adapted]
import { DEFAULT_LOCALE, LOCALES } from '../src/i18n/locales.ts';
import { baseline } from '../src/features/translations/workflow.ts';

for (const locale of LOCALES) {
  if (locale === DEFAULT_LOCALE) continue;
  console.log(
    `${locale}: ${baseline(process.cwd(), locale, process.argv.includes('--adapted'))} segment hashes recorded`,
  );
}
