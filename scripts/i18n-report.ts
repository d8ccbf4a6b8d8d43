// Prints every page, news item, campaign, UI string file, data file and film × locale with its
// translation state (source, missing, unchecked, translated, outdated, checked), the segment
// counts, and every missing UI key. Exits 1 when a page or a key is missing.
// Usage: npm run i18n:report [-- --json]
import { LOCALES } from '../src/i18n/locales.ts';
import { translationReport } from '../src/features/translations/state.ts';

const json = process.argv.includes('--json');
const report = translationReport(process.cwd());
if (json) {
  console.log(
    JSON.stringify(
      {
        generated: new Date().toISOString(),
        locales: LOCALES,
        units: report.units,
        totals: report.totals,
        missingKeys: report.missingKeys,
      },
      null,
      2,
    ),
  );
} else {
  const width = Math.max(...report.units.map((u) => u.key.length));
  console.log(`${'unit'.padEnd(width)} | ${LOCALES.map((l) => l.padEnd(10)).join(' | ')}`);
  console.log(`${'-'.repeat(width)}-|-${LOCALES.map(() => '-'.repeat(10)).join('-|-')}`);
  for (const u of report.units) {
    console.log(`${u.key.padEnd(width)} | ${LOCALES.map((l) => (u.locales[l]?.state ?? '').padEnd(10)).join(' | ')}`);
  }
  console.log('\nsource = the Dutch original · missing = not translated (the Dutch is shown with a notice)');
  console.log('unchecked = machine or editor translation, not reviewed · translated = by a translator, not reviewed');
  console.log(
    'outdated = the Dutch changed since the translation (the page says so) · checked = reviewed by a native speaker\n',
  );
  console.log('Segments per locale:');
  for (const l of LOCALES) {
    console.log(
      `  ${l.padEnd(4)} ${Object.entries(report.totals[l] ?? {})
        .map(([s, n]) => `${n} ${s}`)
        .join(', ')}`,
    );
  }
  const outdated = report.units.flatMap((u) =>
    LOCALES.filter((l) => u.locales[l]?.state === 'outdated').map(
      (l) => `  ${l.padEnd(4)} ${u.key}: ${u.locales[l]!.stale?.join(', ')}`,
    ),
  );
  if (outdated.length)
    console.log(
      `\nOutdated (segment ids; npm run i18n:export -- --locale <l> --only outdated):\n${outdated.join('\n')}`,
    );
  console.log('');
  if (report.missingKeys.length === 0) console.log('UI strings: no key is missing in any locale.');
  else {
    console.log(`UI strings: ${report.missingKeys.length} missing:`);
    for (const m of report.missingKeys) console.log(`  ${m.locale}  ${m.key}`);
  }
}
if (report.missingPages.length > 0 || report.missingKeys.length > 0) process.exitCode = 1;
