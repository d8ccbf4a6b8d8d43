/**
 * npm run bench:search — the search's figures without the whole `npm run bench`: each locale's
 * index size, one search's time in process (p50/p99 over the queries in search-measure.ts,
 * snippets included), and `GET /nl/search/?q=…` requests per second beside a static page in
 * the same run (autocannon, 50 connections). Needs a build (`npm run build`) for the load part.
 *
 *   BENCH_SECONDS=10 BENCH_PORT=4392 npm run bench:search
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { startBenchServer } from './bench-server.ts';
import { SEARCH_URL, measureSearch } from './search-measure.ts';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const port = Number(process.env['BENCH_PORT'] ?? 4392);
const kb = (n: number) => (n / 1024).toFixed(1);

const { indexes, times, all } = measureSearch();
console.log('index per locale (the JSON in the server bundle)');
for (const i of indexes)
  console.log(
    `  ${i.locale.padEnd(4)} ${String(i.documents).padStart(4)} entries  ${kb(i.bytes).padStart(6)} KB  (${kb(i.gzip)} KB gzip)`,
  );
console.log(
  `search in process, snippets included (goal: p99 ≤ 2 ms); load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')}`,
);
console.log('  wall clock (what a visitor waits) and CPU time of this process (the search alone, whatever else runs)');
for (const t of [...times, { ...all, locale: 'all' }]) {
  console.log(
    `  ${t.locale.padEnd(4)} ${String(t.searches).padStart(5)} searches  wall p50 ${t.p50.toFixed(3)} ms  p99 ${t.p99.toFixed(3)} ms  max ${t.max.toFixed(2)} ms   CPU p50 ${t.cpuP50.toFixed(3)} ms  p99 ${t.cpuP99.toFixed(3)} ms`,
  );
}

const run = (opts: autocannon.Options) =>
  autocannon({ connections: 50, duration: seconds, ...opts }) as unknown as Promise<autocannon.Result>;
const { base, stop } = await startBenchServer(port);
try {
  await run({ url: `${base}/nl/`, duration: 2 }); // warm-up
  await run({ url: base + SEARCH_URL, duration: 2 });
  const page = await run({ url: `${base}/nl/` });
  const found = await run({ url: base + SEARCH_URL });
  // The floor of any on-demand answer on this server: the smallest route there is.
  const health = await run({ url: `${base}/healthz` });
  const rate = (r: autocannon.Result) => r['2xx'] / r.duration;
  const line = (name: string, r: autocannon.Result) =>
    `  ${name.padEnd(44)} ${String(Math.round(rate(r))).padStart(6)} /s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  (${r.non2xx} non-2xx, ${r.errors} errors)`;
  console.log(`load, 50 connections, ${seconds} s each, loopback`);
  console.log(line('static page GET /nl/', page));
  console.log(line(`GET ${SEARCH_URL}`, found));
  console.log(line('on-demand floor GET /healthz', health));
  console.log(
    `  search / static page: ${(rate(found) / rate(page)).toFixed(2)} (goal ≥ 0.5); search / healthz: ${(rate(found) / rate(health)).toFixed(2)}`,
  );
} finally {
  stop();
}
