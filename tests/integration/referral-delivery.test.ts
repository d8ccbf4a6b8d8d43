import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import * as openpgp from 'openpgp';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, backendEnv, pgCluster, type Backend } from './backends.ts';
import { BuiltServer, Mailbox, example, filesUnder, freePort, tempDir, waitFor } from './harness.ts';

const INTAKE = 'intake@co3.example';
const OPS = 'ops@co3.example';
const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop(); // servers before their mailbox: they close their SMTP connections
});

async function setup(backend: Backend, opts: { smtp?: boolean; env?: Record<string, string>; smtpHost?: string } = {}) {
  const smtpPort = await freePort();
  const smtpHost = opts.smtpHost ?? '127.0.0.1';
  const mailbox = new Mailbox(smtpPort, smtpHost);
  if (opts.smtp !== false) await mailbox.start();
  running.push({ stop: () => mailbox.stop() });
  const dataDir = tempDir('data');
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    INTAKE_SMTP_URL: `smtp://${smtpHost}:${smtpPort}`,
    INTAKE_MAIL_TO: INTAKE,
    INTAKE_MAIL_FROM: 'CO3 portal <portal@co3.example>',
    OPS_MAIL_TO: OPS,
    REFERRAL_KEY: Buffer.alloc(32, 7).toString('base64'),
    DELIVERY_RETRY_BASE_MS: '200',
    ...(await backendEnv(backend)),
    ...opts.env,
  };
  const server = await new BuiltServer(await freePort(), env).start();
  running.push({ stop: () => server.kill() });
  return { server, mailbox, dataDir, env };
}

/** The folders of a PostgreSQL database's files: its own, the shared tables and the write-ahead log. */
async function databaseFiles(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ oid: number }>(
      'SELECT oid FROM pg_database WHERE datname = current_database()',
    );
    return [
      path.join(pgCluster!.dataDir, 'base', String(rows[0]!.oid)),
      path.join(pgCluster!.dataDir, 'global'),
      path.join(pgCluster!.dataDir, 'pg_wal'),
    ];
  } finally {
    await client.end();
  }
}

/** Every row of the store's tables as text (bytea as hex): what the database would give anyone who reads it. */
async function databaseText(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let text = '';
    for (const table of ['referrals', 'idempotency', 'rate_events', 'meta']) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${table} AS t`);
      text += rows.map((r) => r.row).join('\n');
    }
    return text;
  } finally {
    await client.end();
  }
}

/** The intake mails about one referral (its X-CO3-Reference header). */
const about = (mailbox: Mailbox, reference: string) =>
  mailbox
    .to(INTAKE)
    .filter((m) => new RegExp(`^x-co3-reference: *${reference}\\r?$`, 'im').test(m.raw.toString('latin1')));

/**
 * "Nothing more is sent", shown by a positive signal instead of a fixed wait: a marker referral
 * goes through the same (sequential) dispatcher; once its mail is in and the outbox has nothing
 * pending, no earlier send is still under way and no row is left that could be sent again.
 */
async function settled(server: BuiltServer, mailbox: Mailbox, delivered: number): Promise<void> {
  const res = await server.post({
    ...example(),
    description: 'Marker: a second referral, to know the dispatcher moved on.',
  });
  expect(res.status).toBe(202);
  const { reference } = (await res.json()) as { reference: string };
  await waitFor('the marker mail', () => about(mailbox, reference).length === 1);
  await waitFor('the marker delivered', async () => {
    const { referrals } = await server.health();
    return referrals.delivered === delivered + 1 && referrals.pending === 0;
  });
}

// The same tests on both stores: SQLite in DATA_DIR, and PostgreSQL at DATABASE_URL.
/** An address of this machine that is not loopback: a mail server there counts as "on another machine". */
const otherAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a?.family === 'IPv4' && !a.internal)?.address;

describe.skipIf(!otherAddress)('SMTP to a mail server that is not on this machine', () => {
  it('requires TLS: a server without STARTTLS gets nothing, and the referral is kept in the dead letter for operations', async () => {
    const { server, mailbox } = await setup('sqlite', { smtpHost: otherAddress!, env: { OPS_MAIL_TO: '' } });
    const r = await server.post(example());
    expect(r.status).toBe(202);
    const { reference } = (await r.json()) as { reference: string };
    // The mail server answers STARTTLS with 500: a refusal of the transport, not of the message.
    await waitFor('the refusal in the log', () =>
      server.log.includes(`referral ${reference}: smtp 500, attempt 1; dead letter`),
    );
    expect(mailbox.received).toHaveLength(0);
    const health = await server.health();
    expect(health).toMatchObject({ status: 'degraded', reason: 'dead-letters', referrals: { pending: 0, dead: 1 } });
  });
});

describe.each(BACKENDS)('delivery to the intake mailbox over SMTP (%s)', (backend) => {
  it('delivers a referral once, in Dutch, with the referral attached as JSON', async () => {
    const { server, mailbox } = await setup(backend);
    const res = await server.post(example());
    expect(res.status).toBe(202);
    const { reference, outcome } = (await res.json()) as { reference: string; outcome: string };
    expect(outcome).toBe('eligible');
    await waitFor('the mail', () => mailbox.to(INTAKE).length === 1);
    const mail = await simpleParser(mailbox.to(INTAKE)[0]!.raw);
    expect(mail.subject).toContain(reference);
    expect(mail.subject).not.toContain('Peeters');
    expect(mail.messageId).toBe(`<${reference.toLowerCase()}@co3.example>`);
    expect(mail.text).toContain('=== DOORVERWIJZER ===');
    expect(mail.text).toContain(
      'Wettelijke basis volgens de doorverwijzer:\n  | Toestemming: het gezin weet het en stemt in',
    );
    const json = JSON.parse(mail.attachments.find((a) => a.filename === `${reference}.json`)!.content.toString());
    expect(json.referral).toEqual({ ...example() });
    await waitFor('delivered in healthz', async () => (await server.health()).referrals.delivered === 1);
    await settled(server, mailbox, 1);
    expect(about(mailbox, reference)).toHaveLength(1);
  });

  it('accepts while SMTP is down and delivers when it comes back', async () => {
    const { server, mailbox } = await setup(backend, { smtp: false });
    const res = await server.post(example());
    expect(res.status).toBe(202);
    await waitFor('a failed attempt', () => /attempt 1, retry/.test(server.log));
    expect((await server.health()).referrals.pending).toBe(1);
    await mailbox.start();
    await waitFor('the mail after SMTP is back', () => mailbox.to(INTAKE).length === 1, 20_000);
    expect((await server.health()).referrals).toMatchObject({ pending: 0, delivered: 1 });
  });

  it('delivers after the server is killed (SIGKILL) right after accepting, once restarted', async () => {
    const { server, mailbox, env } = await setup(backend, { smtp: false });
    const res = await server.post(example());
    expect(res.status).toBe(202);
    const { reference } = (await res.json()) as { reference: string };
    await server.kill('SIGKILL');
    await mailbox.start();
    const again = await new BuiltServer(await freePort(), env).start();
    running.push({ stop: () => again.kill() });
    await waitFor('the mail after the restart', () => mailbox.to(INTAKE).length === 1);
    expect((await simpleParser(mailbox.to(INTAKE)[0]!.raw)).subject).toContain(reference);
  });

  it('sends a permanent refusal (5xx) to the dead letter, shows it in /healthz and tells operations without personal data', async () => {
    const { server, mailbox } = await setup(backend);
    mailbox.reject = (to) => (to === INTAKE ? 550 : null);
    const body = example();
    const res = await server.post(body);
    expect(res.status).toBe(202);
    const { reference } = (await res.json()) as { reference: string };
    await waitFor('dead letter', async () => (await server.health()).referrals.dead === 1);
    await waitFor('the ops report', () => mailbox.to(OPS).length === 1);
    const report = mailbox.to(OPS)[0]!.raw.toString();
    expect(report).toContain(reference);
    for (const personal of [body.referrer.name, body.referrer.email, body.description, body.violence.victim]) {
      expect(report).not.toContain(personal);
    }
  });

  it('retries a temporary refusal (4xx) and then delivers', async () => {
    const { server, mailbox } = await setup(backend);
    let refusals = 2;
    mailbox.reject = (to) => (to === INTAKE && refusals-- > 0 ? 451 : null);
    expect((await server.post(example())).status).toBe(202);
    await waitFor('delivery after two 451s', () => mailbox.to(INTAKE).length === 1, 20_000);
    expect(server.log).toMatch(/smtp 451, attempt 2/);
  });

  it('answers a repeated Idempotency-Key with the first answer and sends one message', async () => {
    const { server, mailbox } = await setup(backend);
    const headers = { 'Idempotency-Key': 'client-42-attempt' };
    const answers = await Promise.all([server.post(example(), headers), server.post(example(), headers)]);
    const third = await server.post(example(), headers);
    const bodies = await Promise.all([...answers, third].map((r) => r.json()));
    expect([...answers, third].map((r) => r.status)).toEqual([202, 202, 202]);
    expect(new Set(bodies.map((b) => (b as { reference: string }).reference)).size).toBe(1);
    await waitFor('the mail', () => mailbox.to(INTAKE).length === 1);
    const reference = (bodies[0] as { reference: string }).reference;
    await settled(server, mailbox, 1);
    expect(about(mailbox, reference)).toHaveLength(1);
    expect((await server.health()).referrals.delivered).toBe(2);
  });

  it('encrypts the whole message to the intake key (PGP/MIME) when one is configured', async () => {
    const { privateKey, publicKey } = await openpgp.generateKey({
      type: 'curve25519',
      userIDs: [{ name: 'CO3 intake', email: INTAKE }],
      format: 'armored',
    });
    const { server, mailbox } = await setup(backend, { env: { INTAKE_PGP_PUBLIC_KEY: publicKey } });
    const body = example();
    const { reference } = (await (await server.post(body)).json()) as { reference: string };
    await waitFor('the encrypted mail', () => mailbox.to(INTAKE).length === 1);
    const raw = mailbox.to(INTAKE)[0]!.raw.toString();
    expect(raw).toContain('multipart/encrypted; protocol="application/pgp-encrypted"');
    expect(raw).not.toContain(body.description);
    expect(raw).not.toContain(body.referrer.email);
    const armored = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(raw)![0];
    const { data } = await openpgp.decrypt({
      message: await openpgp.readMessage({ armoredMessage: armored }),
      decryptionKeys: await openpgp.readPrivateKey({ armoredKey: privateKey }),
    });
    const inner = await simpleParser(String(data));
    expect(inner.subject).toContain(reference);
    const json = JSON.parse(inner.attachments.find((a) => a.filename === `${reference}.json`)!.content.toString());
    expect(json.referral.description).toBe(body.description);
  });

  it('keeps a marker from the referral out of the logs and out of DATA_DIR (and the database) in clear', async () => {
    const marker = 'ZEBRA-MARKER-7f3a9c';
    const { server, mailbox, dataDir, env } = await setup(backend, { smtp: false });
    const body = example();
    body.description = `Situatie met ${marker} in de beschrijving.`;
    body.referrer.name = `An ${marker}`;
    expect((await server.post(body)).status).toBe(202);
    await waitFor('a failed attempt', () => /attempt 1, retry/.test(server.log));
    // While pending: sealed in the database, nowhere in clear (with PostgreSQL: in none of the
    // files of its database, nor in the cluster's write-ahead log and shared tables).
    const pgFiles = backend === 'postgres' ? await databaseFiles(env.DATABASE_URL!) : [];
    const stored = () => [...filesUnder(dataDir), ...pgFiles.flatMap((dir) => filesUnder(dir))];
    for (const { file, bytes } of stored()) {
      expect(bytes.includes(Buffer.from(marker)), file).toBe(false);
      expect(bytes.includes(Buffer.from('ZEBRA')), file).toBe(false);
    }
    if (backend === 'postgres') {
      // Row by row, decompressed (a long value may be stored compressed in the files).
      const rows = await databaseText(env.DATABASE_URL!);
      expect(rows).toMatch(/\\x[0-9a-f]{100,}/); // the sealed payload is there
      for (const needle of ['ZEBRA', Buffer.from('ZEBRA').toString('hex')]) expect(rows).not.toContain(needle);
    }
    await mailbox.start();
    await waitFor('the mail', () => mailbox.to(INTAKE).length === 1, 20_000);
    await waitFor('delivered', async () => (await server.health()).referrals.delivered === 1);
    await server.kill();
    for (const { file, bytes } of stored()) expect(bytes.includes(Buffer.from(marker)), file).toBe(false);
    expect(server.log).not.toContain(marker);
    expect(mailbox.to(INTAKE)[0]!.raw.toString()).toContain(marker); // the intake does get it
  });
});
