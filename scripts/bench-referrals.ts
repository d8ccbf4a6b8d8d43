/**
 * npm run bench:referrals — accepted referrals per second at 50 connections, every one synced
 * to disk before its 202, beside the same server's rate for a static page in the same run.
 * Starts the built server (run `npm run build` first) on loopback with a throw-away DATA_DIR.
 *
 *   BENCH_SECONDS=10 npm run bench:referrals
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 4391);
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), 'co3-bench-'));
const body = readFileSync('docs/referral.example.json', 'utf8');

const server = spawn(process.execPath, ['dist/server/entry.mjs'], {
  env: {
    PATH: process.env.PATH ?? '',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: path.join(dir, 'data'),
    INTAKE_INBOX_DIR: path.join(dir, 'inbox'),
    REFERRAL_RATE_LIMIT: '0',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function ready() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

type Result = autocannon.Result;
const run = (opts: autocannon.Options) => autocannon({ connections: 50, duration: seconds, ...opts }) as unknown as Promise<Result>;
const line = (name: string, r: Result, ok: number) =>
  `${name.padEnd(34)} ${String(Math.round(ok / r.duration)).padStart(7)} /s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   (${ok} ok, ${r.non2xx} non-2xx, ${r.errors} errors)`;

try {
  await ready();
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
  const health = (await (await fetch(`${base}/healthz`)).json()) as { referrals: Record<string, number> };
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
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
