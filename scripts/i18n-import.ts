// Reads a translated XLIFF file back into the content (docs/translating.md). Refuses the whole
// file, naming each segment, when a tag is missing or the Dutch changed since the export; exits 1 then.
// Usage: npm run i18n:import -- fr.xlf [--reviewer "name, role"] [--date YYYY-MM-DD]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importXliff } from '../src/features/translations/workflow.ts';

const usage = 'usage: npm run i18n:import -- <file.xlf> [--reviewer "name, role"] [--date YYYY-MM-DD]';
let parsed: { values: { reviewer?: string | undefined; date?: string | undefined }; positionals: string[] };
try {
  parsed = parseArgs({ allowPositionals: true, options: { reviewer: { type: 'string' }, date: { type: 'string' } } });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const [file] = parsed.positionals;
const { reviewer, date } = parsed.values;
if (!file || parsed.positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  console.error(`--date must be YYYY-MM-DD\n${usage}`);
  process.exit(2);
}
let xml: string;
try {
  xml = readFileSync(file, 'utf8');
} catch (e) {
  console.error(`cannot read ${file}: ${(e as Error).message}`);
  process.exit(2);
}
const result = importXliff(process.cwd(), xml, { reviewer, date });
if (result.refused.length > 0) {
  console.error(`${file}: refused, nothing was written. ${result.refused.length} problem(s):`);
  for (const r of result.refused) console.error(`  ${r}`);
  process.exit(1);
}
console.log(
  `${file} (${result.locale}): ${result.changed} segment(s) changed; ${result.written.length ? `wrote ${result.written.join(', ')}` : 'no file changed'}`,
);
