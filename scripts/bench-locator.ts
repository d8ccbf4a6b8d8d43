/**
 * Prints what the locator costs: the size of the places data sent to the browser (gzip) and
 * the time of a lookup (mean and 99th percentile over many queries).
 * Usage: npm run bench:locator   (after `npm run build` it also measures the built island)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { COMPACT_INDEX, placesIndex } from '../src/features/locator/data.ts';
import { locate } from '../src/features/locator/locate.ts';
import { searchPlaces } from '../src/features/locator/search.ts';
import { centreView, type CentreInput } from '../src/features/locator/view.ts';

const BUDGET_KB = 30;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

// 1. Size.
const raw = readFileSync('src/features/locator/data/places.json');
const asShipped = Buffer.from(JSON.stringify(COMPACT_INDEX)); // Vite inlines it minified
console.log(`places data: ${COMPACT_INDEX.places.length} places`);
console.log(`  committed file ${kb(raw.length)}, ${kb(gzipSync(raw, { level: 9 }).length)} gzip`);
const gz = gzipSync(asShipped, { level: 9 }).length;
console.log(`  as sent to the browser ${kb(asShipped.length)}, ${kb(gz)} gzip (budget ${BUDGET_KB} KB): ${gz < BUDGET_KB * 1024 ? 'ok' : 'OVER'}`);
const assets = 'dist/client/_astro';
if (existsSync(assets)) {
  for (const f of readdirSync(assets).filter((n) => n.startsWith('LocatorIsland') && n.endsWith('.js'))) {
    const js = readFileSync(`${assets}/${f}`);
    console.log(`  built island chunk ${f}: ${kb(js.length)}, ${kb(gzipSync(js, { level: 9 }).length)} gzip (data + locator code)`);
  }
}

// 2. Time. Real centres, a mix of names, prefixes, postcodes, typos and junk.
const centres = (JSON.parse(readFileSync('content/centres.json', 'utf8')) as CentreInput[]).map((c) => centreView(c, 'nl'));
const t0 = performance.now();
const index = placesIndex();
console.log(`\nindex expanded in ${(performance.now() - t0).toFixed(2)} ms (once per process or page)`);
const queries = [
  'Antwerpen', 'Lier', 'Malines', 'mech', 'Liège', 'luik', 'Sankt Vith', 'St-Truiden', 'Bruxelles', 'Schaerbeek',
  'Gand', 'Brugge', 'Heist-op-den-Berg', 'Ostende', 'a', 'sint', '2000', '3500', '2800 Mechelen', '0000', '99999',
  'Mechlen', 'Brusel', 'Atlantis', '<script>alert(1)</script>', 'x'.repeat(90),
];
function bench(name: string, fn: (q: string) => unknown, rounds = 400) {
  for (let i = 0; i < 50; i++) for (const q of queries) fn(q); // warm up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const s = performance.now();
      fn(q);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p99 = times[Math.floor(times.length * 0.99)] ?? 0;
  console.log(`${name}: ${times.length} lookups, mean ${(mean * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs, max ${((times.at(-1) ?? 0) * 1000).toFixed(1)} µs`);
}
bench('locate (answer with centre)', (q) => locate(q, { index, centres }));
bench('suggestions as you type', (q) => searchPlaces(index, q, 8));
