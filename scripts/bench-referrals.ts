/**
 * npm run bench:referrals — accepted referrals per second at 50 connections, every one synced
 * to disk before its 202, beside the same server's rate for a static page in the same run.
 * Starts the built server (run `npm run build` first) on loopback with a throw-away DATA_DIR.
 *
 *   BENCH_SECONDS=10 npm run bench:referrals
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { BENCH_HEALTHZ_TOKEN, startBenchServer } from './bench-server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 4391);
const body = readFileSync('docs/referral.example.json', 'utf8');


type Result = autocannon.Result;
const run = (opts: autocannon.Options) => autocannon({ connections: 50, duration: seconds, ...opts }) as unknown as Promise<Result>;
const line = (name: string, r: Result, ok: number) =>
  `${name.padEnd(34)} ${String(Math.round(ok / r.duration)).padStart(7)} /s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   (${ok} ok, ${r.non2xx} non-2xx, ${r.errors} errors)`;

const { base, stop } = await startBenchServer(port);
try {
  await run({ url: `${base}/nl/`, duration: 2 }); // warm-up
  const page = await run({ url: `${base}/nl/` });
  const referrals = await run({
    url: `${base}/api/referrals`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const accepted = referrals['2xx'];
  // Every 202 must be in the outbox: count them from the server itself.
  await new Promise((r) => setTimeout(r, 500));
  const health = (await (await fetch(`${base}/healthz`, { headers: { authorization: `Bearer ${BENCH_HEALTHZ_TOKEN}` } })).json()) as { referrals: Record<string, number> };
  const stored = health.referrals.pending! + health.referrals.delivered! + health.referrals.dead!;
  const pageRate = page['2xx'] / page.duration;
  const referralRate = accepted / referrals.duration;
  console.log(`50 connections, ${seconds} s each, loopback, body ${Buffer.byteLength(body)} bytes (docs/referral.example.json)`);
  console.log(line('static page GET /nl/', page, page['2xx']));
  console.log(line('POST /api/referrals (202, synced)', referrals, accepted));
  console.log(`referrals / static page: ${(referralRate / pageRate).toFixed(2)}`);
  console.log(`202 answers: ${accepted}; referrals in the outbox: ${stored} (delivered so far: ${health.referrals.delivered})`);
  if (stored < accepted) {
    console.error('LOST: fewer referrals stored than accepted');
    process.exitCode = 1;
  }
} finally {
  stop();
}
