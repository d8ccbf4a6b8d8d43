// Prints pages × locales with their translation state, and every missing UI key.
// Exits 1 when a page or a key is missing. Usage: npm run i18n:report
import { LOCALES } from '../src/i18n/locales.ts';
import { translationReport } from './translation-state.ts';

const report = translationReport(process.cwd());
const width = Math.max(...Object.keys(report.pages).map((p) => p.length));
console.log(`${'page'.padEnd(width)} | ${LOCALES.map((l) => l.padEnd(9)).join(' | ')}`);
console.log(`${'-'.repeat(width)}-|-${LOCALES.map(() => '-'.repeat(9)).join('-|-')}`);
for (const [page, states] of Object.entries(report.pages)) {
  console.log(`${page.padEnd(width)} | ${LOCALES.map((l) => states[l].padEnd(9)).join(' | ')}`);
}
console.log('\nsource = the Dutch original · unchecked = translated, not yet read by a native speaker');
console.log('checked = approved by a native speaker · missing = the Dutch text is shown with a notice\n');
if (report.missingKeys.length === 0) console.log('UI strings: no key is missing in any locale.');
else {
  console.log(`UI strings: ${report.missingKeys.length} missing:`);
  for (const m of report.missingKeys) console.log(`  ${m.locale}  ${m.key}`);
}
if (report.missingPages.length > 0 || report.missingKeys.length > 0) process.exitCode = 1;
