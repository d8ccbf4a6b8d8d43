/**
 * Prints what the locator costs: the size of its data (server, and what the browser would get),
 * and the time of a lookup (mean and 99th percentile), for postcodes and exact names apart from
 * prefixes, typos and junk.
 * Usage: npm run bench:locator   (after `npm run build` it also weighs the built client module)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { COMPACT_INDEX, placesIndex } from '../src/features/locator/data.ts';
import { locate } from '../src/features/locator/locate.ts';
import { searchPlaces } from '../src/features/locator/search.ts';
import { centreView } from '../src/features/locator/view.ts';
import type { Centre } from '../src/content/schemas.ts';

const BROWSER_BUDGET_KB = 30;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

// 1. Size.
const raw = readFileSync('src/features/locator/data/places.json');
const minified = Buffer.from(JSON.stringify(COMPACT_INDEX));
console.log(
  `places data: ${COMPACT_INDEX.localities.length} places, ${COMPACT_INDEX.municipalities.length} municipalities, ${COMPACT_INDEX.mergers.length} mergers`,
);
console.log(`  server (committed file) ${kb(raw.length)}, ${kb(gz(raw))} gzip`);
const full = gz(minified);
console.log(
  `  the whole table in the browser would be ${kb(minified.length)}, ${kb(full)} gzip (budget ${BROWSER_BUDGET_KB} KB): ${full <= BROWSER_BUDGET_KB * 1024 ? 'fits' : 'too big: the browser asks /api/centres instead'}`,
);
const points = readFileSync('src/features/locator/data/points.json');
console.log(`  "use my location" points (loaded only when asked) ${kb(points.length)}, ${kb(gz(points))} gzip`);
const assets = 'dist/client/_astro';
if (existsSync(assets)) {
  for (const f of readdirSync(assets).filter(
    (n) => /^(LocatorForm|locator-search|points)/.test(n) && n.endsWith('.js'),
  )) {
    const js = readFileSync(`${assets}/${f}`);
    console.log(`  built client chunk ${f}: ${kb(js.length)}, ${kb(gz(js))} gzip`);
  }
}

// 2. Time. Real centres; each kind of query timed apart.
const centres = (JSON.parse(readFileSync('content/centres.json', 'utf8')) as Centre[]).map((c) => centreView(c, 'nl'));
const t0 = performance.now();
const index = placesIndex();
console.log(`\nindex expanded in ${(performance.now() - t0).toFixed(2)} ms (once per process)`);
const KINDS: Record<string, string[]> = {
  postcodes: [
    '2000',
    '2140',
    '2600',
    '2800',
    '9000',
    '1000',
    '3290',
    '8400',
    '5000',
    '4000',
    '2070',
    '9690',
    '1500',
    '2980',
    'B-2440',
  ],
  'exact names': [
    'Antwerpen',
    'Borgerhout',
    'Berchem',
    'Deurne',
    'Halle',
    'Malines',
    'Liège',
    'Merksem',
    'Kessel-Lo',
    'Jambes',
    'Pelt',
    'Zwijndrecht',
    'Sint-Agatha-Berchem',
    'Anvers',
    'أنتويرب',
  ],
  'postcode + name': ['2140 Borgerhout', 'Borgerhout 2140', 'Berchem 2600', '2800 Mechelen', '9690 Berchem'],
  prefixes: ['a', 'sint', 'mech', 'borg', 'ber', 'ke'],
  'typos and junk': [
    'Borgerhoud',
    'Mechlen',
    'Brusel',
    'Atlantis',
    '<script>alert(1)</script>',
    'x'.repeat(90),
    '0000',
    '99999',
  ],
};
function bench(name: string, queries: string[], fn: (q: string) => unknown, rounds = 300) {
  for (let i = 0; i < 30; i++) for (const q of queries) fn(q); // warm up
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
  console.log(
    `${name.padEnd(34)} ${String(times.length).padStart(6)} lookups, mean ${(mean * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs`,
  );
}
for (const [kind, queries] of Object.entries(KINDS))
  bench(`locate: ${kind}`, queries, (q) => locate(q, { index, centres }));
bench('suggestions as you type (prefixes)', KINDS['prefixes']!, (q) => searchPlaces(index, q, 8));
