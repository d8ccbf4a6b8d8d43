import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { REFERRAL_FIELDS, toFormValues } from '../../src/features/referral/form.ts';
import { pgCluster } from './backends.ts';
import { BuiltServer, Mailbox, example, freePort, tempDir, waitFor } from './harness.ts';

// Issue 17: several servers on one PostgreSQL database (DATABASE_URL). The real built server,
// a real PostgreSQL cluster (tests/integration/postgres-global.ts) and a real SMTP server.

const INTAKE = 'intake@co3.example';
const running: { stop(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

const messageId = (raw: Buffer) => /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString('latin1'))?.[1] ?? null;

async function servers(n: number, env: Record<string, string>): Promise<BuiltServer[]> {
  // Started together on a new database: both run the migrations at once (advisory lock).
  const started = await Promise.all(
    Array.from({ length: n }, async () =>
      new BuiltServer(await freePort(), { DATA_DIR: tempDir('data'), ...env }).start(),
    ),
  );
  for (const s of started) running.push({ stop: () => s.kill() });
  return started;
}

async function mailbox(start = true): Promise<Mailbox> {
  const m = new Mailbox(await freePort());
  if (start) await m.start();
  running.push({ stop: () => m.stop() });
  return m;
}

const baseEnv = async (smtpPort: number) => ({
  DATABASE_URL: await pgCluster!.createDatabase(),
  INTAKE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  INTAKE_MAIL_TO: INTAKE,
  INTAKE_MAIL_FROM: 'CO3 portal <portal@co3.example>',
  REFERRAL_KEY: Buffer.alloc(32, 9).toString('base64'),
  DELIVERY_RETRY_BASE_MS: '200',
  REFERRAL_LEASE_SECONDS: '3',
});

describe.skipIf(!pgCluster)('several servers on one PostgreSQL database', () => {
  it('500 referrals over two servers, one SIGKILLed midway: every 202 delivered, once, by Message-ID', async () => {
    const smtp = await mailbox();
    const [a, b] = await servers(2, { ...(await baseEnv(smtp.port)), REFERRAL_RATE_LIMIT: '0' });
    const accepted = new Set<string>();
    let failed = 0;
    const send = async (server: BuiltServer) => {
      try {
        const r = await server.post(example());
        if (r.status === 202) accepted.add(((await r.json()) as { reference: string }).reference);
        else failed++;
      } catch {
        failed++; // the connection to the killed server broke
      }
    };
    const TOTAL = 500;
    const KILL_AT = 250;
    let sent = 0;
    let killed: Promise<void> | null = null;
    // 20 clients; requests alternate between the servers until the kill, then go to the survivor.
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (sent < TOTAL) {
          const n = sent++;
          if (n === KILL_AT) killed = a!.kill('SIGKILL');
          await send(killed === null && n % 2 === 0 ? a! : b!);
        }
      }),
    );
    await killed;
    expect(accepted.size).toBeGreaterThanOrEqual(TOTAL - 20); // only requests in flight to the killed server may fail
    // Message-IDs of what the SMTP server received, read once per message.
    const ids: (string | null)[] = [];
    const delivered = () => {
      for (let i = ids.length; i < smtp.received.length; i++) ids.push(messageId(smtp.received[i]!.raw));
      return new Set(ids);
    };
    const wanted = [...accepted].map((r) => `<${r.toLowerCase()}@co3.example>`);
    try {
      await waitFor(
        'every accepted referral at the SMTP server',
        () => {
          const got = delivered();
          return wanted.every((id) => got.has(id));
        },
        90_000,
      );
    } catch (error) {
      const got = delivered();
      console.error(
        `missing ${wanted.filter((id) => !got.has(id)).length} of ${wanted.length}; received ${smtp.received.length}; ${JSON.stringify(await b!.health())}\n${b!.log
          .split('\n')
          .filter((l) => !/: delivered \(/.test(l))
          .slice(-30)
          .join('\n')}`,
      );
      throw error;
    }
    // Nothing left to send: every row delivered (the killed server's leases taken over and done),
    // so no late duplicate can still come; a positive signal, not a wait.
    await waitFor('every stored referral delivered', async () => (await b!.health()).referrals.pending === 0, 60_000);
    const counts = new Map<string, number>();
    delivered();
    for (const id of ids) counts.set(id!, (counts.get(id!) ?? 0) + 1);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    const extra = [...counts.keys()].filter((id) => !wanted.includes(id)).length;
    console.info(
      `multi-server: ${TOTAL} sent, ${accepted.size} accepted (202), ${failed} failed at the kill; ${counts.size} distinct Message-IDs delivered ` +
        `(${extra} without a 202: committed, answer lost in the kill), ${smtp.received.length} messages, ${duplicates} duplicated`,
    );
    for (const id of wanted) expect(counts.get(id), id).toBeGreaterThanOrEqual(1);
    // Exactly once, except the messages the killed server was handing to SMTP when it died (sent,
    // not yet marked delivered; at most DELIVERY_CONCURRENCY = 4): those at least once, with the
    // same Message-ID, so the intake can recognise the repeat.
    expect(duplicates).toBeLessThanOrEqual(4);
    expect([...counts.values()].every((n) => n <= 2)).toBe(true);
    const health = await b!.health();
    expect(health.referrals).toMatchObject({ pending: 0, dead: 0 });
    expect(health.referrals.delivered).toBe(counts.size);
  }, 150_000);

  it('shares the idempotency keys and the rate limit between the servers', async () => {
    const smtp = await mailbox();
    const [a, b] = await servers(2, { ...(await baseEnv(smtp.port)), REFERRAL_RATE_LIMIT: '4' });
    const key = { 'idempotency-key': 'shared-key-1' };
    const first = await a!.post(example(), key);
    expect(first.status).toBe(202);
    const again = await b!.post(example(), key);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(await first.json());
    const other = example();
    other.description = 'Een andere situatie.';
    expect((await b!.post(other, key)).status).toBe(422);
    // 3 left of 4 for this address, whichever server gets the request.
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a! : b!).post(example())));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
    await waitFor('four messages', () => smtp.to(INTAKE).length === 4);
  });

  it('losing the database: 503 with Retry-After (the form keeps its values), /healthz unavailable; nothing accepted is lost', async () => {
    const smtp = await mailbox(false); // SMTP down: the accepted referral waits in the database
    const [s] = await servers(1, await baseEnv(smtp.port));
    const r = await s!.post(example());
    expect(r.status).toBe(202);
    const { reference } = (await r.json()) as { reference: string };
    await pgCluster!.stopAsync('immediate'); // as if the database server lost power
    let restarted = false;
    running.push({ stop: async () => void (restarted || (await pgCluster!.startAsync())) });
    try {
      const api = await s!.post(example());
      expect(api.status).toBe(503);
      expect(api.headers.get('retry-after')).toBe('30');
      const values = toFormValues(example(), REFERRAL_FIELDS);
      const form = new URLSearchParams({ step: 'submit' });
      for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
      const page = await fetch(`${s!.url}/nl/referral/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: s!.url },
        body: form,
      });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('30');
      const html = await page.text();
      expect(html).toContain('Niets is verloren');
      expect(html).toContain(`value="${example().referrer.email}"`);
      const h = await fetch(`${s!.url}/healthz`);
      expect(h.status).toBe(503);
      expect(await h.json()).toEqual({ status: 'unavailable' });
      expect((await s!.health()).reason).toMatch(/^database:/);
      const receipt = await fetch(`${s!.url}/nl/referral/receipt/${reference}/`);
      expect(receipt.status).toBe(503);
    } catch (error) {
      console.error(`server log:\n${s!.log}`);
      throw error;
    } finally {
      await pgCluster!.startAsync();
      restarted = true;
    }
    await smtp.start();
    await waitFor('/healthz ok again', async () => (await fetch(`${s!.url}/healthz`)).status === 200, 20_000);
    await waitFor('the referral accepted before the loss delivered', () => smtp.to(INTAKE).length === 1, 20_000);
    expect(messageId(smtp.to(INTAKE)[0]!.raw)).toBe(`<${reference.toLowerCase()}@co3.example>`);
    expect((await s!.post(example())).status).toBe(202);
    expect(s!.log).not.toContain(example().referrer.email);
  });

  it("a server whose REFERRAL_KEY is no longer the database's stores and delivers nothing, and says so", async () => {
    const smtp = await mailbox();
    const env = await baseEnv(smtp.port);
    const [old] = await servers(1, env);
    expect((await old!.post(example())).status).toBe(202);
    await waitFor('the first referral delivered', () => smtp.to(INTAKE).length === 1);
    // Nothing pending: a server with another key may start (a rotation), and the database's key is now its own.
    const [rotated] = await servers(1, { ...env, REFERRAL_KEY: Buffer.alloc(32, 10).toString('base64') });
    const fresh = await rotated!.post(example());
    expect(fresh.status).toBe(202);
    const { reference } = (await fresh.json()) as { reference: string };
    // The old-key server: 503 for referrals, unavailable for the load balancer, and no lease on the new referrals.
    const refused = await old!.post(example());
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await fetch(`${old!.url}/healthz`)).status).toBe(503);
    expect((await old!.health()).reason).toBe('database:key-superseded');
    expect(old!.log).toContain('another server started with a different REFERRAL_KEY');
    await waitFor('the new referral delivered', () => smtp.to(INTAKE).length === 2);
    expect(messageId(smtp.to(INTAKE)[1]!.raw)).toBe(`<${reference.toLowerCase()}@co3.example>`);
    await waitFor('nothing pending', async () => (await rotated!.health()).referrals.pending === 0);
    expect((await rotated!.health()).referrals).toEqual({ pending: 0, delivered: 2, dead: 0 });
    expect(old!.log).not.toContain('cannot be decrypted');
  });

  it('stops at start with exit 78 naming DATABASE_URL when it cannot connect or log in, never showing the password', async () => {
    const start = (url: string) =>
      spawnSync(process.execPath, ['dist/server/entry.mjs'], {
        env: {
          PATH: process.env.PATH ?? '',
          HOST: '127.0.0.1',
          PORT: '0',
          DATA_DIR: tempDir('data'),
          INTAKE_INBOX_DIR: tempDir('inbox'),
          DATABASE_URL: url,
        },
        encoding: 'utf8',
        timeout: 20_000,
      });
    const wrongPassword = pgCluster!.url('postgres', 'not-the-password-4711');
    const nobodyListens = `postgres://co3:secret-4712@127.0.0.1:${await freePort()}/co3`;
    for (const [url, why] of [
      [wrongPassword, '28P01'],
      [nobodyListens, 'ECONNREFUSED'],
      ['mysql://db.example/co3', 'must start with postgres://'],
    ] as const) {
      const run = start(url);
      expect(run.status, url).toBe(78);
      expect(run.stderr, url).toContain('invalid configuration: DATABASE_URL');
      expect(run.stderr, url).toContain(why);
      expect(run.stderr + run.stdout, url).not.toMatch(/not-the-password-4711|secret-4712/);
      expect(run.stderr, url).not.toMatch(/\n\s+at /);
    }
  });
});
