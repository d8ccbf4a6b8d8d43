import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuiltServer, example, freePort, tempDir, waitFor } from './harness.ts';

let server: BuiltServer;
beforeAll(async () => {
  server = await new BuiltServer(await freePort(), {
    DATA_DIR: tempDir('data'),
    INTAKE_INBOX_DIR: tempDir('inbox'),
    REFERRAL_RATE_LIMIT: '3',
  }).start();
});
afterAll(async () => server.kill());

/** A small deterministic generator, so a failing payload can be reproduced from its index. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'Subject: hi\r\nBcc: victim@example.com',
  'a@b.c\r\nRCPT TO:<x@evil.example>',
  '\u0000\u0001\u0002',
  '\ud800',
  '\u202e\u2066reversed',
  'ﷺ'.repeat(500),
  '💣'.repeat(3000),
  'x'.repeat(70_000),
  '{{constructor.constructor("return process")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, sent as text
  '${7*7}',
  '../../../etc/passwd',
  "'; DROP TABLE referrals; --",
  '',
  ' ',
];
const HOSTILE_VALUES = [null, true, 0, -1, 1e308, Number.NaN, [], {}, [[[]]], { $gt: '' }, '1', 99999999999];
const PATHS = [
  'referrer.name',
  'referrer.email',
  'referrer.phone',
  'referrer.role',
  'referrer.callback',
  'family.location',
  'family.adults',
  'family.children',
  'family.interpreter',
  'violence.forms',
  'violence.repeated',
  'violence.victim',
  'organisations.involved',
  'lifeDomains',
  'protective',
  'safety.acuteDanger',
  'sharing.legalBasis',
  'sharing.familyInformed',
  'description',
  'motivation',
];

/** One invalid or hostile payload. Every one breaks the schema in at least one way. */
function payload(i: number): string {
  const random = rng(i + 1);
  const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
  const kind = i % 10;
  if (kind === 0) return pick(['', 'null', '[]', '"x"', '{', '{"referrer":', '1e999999', '\u0000', 'true']);
  if (kind === 1)
    return `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"referrer":${JSON.stringify(example().referrer)}}`;
  const body = example();
  const breaks = 1 + Math.floor(random() * 3);
  for (let b = 0; b < breaks; b++) {
    const [section, key] = pick(PATHS).split('.') as [string, string | undefined];
    const value = kind < 6 ? pick(HOSTILE_VALUES) : pick(HOSTILE_STRINGS);
    if (key) body[section][key] = value;
    else body[section] = value;
  }
  // A hostile value can land where it is valid (an empty list, free text); make sure each payload is not.
  body.violence.forms = [pick([...HOSTILE_STRINGS.slice(0, 8), ...HOSTILE_VALUES])];
  if (kind === 9) body.extra = { __proto__: { polluted: true } };
  if (kind === 8) body.referrer = { ...body.referrer, toString: 'x', valueOf: 'y' };
  return JSON.stringify(body);
}

describe('bad input to POST /api/referrals', () => {
  it('answers 1,000 generated invalid and hostile payloads with 4xx, never 5xx, and keeps serving', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, j) =>
          server.post(payload(i + j)).then(async (r) => {
            const body = await r.text();
            // Never a stack trace or an internal path in an answer.
            expect(body, `payload ${i + j}`).not.toMatch(/at .*\.(m?js|ts):\d+|node_modules|\/dist\//);
            return r.status;
          }),
        ),
      );
      for (const [j, status] of batch.entries()) {
        expect(status, `payload ${i + j}: ${payload(i + j).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(status, `payload ${i + j}`).toBeLessThan(500);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }
    expect([...statuses.values()].reduce((a, b) => a + b)).toBe(1000);
    expect((await server.health()).referrals.pending + (await server.health()).referrals.delivered).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const page = await fetch(`${server.url}/nl/`);
    expect(page.status).toBe(200);
  });

  it('lists the field errors in the language asked', async () => {
    const body = example();
    body.referrer.email = 'nope';
    const fr = await server.post(body, { 'accept-language': 'fr-BE' });
    expect(fr.status).toBe(400);
    const json = (await fr.json()) as { errors: { field: string; code: string; message: string }[] };
    expect(json.errors).toEqual([{ field: 'referrer.email', code: 'email', message: expect.any(String) }]);
    const nl = (await (await server.post(body, {}).then((r) => r)).json()) as typeof json;
    const ar = (await (
      await fetch(`${server.url}/api/referrals?lang=ar`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as typeof json;
    expect(ar.errors[0]!.message).not.toBe(nl.errors[0]!.message);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const body = example();
    body.description = 'x'.repeat(70 * 1024);
    expect((await server.post(body)).status).toBe(413);
  });

  it('refuses another content type with 415', async () => {
    const r = await fetch(`${server.url}/api/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: server.url },
      body: JSON.stringify(example()),
    });
    expect(r.status).toBe(415);
  });

  it('refuses a cross-site request with 403', async () => {
    expect((await server.post(example(), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await server.post(example(), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('serves the JSON Schema of the referral', async () => {
    const r = await fetch(`${server.url}/api/referrals/schema.json`);
    expect(r.status).toBe(200);
    const schema = (await r.json()) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain('referrer');
  });

  it('rate-limits accepted referrals per address with 429 and Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await server.post(example()));
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202, 429]);
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('fuzz: the form route, charsets and duplicate keys', () => {
  const FORM_FIELDS = [
    'referrer.name',
    'referrer.email',
    'referrer.callbackTimes',
    'family.location',
    'family.adults',
    'family.children',
    'violence.forms',
    'violence.victim',
    'safety.acuteDanger',
    'sharing.legalBasis',
    'description',
    'step',
    'contact_url',
  ];
  const FORM_TYPES = [
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=iso-8859-1',
    'application/x-www-form-urlencoded; charset=UTF-8',
    'multipart/form-data; boundary=xyz',
    'multipart/form-data',
    'text/plain',
    'application/json',
    null,
  ];
  const ESCAPES = ['%E9', '%FF', '%C3', '%00', '%E2%80%AE', '%0A%0AHET%20GEZIN', '%zz', '%', '+', '&&', '=='];

  /** One hostile form post: random fields, hostile values, broken escapes, repeated answers, odd types. */
  function formPost(i: number): { type: string | null; body: string } {
    const random = rng(10_000 + i);
    const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
    const parts = [`step=${pick(['check', 'submit', 'submit', 'x'])}`];
    for (let n = 0; n < 1 + Math.floor(random() * 8); n++) {
      const text = String(pick(HOSTILE_STRINGS)).slice(0, 3000);
      // A lone surrogate cannot be percent-encoded: send the bytes of one, which are not UTF-8.
      const encoded = /[\ud800-\udfff]/u.test(text) ? '%ED%A0%80' : encodeURIComponent(text);
      const value = random() < 0.5 ? encoded : pick(ESCAPES);
      parts.push(`${pick(FORM_FIELDS)}=${value}`);
    }
    // A one-answer question answered twice, differently.
    if (random() < 0.3) parts.push('safety.acuteDanger=yes', 'safety.acuteDanger=no');
    // Never a valid referral: the name always holds a NUL.
    parts.push('referrer.name=a%00b');
    return { type: pick(FORM_TYPES), body: parts.join('&') };
  }

  /** One JSON body that is refused: a repeated key, another charset, or bytes that are not UTF-8. */
  function jsonPost(i: number): { type: string | null; body: Uint8Array<ArrayBuffer> } {
    const random = rng(20_000 + i);
    const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
    const text = JSON.stringify(example());
    const kind = i % 3;
    if (kind === 0) {
      const key = pick([
        'acuteDanger',
        'legalBasis',
        'email',
        'location',
        'forms',
        'description',
        'referrer',
        'safety',
      ]);
      const value = JSON.stringify(pick([...HOSTILE_STRINGS.slice(0, 8), ...HOSTILE_VALUES.slice(0, 6)]) ?? null);
      const dup = text.replace(`"${key}":`, `"${key}":${value},"${key}":`);
      return {
        type: pick(['application/json', 'application/json; charset=utf-8']),
        body: new TextEncoder().encode(dup),
      };
    }
    if (kind === 1) {
      const type = pick([
        'application/json; charset=iso-8859-1',
        'application/json;charset=latin1',
        'application/json; charset=utf-16',
        'application/json; charset="windows-1252"',
        'application/json; charset=',
      ]);
      return {
        type,
        body: new Uint8Array(
          Buffer.from(text.replace('Peeters', 'Pe\u00ebters'), pick(['latin1', 'utf16le', 'utf8'] as const)),
        ),
      };
    }
    const bytes = Buffer.from(text, 'utf8');
    const at = Math.floor(random() * bytes.length);
    const bad = pick([[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
    return {
      type: 'application/json',
      body: new Uint8Array(Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)])),
    };
  }

  it('answers 150 hostile form posts with 4xx (or the form again), never 5xx, never accepting one', async () => {
    const before = (await server.health()).referrals;
    for (let i = 0; i < 150; i += 15) {
      const answers = await Promise.all(
        Array.from({ length: 15 }, (_, j) => {
          const { type, body } = formPost(i + j);
          return fetch(`${server.url}/nl/referral/`, {
            method: 'POST',
            redirect: 'manual',
            headers: { ...(type ? { 'content-type': type } : {}), origin: server.url },
            body,
          }).then(async (r) => ({ status: r.status, text: await r.text(), i: i + j }));
        }),
      );
      for (const { status, text, i: n } of answers) {
        const what = `form post ${n}: ${JSON.stringify(formPost(n)).slice(0, 300)}`;
        expect(status, what).toBeLessThan(500);
        expect(status, what).not.toBe(303);
        expect(text, what).not.toMatch(/at .*\.(m?js|ts):\d+|node_modules|\/dist\//);
      }
    }
    const after = (await server.health()).referrals;
    expect(after.pending + after.delivered).toBe(before.pending + before.delivered);
    expect((await fetch(`${server.url}/nl/`)).status).toBe(200);
  });

  it('refuses 150 JSON bodies with a repeated key (400), another charset (415) or invalid UTF-8 (400)', async () => {
    const before = (await server.health()).referrals;
    for (let i = 0; i < 150; i += 25) {
      const statuses = await Promise.all(
        Array.from({ length: 25 }, (_, j) => {
          const { type, body } = jsonPost(i + j);
          return fetch(`${server.url}/api/referrals`, {
            method: 'POST',
            headers: type ? { 'content-type': type } : {},
            body,
          }).then(async (r) => {
            const json = (await r.json()) as { error: string };
            return [r.status, json.error] as const;
          });
        }),
      );
      for (const [j, [status, error]] of statuses.entries()) {
        const expected =
          (i + j) % 3 === 0
            ? [400, 'duplicate-key']
            : (i + j) % 3 === 1
              ? [415, 'unsupported-charset']
              : [400, 'invalid-encoding'];
        expect([status, error], `json post ${i + j}`).toEqual(expected);
      }
    }
    const after = (await server.health()).referrals;
    expect(after.pending + after.delivered).toBe(before.pending + before.delivered);
  });
});

describe('configuration', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['dist/server/entry.mjs'], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', DATA_DIR: tempDir('cfg'), ...env },
      encoding: 'utf8',
      timeout: 15_000,
    });

  it('stops at start with a message naming the variable', () => {
    const cases: [Record<string, string>, string][] = [
      [{ REFERRAL_KEY: 'c2hvcnQ=' }, 'REFERRAL_KEY'],
      [{ INTAKE_SMTP_URL: 'http://mail.example' }, 'INTAKE_SMTP_URL'],
      [{ INTAKE_SMTP_URL: 'smtp://127.0.0.1:2525' }, 'INTAKE_MAIL_TO'],
      [
        { INTAKE_WEBHOOK_URL: 'http://intake.example/hook', INTAKE_WEBHOOK_SECRET: 'x'.repeat(40) },
        'INTAKE_WEBHOOK_URL',
      ],
      [{ DELIVERY_RETRY_BASE_MS: 'soon' }, 'DELIVERY_RETRY_BASE_MS'],
      [{ NODE_ENV: 'production' }, 'REFERRAL_KEY'],
      [{ NODE_ENV: 'production', REFERRAL_KEY: Buffer.alloc(32, 1).toString('base64') }, 'INTAKE_SMTP_URL'],
    ];
    for (const [env, variable] of cases) {
      const run = start(env);
      expect(run.status, JSON.stringify(env)).not.toBe(0);
      expect(run.stderr, JSON.stringify(env)).toContain(`invalid configuration: ${variable}`);
    }
  });
});

describe('the webhook gateway', () => {
  it('POSTs the referral signed with HMAC-SHA256 over timestamp and body', async () => {
    const secret = 's3cret-'.repeat(6);
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    const port = await freePort();
    await new Promise<void>((r) => hook.listen(port, '127.0.0.1', r));
    const s = await new BuiltServer(await freePort(), {
      DATA_DIR: tempDir('data'),
      INTAKE_WEBHOOK_URL: `http://127.0.0.1:${port}/intake`,
      INTAKE_WEBHOOK_SECRET: secret,
    }).start();
    try {
      const { reference } = (await (await s.post(example())).json()) as { reference: string };
      await waitFor('the webhook', () => received.length === 1);
      const { headers, body } = received[0]!;
      const timestamp = String(headers['x-co3-timestamp']);
      expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
      expect(headers['x-co3-signature']).toBe(
        `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
      );
      expect(JSON.parse(body).reference).toBe(reference);
      expect(headers['idempotency-key']).toBe(reference);
    } finally {
      await s.kill();
      hook.close();
    }
  });
});

describe('bad input to the form page', () => {
  const post = (body: BodyInit, type: string) =>
    fetch(`${server.url}/nl/referral/`, {
      method: 'POST',
      headers: { 'content-type': type, origin: server.url },
      body,
    });

  it('answers an oversized form with 413 and a page, not an error', async () => {
    const r = await post(`step=submit&description=${'x'.repeat(70 * 1024)}`, 'application/x-www-form-urlencoded');
    expect(r.status).toBe(413);
    expect(await r.text()).toContain('Je formulier is te groot');
  });

  it('answers a malformed multipart body with 400', async () => {
    const r = await post('--nope\r\ngarbage', 'multipart/form-data; boundary=xyz');
    expect(r.status).toBe(400);
  });

  it('answers a form with only junk fields with 400 and the error summary', async () => {
    const r = await post(
      'step=submit&referrer.name=%3Cscript%3Ealert(7)%3C%2Fscript%3E&__proto__=1&constructor=2',
      'application/x-www-form-urlencoded',
    );
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain('id="error-summary"');
    expect(html).not.toContain('<script>alert(7)');
    expect(html).toContain('value="&lt;script&gt;alert(7)&lt;/script&gt;"'); // kept, escaped
  });

  it('refuses a cross-site form post', async () => {
    const r = await fetch(`${server.url}/nl/referral/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'step=check',
    });
    expect(r.status).toBe(403);
  });
});
