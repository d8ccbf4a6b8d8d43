/**
 * npm run bench:referrals — accepted referrals per second at 50 connections, every one durable
 * (committed) before its 202, beside the same server's rate for a static page in the same run.
 * Starts the built server (run `npm run build` first) on loopback with a throw-away DATA_DIR.
 *
 *   BENCH_SECONDS=10 npm run bench:referrals                 static page and SQLite
 *   DATABASE_URL=postgres://… npm run bench:referrals        … and PostgreSQL, one and two servers
 *   npm run bench:referrals -- --postgres                     … the same on a throw-away cluster
 *
 * With PostgreSQL: one server at 50 connections, then two servers on the same database (as behind
 * a load balancer) at 25 connections each (the same load as one) and at 50 each, with accepts
 * per second per server and in all. The 202s are checked against the database's own count
 * afterwards, and the time the servers then take to deliver what waits is printed.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { SMTPServer } from 'smtp-server';
import { BENCH_HEALTHZ_TOKEN, startBenchServer } from './bench-server.ts';
import { PgCluster } from '../tools/pg-cluster.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 4391);
const body = readFileSync('docs/referral.example.json', 'utf8');
const wantPostgres = Boolean(process.env.DATABASE_URL) || process.argv.includes('--postgres');

type Result = autocannon.Result;
const run = (opts: autocannon.Options) =>
  autocannon({ connections: 50, duration: seconds, ...opts }) as unknown as Promise<Result>;
const line = (name: string, r: Result, ok: number) =>
  `${name.padEnd(44)} ${String(Math.round(ok / r.duration)).padStart(7)} /s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   (${ok} ok, ${r.non2xx} non-2xx, ${r.errors} errors)`;
const postReferrals = (base: string, duration = seconds, connections = 50) =>
  run({
    connections,
    url: `${base}/api/referrals`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duration,
  });

async function stored(base: string): Promise<{ total: number; delivered: number; pending: number }> {
  const health = (await (
    await fetch(`${base}/healthz`, { headers: { authorization: `Bearer ${BENCH_HEALTHZ_TOKEN}` } })
  ).json()) as {
    referrals: Record<string, number>;
  };
  return {
    total: health.referrals.pending! + health.referrals.delivered! + health.referrals.dead!,
    delivered: health.referrals.delivered!,
    pending: health.referrals.pending!,
  };
}

/**
 * After the load: how long the servers take to deliver what waits, over SMTP to a mail server on
 * loopback (`smtp-server`, which like many mail servers waits 100 ms before its greeting). Accepting comes first under load, so
 * delivery mostly waits until the burst is over.
 */
/** `base`: any of the servers (servers on one database count the same referrals). */
async function drain(what: string | null, base: string, limitSeconds = 120): Promise<void> {
  const start = Date.now();
  const first = await stored(base);
  let now = first;
  while (now.pending > 0 && Date.now() - start < limitSeconds * 1000) {
    await new Promise((r) => setTimeout(r, 250));
    now = await stored(base);
  }
  const seconds = (Date.now() - start) / 1000;
  const done = now.delivered - first.delivered;
  if (what === null) return; // after a warm-up: only so that its deliveries do not run during the measurement
  console.log(
    `${what}: ${first.pending} waiting after the load, ${done} delivered in ${seconds.toFixed(1)} s (${Math.round(done / seconds)} /s)${now.pending > 0 ? `, ${now.pending} still waiting after ${limitSeconds} s` : ''}`,
  );
}

/** Every 202 must be in the store: count them from the server itself. */
function check(what: string, accepted: number, before: number, after: { total: number; delivered: number }): void {
  console.log(
    `${what}: 202 answers ${accepted}; referrals stored ${after.total - before} (delivered so far: ${after.delivered})`,
  );
  if (after.total - before < accepted) {
    console.error(`LOST (${what}): fewer referrals stored than accepted`);
    process.exitCode = 1;
  }
}

let deliveredInAll = 0;
// The intake mailbox: every server delivers here over SMTP, as in production (without TLS: loopback).
let mails = 0;
const mailServer = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  closeTimeout: 500,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      mails++;
      callback();
    });
  },
});
mailServer.on('error', () => {});
const smtpPort = port + 10;
await new Promise<void>((resolve) => mailServer.listen(smtpPort, '127.0.0.1', resolve));
const smtpEnv = {
  INTAKE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  INTAKE_MAIL_TO: 'intake@co3.example',
  INTAKE_MAIL_FROM: 'CO3 portal <portal@co3.example>',
};

console.log(
  `50 connections per server unless said, ${seconds} s each, loopback, body ${Buffer.byteLength(body)} bytes (docs/referral.example.json), ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the start`,
);

// The static page and SQLite (the default): one server.
{
  const { base, stop } = await startBenchServer(port, smtpEnv);
  try {
    await run({ url: `${base}/nl/`, duration: 2 }); // warm-up
    const page = await run({ url: `${base}/nl/` });
    const referrals = await postReferrals(base);
    await new Promise((r) => setTimeout(r, 500));
    const pageRate = page['2xx'] / page.duration;
    console.log(line('static page GET /nl/', page, page['2xx']));
    console.log(line('SQLite: POST /api/referrals (202, synced)', referrals, referrals['2xx']));
    console.log(`SQLite referrals / static page: ${(referrals['2xx'] / referrals.duration / pageRate).toFixed(2)}`);
    check('SQLite', referrals['2xx'], 0, await stored(base));
    await drain('SQLite', base);
    deliveredInAll += (await stored(base)).delivered;
  } finally {
    stop();
  }
}

if (wantPostgres) {
  const cluster = process.env.DATABASE_URL ? null : await PgCluster.create();
  const url = process.env.DATABASE_URL ?? (await cluster!.createDatabase());
  // Servers sharing a database share the key.
  const env = { ...smtpEnv, DATABASE_URL: url, REFERRAL_KEY: randomBytes(32).toString('base64') };
  try {
    console.log(
      cluster ? `PostgreSQL: a throw-away cluster (${cluster.info.bin}), fsync on` : 'PostgreSQL: DATABASE_URL',
    );
    const one = await startBenchServer(port + 1, env);
    try {
      await postReferrals(one.base, 2); // warm-up (connections, plans)
      await drain(null, one.base);
      const before = (await stored(one.base)).total;
      const r = await postReferrals(one.base);
      await new Promise((res) => setTimeout(res, 500));
      console.log(line('PostgreSQL, 1 server: POST (202, committed)', r, r['2xx']));
      check('PostgreSQL, 1 server', r['2xx'], before, await stored(one.base));
      await drain('PostgreSQL, 1 server', one.base);
    } finally {
      one.stop();
    }
    const a = await startBenchServer(port + 2, env);
    const b = await startBenchServer(port + 3, env);
    try {
      await Promise.all([postReferrals(a.base, 2), postReferrals(b.base, 2)]);
      await drain(null, a.base);
      // Two servers sharing the load of one (25 connections each, 50 in all), then each at 50.
      for (const connections of [25, 50]) {
        const before = (await stored(a.base)).total;
        const [ra, rb] = await Promise.all([
          postReferrals(a.base, seconds, connections),
          postReferrals(b.base, seconds, connections),
        ]);
        await new Promise((res) => setTimeout(res, 500));
        const name = `PostgreSQL, 2 servers × ${connections} connections`;
        console.log(line(`${name}: A`, ra, ra['2xx']));
        console.log(line(`${name}: B`, rb, rb['2xx']));
        const both = ra['2xx'] + rb['2xx'];
        console.log(
          `${name}: ${Math.round(both / Math.max(ra.duration, rb.duration))} /s in all, p99 ${Math.max(ra.latency.p99, rb.latency.p99)} ms (the slower server's)`,
        );
        check(name, both, before, await stored(a.base));
        await drain(name, a.base);
      }
      // The one-server run used this database too: its count covers both.
      deliveredInAll += (await stored(a.base)).delivered;
    } finally {
      a.stop();
      b.stop();
    }
  } finally {
    cluster?.remove();
  }
}

mailServer.close();
// SQLite's store and the PostgreSQL database: what they say they delivered is what the mail server got.
console.log(
  `referrals delivered (the stores' counts): ${deliveredInAll}; messages received by the mail server: ${mails}`,
);
if (mails !== deliveredInAll) {
  console.error(
    `DELIVERY (${mails - deliveredInAll > 0 ? 'messages sent twice' : 'messages missing'}): ${mails - deliveredInAll}`,
  );
  process.exitCode = 1;
}
