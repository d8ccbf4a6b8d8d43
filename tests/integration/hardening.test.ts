import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, backendEnv } from './backends.ts';
import { BuiltServer, HEALTHZ_TOKEN, example, freePort, tempDir, waitFor } from './harness.ts';

// Issue 11: no request can stop the server, a key can never swap one referral for another,
// every response carries the site's header set. Against the built server.

let server: BuiltServer;
beforeAll(async () => {
  server = await new BuiltServer(await freePort(), {
    DATA_DIR: tempDir('data'),
    INTAKE_INBOX_DIR: tempDir('inbox'),
    REFERRAL_RATE_LIMIT: '0',
    RECEIPT_RATE_LIMIT: '10',
  }).start();
});
afterAll(async () => server.kill());

/** Send raw bytes and read the whole answer (node's fetch cannot send every method token). */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // Written, not ended: a client that half-closes gets no answer from the adapter's file server.
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let out = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => (out += d));
    socket.on('end', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
  });
}
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
const headerOf = (answer: string, name: string) =>
  new RegExp(`^${name}: *(.*)$`, 'im').exec(answer.split('\r\n\r\n')[0]!)?.[1]?.trim() ?? null;

/** The headers every response carries (the CSP's frame rule differs only under /embed/). */
function expectHeaderSet(get: (name: string) => string | null, what: string) {
  expect(get('x-content-type-options'), `${what}: nosniff`).toBe('nosniff');
  expect(get('referrer-policy'), `${what}: Referrer-Policy`).toBe('same-origin');
  expect(get('cross-origin-resource-policy'), `${what}: CORP`).toBe('same-origin');
  expect(get('strict-transport-security'), `${what}: HSTS`).toContain('max-age=');
  expect(get('permissions-policy'), `${what}: Permissions-Policy`).toContain('camera=()');
  const csp = get('content-security-policy') ?? '';
  if (what.startsWith('/embed/')) {
    expect(csp, `${what}: CSP`).toContain('frame-ancestors *');
    expect(get('x-frame-options'), `${what}: XFO`).toBeNull();
  } else {
    expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
    expect(get('x-frame-options'), `${what}: XFO`).toBe('DENY');
  }
  expect(get('set-cookie'), `${what}: cookie`).toBeNull();
}

describe('every method token on every kind of route', () => {
  const ROUTES = [
    ['prerendered page', '/nl/about/'],
    ['on-demand page', '/nl/centres/'],
    ['form page', '/nl/referral/'],
    ['API', '/api/referrals'],
    ['health', '/healthz'],
    ['static file', '/favicon.svg'],
    ['hashed asset', '/_astro/does-not-exist.js'],
    ['unknown path', '/nope'],
    ['odd spelling', '/nl//about/'],
  ] as const;
  const METHODS = [
    'TRACE',
    'TRACK',
    'CONNECT',
    'PROPFIND',
    'MKCOL',
    'PURGE',
    'get',
    'post',
    'FOO',
    'X-Y',
    'DELETE',
    'PUT',
    'PATCH',
    'OPTIONS',
    'HEAD',
    'GET',
    'POST',
  ];

  it('answers below 500, with Allow on 405, the header set, and keeps serving', async () => {
    for (const [kind, route] of ROUTES) {
      for (const method of METHODS) {
        const target = method === 'CONNECT' ? '127.0.0.1:443' : route;
        const answer = await raw(
          server.port,
          `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        );
        const status = statusOf(answer);
        const what = `${method} ${route} (${kind})`;
        expect(status, what).toBeGreaterThanOrEqual(200);
        expect(status, what).toBeLessThan(500);
        if (status === 405) expect(headerOf(answer, 'allow'), what).toMatch(/^[A-Z, ]+$/);
        expectHeaderSet((name) => headerOf(answer, name), what);
      }
    }
    const page = await fetch(`${server.url}/nl/about/`);
    expect(page.status).toBe(200);
    expect(server.child?.exitCode).toBeNull();
  });

  it('names what a route accepts in Allow, from the route table', async () => {
    const allow = async (p: string) =>
      headerOf(await raw(server.port, `TRACE ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), 'allow');
    expect(await allow('/nl/about/')).toBe('GET, HEAD, OPTIONS');
    expect(await allow('/nl/referral/')).toBe('GET, HEAD, POST, OPTIONS');
    expect(await allow('/api/referrals')).toBe('POST, OPTIONS');
    expect(await allow('/healthz')).toBe('GET, HEAD, OPTIONS');
    expect(await allow('/api/centres')).toBe('GET, HEAD, OPTIONS');
    const get = await fetch(`${server.url}/api/referrals`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('answers malformed requests itself, with the header set', async () => {
    const huge = await raw(server.port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(statusOf(huge)).toBe(431);
    expectHeaderSet((name) => headerOf(huge, name), '431');
    const bad = await raw(server.port, 'GET /nl/%zz/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(statusOf(bad)).toBe(400);
    expectHeaderSet((name) => headerOf(bad, name), '400');
    const garbage = await raw(server.port, 'GET / HTTP/1.1\r\nHost x\r\n\r\n');
    expect(statusOf(garbage)).toBe(400);
    expectHeaderSet((name) => headerOf(garbage, name), 'garbage');
    const crossSite = await fetch(`${server.url}/nl/referral/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'step=check',
    });
    expect(crossSite.status).toBe(403);
    expectHeaderSet((name) => crossSite.headers.get(name), '403');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('the header set on every file and every spelling', () => {
  function files(dir: string, prefix = ''): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full, `${prefix}/${name}`) : [`${prefix}/${name}`];
    });
  }

  it('sends it with every file in dist/client, as 200, 206 and 416', async () => {
    const all = files('dist/client');
    expect(all.length).toBeGreaterThan(100);
    for (const file of all) {
      const url = file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
      const r = await fetch(`${server.url}${encodeURI(url)}`, { redirect: 'manual' });
      // The error page is not a page of its own; every other file answers 200.
      expect(r.status, url).toBe(url === '/500/' ? 404 : 200);
      expectHeaderSet((name) => r.headers.get(name), url);
      await r.arrayBuffer();
    }
    const video = all.find((f) => f.endsWith('.webm'))!;
    const part = await fetch(`${server.url}${video}`, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expectHeaderSet((name) => part.headers.get(name), `${video} 206`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    const none = await fetch(`${server.url}${video}`, { headers: { range: 'bytes=999999999-' } });
    expect(none.status).toBe(416);
    expectHeaderSet((name) => none.headers.get(name), `${video} 416`);
  });

  it('sends other spellings of a page to the canonical path (308), never serving them as they are', async () => {
    const cases: [string, string][] = [
      ['/nl/safety/index.html', '/nl/safety/'],
      ['/nl//about/', '/nl/about/'],
      ['/nl/./about/', '/nl/about/'],
      ['/nl/x/../about/', '/nl/about/'],
      ['/nl/%61bout/', '/nl/about/'],
      ['/nl/about', '/nl/about/'],
      ['/nl/centres', '/nl/centres/'],
      ['/nl/referral?x=1', '/nl/referral/?x=1'],
      ['/healthz/', '/healthz'],
      ['//nl/about/', '/nl/about/'],
      ['/\\evil.example/./', '/%5Cevil.example/'],
      ['/embed/videos/families/nl', '/embed/videos/families/nl/'],
    ];
    for (const [odd, canonical] of cases) {
      const answer = await raw(server.port, `GET ${odd} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(statusOf(answer), odd).toBe(308);
      expect(headerOf(answer, 'location'), odd).toBe(canonical);
      expectHeaderSet((name) => headerOf(answer, name), odd.startsWith('/embed/') ? '/embed/' : odd);
    }
    for (const unknown of ['/nl/nope/index.html', '/nl/about/index.htm', '/robots.txt/']) {
      const r = await fetch(`${server.url}${unknown}`);
      expect(r.status, unknown).toBe(404);
      expectHeaderSet((name) => r.headers.get(name), unknown);
    }
  });
});

// On both stores: SQLite in DATA_DIR and PostgreSQL at DATABASE_URL.
describe.each(BACKENDS)('Idempotency-Key (%s)', (backend) => {
  let server: BuiltServer;
  beforeAll(async () => {
    server = await new BuiltServer(await freePort(), {
      DATA_DIR: tempDir('data'),
      INTAKE_INBOX_DIR: tempDir('inbox'),
      REFERRAL_RATE_LIMIT: '0',
      ...(await backendEnv(backend)),
    }).start();
  });
  afterAll(async () => server.kill());
  const post = (body: unknown, key: string, lang = 'nl') =>
    server.post(body, { 'idempotency-key': key, 'accept-language': lang });

  it('same key and same referral: the stored answer, stored once', async () => {
    const before = (await server.health()).referrals;
    const first = await post(example(), 'caw-antwerpen-2026-000124');
    expect(first.status).toBe(202);
    // The same referral with its keys in another order and other spacing is the same referral.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(example()).reverse()), null, 2);
    const again = await post(reordered, 'caw-antwerpen-2026-000124');
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(await first.json());
    const after = (await server.health()).referrals;
    expect(after.pending + after.delivered - before.pending - before.delivered).toBe(1);
  });

  it('same key and another referral: 422 in the client language, nothing stored', async () => {
    await post(example(), 'caw-antwerpen-2026-000125');
    const before = (await server.health()).referrals;
    const urgent = example();
    urgent.safety.acuteDanger = 'yes';
    const r = await post(urgent, 'caw-antwerpen-2026-000125', 'fr-BE');
    expect(r.status).toBe(422);
    const body = (await r.json()) as { error: string; message: string };
    expect(body.error).toBe('idempotency-key-reused');
    expect(body.message).toContain('Idempotency-Key');
    expect(body.message).toMatch(/enregistré/);
    const after = (await server.health()).referrals;
    expect(after.pending + after.delivered).toBe(before.pending + before.delivered);
    // A new key stores the urgent referral.
    const fresh = await post(urgent, 'caw-antwerpen-2026-000126');
    expect(fresh.status).toBe(202);
    expect(((await fresh.json()) as { urgent: boolean }).urgent).toBe(true);
  });

  it('concurrent requests with one key and two bodies: one stored, the other refused', async () => {
    const other = example();
    other.description = 'Een andere situatie.';
    // Several rounds, the two bodies interleaved: which body wins is a race, that every request
    // of the winning body gets its answer and every other one a 422 is not.
    for (let round = 1; round <= 6; round++) {
      const key = `race-key-${round}`;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => post(i % 2 === round % 2 ? example() : other, key)),
      );
      const statuses = answers.map((r) => r.status);
      const winners = statuses.filter((s) => s === 202).length;
      expect(statuses.filter((s) => s === 422).length, `round ${round}: ${statuses.join(' ')}`).toBe(10 - winners);
      expect(winners, `round ${round}: ${statuses.join(' ')}`).toBe(5);
      const refs = new Set(
        await Promise.all(
          answers
            .filter((r) => r.status === 202)
            .map(async (r) => ((await r.json()) as { reference: string }).reference),
        ),
      );
      expect(refs.size).toBe(1);
    }
  });
});

describe('strict bodies', () => {
  const send = (body: BodyInit, type: string | null, target = '/api/referrals') =>
    fetch(`${server.url}${target}`, {
      method: 'POST',
      headers: { ...(type ? { 'content-type': type } : {}), origin: server.url },
      body,
    });

  it('refuses another charset (415), invalid UTF-8 (400), duplicate keys (400), no Content-Type (415)', async () => {
    const latin1 = Buffer.from(JSON.stringify(example()).replace('Peeters', 'Pe\u00e9ters'), 'latin1');
    expect((await send(latin1, 'application/json; charset=iso-8859-1')).status).toBe(415);
    expect((await send(latin1, 'application/json')).status).toBe(400);
    expect((await send(JSON.stringify(example()), 'application/json; charset=UTF-8')).status).toBe(202);
    const dup = JSON.stringify(example()).replace('"acuteDanger":"no"', '"acuteDanger":"yes","acuteDanger":"no"');
    const r = await send(dup, 'application/json');
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: 'duplicate-key', field: 'safety.acuteDanger' });
    const none = await fetch(`${server.url}/api/referrals`, {
      method: 'POST',
      body: new Uint8Array(Buffer.from(JSON.stringify(example()))),
    });
    expect(none.status).toBe(415);
  });

  it('refuses the same on the form route, and counts the bytes of a chunked form', async () => {
    expect(
      (await send('step=check', 'application/x-www-form-urlencoded; charset=iso-8859-1', '/nl/referral/')).status,
    ).toBe(415);
    expect((await send('step=check', null, '/nl/referral/')).status).toBe(415);
    expect(
      (await send('step=check&family.location=Gen%E9', 'application/x-www-form-urlencoded', '/nl/referral/')).status,
    ).toBe(400);
    const twice = await send(
      'step=check&safety.acuteDanger=yes&safety.acuteDanger=no',
      'application/x-www-form-urlencoded',
      '/nl/referral/',
    );
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('Dit antwoord kwam meer dan eens binnen');
    // 900 KB in chunks, no Content-Length: refused at 64 KB.
    const chunk = new TextEncoder().encode(`step=submit&description=${'x'.repeat(16 * 1024)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 900 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const big = await fetch(`${server.url}/nl/referral/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(big.status).toBe(413);
  });

  it('refuses control and bidi characters in one-line fields, keeps line breaks in the description', async () => {
    const body = example();
    body.referrer.callbackTimes = 'werkdagen 9-12\n\nHET GEZIN\nGemeente of postcode waar het gezin woont: Gent';
    body.family.location = 'Antwerpen\u0000';
    body.violence.victim = 'moeder, 34 \u202e';
    const r = await server.post(body);
    expect(r.status).toBe(400);
    const errors = ((await r.json()) as { errors: { field: string; code: string }[] }).errors;
    for (const field of ['referrer.callbackTimes', 'family.location', 'violence.victim']) {
      expect(errors, field).toContainEqual(expect.objectContaining({ field, code: 'controlChars' }));
    }
    const ok = example();
    ok.description = 'Eerste alinea.\n\nTweede alinea.';
    expect((await server.post(ok)).status).toBe(202);
    const form = await fetch(`${server.url}/nl/referral/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: `step=submit&referrer.callbackTimes=${encodeURIComponent('9-12\nHET GEZIN')}`,
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('Gebruik hier geen regeleinden');
  });
});

describe("the referral API, answered by the guarded server itself (before Astro's pipeline)", () => {
  const locale = (l: string) =>
    JSON.parse(readFileSync(`locales/${l}/referral.json`, 'utf8')) as { api: Record<string, string> };

  it('gives every kind of answer the header set, its length, and the message in the language asked', async () => {
    const post = (body: string, headers: Record<string, string>, query = '') =>
      fetch(`${server.url}/api/referrals${query}`, { method: 'POST', headers, body });
    const answers: [string, Response, number][] = [
      ['202', await post(JSON.stringify(example()), { 'content-type': 'application/json' }), 202],
      ['invalid JSON, fr', await post('{', { 'content-type': 'application/json' }, '?lang=fr'), 400],
      ['invalid referral', await post('{}', { 'content-type': 'application/json' }), 400],
      ['text/plain, same origin', await post('x', { 'content-type': 'text/plain', origin: server.url }), 415],
      [
        'cross-site, ar',
        await post('{}', { 'content-type': 'application/json', origin: 'https://evil.example' }, '?lang=ar'),
        403,
      ],
      [
        'form-like without origin, Accept-Language de',
        await post('a=b', { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' }),
        403,
      ],
    ];
    for (const [what, r, status] of answers) {
      expect(r.status, what).toBe(status);
      expectHeaderSet((name) => r.headers.get(name), what);
      expect(r.headers.get('content-type'), what).toBe('application/json; charset=utf-8');
      expect(r.headers.get('cache-control'), what).toBe('no-store');
      const bytes = Buffer.from(await r.arrayBuffer());
      expect(Number(r.headers.get('content-length')), what).toBe(bytes.length);
      JSON.parse(bytes.toString('utf8'));
    }
    // The messages: read again from fresh requests (a body can be read once).
    const fr = await (await post('{', { 'content-type': 'application/json' }, '?lang=fr')).json();
    expect(fr).toEqual({ error: 'invalid-json', message: locale('fr').api.invalidJson });
    const ar = await (
      await post('{}', { 'content-type': 'application/json', origin: 'https://evil.example' }, '?lang=ar')
    ).json();
    expect(ar).toEqual({ error: 'cross-site', message: locale('ar').api.crossSite });
    const de = await (
      await post('a=b', { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' })
    ).json();
    expect(de).toEqual({ error: 'cross-site', message: locale('de').api.crossSite });
  });

  it('refuses a body over 64 KB, declared or streamed, with 413 and Connection: close, and keeps serving', async () => {
    const big = JSON.stringify({ ...example(), description: 'x'.repeat(70_000) });
    const declared = await raw(
      server.port,
      `POST /api/referrals HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n`,
    );
    expect(statusOf(declared)).toBe(413);
    expect(headerOf(declared, 'connection')).toBe('close');
    expectHeaderSet((name) => headerOf(declared, name), '413 declared');
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    const streamed = await raw(
      server.port,
      `POST /api/referrals HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunk(big.slice(0, 40_000))}${chunk(big.slice(40_000))}`,
    );
    expect(statusOf(streamed)).toBe(413);
    expect(headerOf(streamed, 'connection')).toBe('close');
    expect((await server.post(example())).status).toBe(202);
  });

  it('keeps serving when a client hangs up halfway through a referral, and stores nothing of it', async () => {
    const before = await server.health();
    const stored = () => before.referrals.pending + before.referrals.delivered + before.referrals.dead;
    const total = stored();
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.write(
            'POST /api/referrals HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n{"referrer":',
          );
          setTimeout(() => socket.destroy(), 20);
        });
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
    }
    expect((await server.post(example())).status).toBe(202);
    const after = (await server.health()).referrals;
    expect(after.pending + after.delivered + after.dead).toBe(total + 1);
    expect(server.log).not.toMatch(/request failed/);
  });

  it('answers odd Host headers below 500', async () => {
    for (const host of ['[::1', 'a b', 'xn--', 'exa mple:99999', '']) {
      const answer = await raw(
        server.port,
        `POST /api/referrals HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      );
      expect(statusOf(answer), `Host: ${host}`).toBeGreaterThanOrEqual(400);
      expect(statusOf(answer), `Host: ${host}`).toBeLessThan(500);
    }
    expect((await server.post(example())).status).toBe(202);
  });
});

describe('the rate limit and X-Forwarded-For', () => {
  it("counts the connection's address: a made-up X-Forwarded-For does not get round the limit", async () => {
    const limited = await new BuiltServer(await freePort(), {
      DATA_DIR: tempDir('xff'),
      INTAKE_INBOX_DIR: tempDir('inbox'),
      REFERRAL_RATE_LIMIT: '2',
    }).start();
    try {
      const statuses: number[] = [];
      for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
        statuses.push((await limited.post(example(), { 'x-forwarded-for': address })).status);
      expect(statuses).toEqual([202, 202, 429]);
    } finally {
      await limited.kill();
    }
  });
});

describe('receipts', () => {
  it('an unknown reference is a 404 titled as one; lookups are throttled per address', async () => {
    const r = await fetch(`${server.url}/nl/referral/receipt/CO3-AAAA-BBBB/`);
    expect(r.status).toBe(404);
    const html = await r.text();
    expect(html).toMatch(/<title>Doorverwijzing niet gevonden/);
    expect(html).not.toContain('is ontvangen');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await fetch(`${server.url}/nl/referral/receipt/CO3-AAAA-BBB${i}/`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 404).length).toBe(9); // 10 a minute, one used above
  });
});

describe.each(BACKENDS)('the rate limit (%s)', (backend) => {
  it('accepts exactly the limit from a burst, and remembers it over a restart', async () => {
    const dataDir = tempDir('rate');
    const env = {
      DATA_DIR: dataDir,
      INTAKE_INBOX_DIR: tempDir('inbox'),
      REFERRAL_RATE_LIMIT: '5',
      ...(await backendEnv(backend)),
    };
    const burst = async (s: BuiltServer) =>
      (await Promise.all(Array.from({ length: 50 }, () => s.post(example())))).map((r) => r.status);
    const first = await new BuiltServer(await freePort(), env).start();
    try {
      const statuses = await burst(first);
      expect(statuses.filter((s) => s === 202)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(45);
    } finally {
      await first.kill();
    }
    const second = await new BuiltServer(await freePort(), env).start();
    try {
      const statuses = await burst(second);
      expect(statuses.filter((s) => s === 202)).toHaveLength(0);
      const stored = (await second.health()).referrals;
      expect(stored.pending + stored.delivered).toBe(5);
    } finally {
      await second.kill();
    }
  });
});

describe('/healthz', () => {
  it('gives the status only, the counts only with the token', async () => {
    const open = (await (await fetch(`${server.url}/healthz`)).json()) as Record<string, unknown>;
    expect(open).toEqual({ status: 'ok' });
    const wrong = (await (
      await fetch(`${server.url}/healthz`, { headers: { authorization: 'Bearer nope' } })
    ).json()) as Record<string, unknown>;
    expect(wrong).toEqual({ status: 'ok' });
    const detail = await server.health();
    expect(detail.referrals.pending + detail.referrals.delivered).toBeGreaterThan(0);
    expect(HEALTHZ_TOKEN.length).toBeGreaterThanOrEqual(16);
  });

  it('answers 503 while a referral cannot be stored, and ok again after', async () => {
    const dataDir = tempDir('locked');
    const s = await new BuiltServer(await freePort(), {
      DATA_DIR: dataDir,
      INTAKE_INBOX_DIR: tempDir('inbox'),
    }).start();
    // Another process holds the outbox's write lock: nothing can be stored.
    const db = new DatabaseSync(path.join(dataDir, 'outbox.sqlite'));
    try {
      db.exec('BEGIN EXCLUSIVE');
      const h = await fetch(`${s.url}/healthz`);
      expect(h.status).toBe(503);
      expect(await h.json()).toEqual({ status: 'unavailable' });
      expect((await s.health()).reason).toMatch(/^locked/);
      db.exec('ROLLBACK');
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    } finally {
      db.close();
      await s.kill();
    }
  });

  // A read-only or full disk needs a file system of its own: a small tmpfs, which only root can
  // mount (the lock test above covers the same answer everywhere else).
  const mountable = (() => {
    if (process.getuid?.() !== 0) return false;
    const dir = tempDir('mount-probe');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
      execFileSync('umount', [dir], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!mountable)(
    'answers 503 while DATA_DIR is (nearly) full, a POST 503 when it is full, and ok once there is room (root only: tmpfs)',
    async () => {
      const mountPoint = tempDir('tmpfs');
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
      const s = await new BuiltServer(await freePort(), {
        DATA_DIR: path.join(mountPoint, 'data'),
        INTAKE_INBOX_DIR: tempDir('inbox'),
      }).start();
      try {
        expect((await s.post(example())).status).toBe(202);
        const filler = path.join(mountPoint, 'filler');
        writeFileSync(filler, Buffer.alloc(Math.floor(3.6 * 1024 * 1024)));
        const full = await fetch(`${s.url}/healthz`);
        expect(full.status).toBe(503);
        expect(await full.json()).toEqual({ status: 'unavailable' });
        expect((await s.health()).reason).toBe('disk-full');
        // Full to the last byte: the referral cannot be stored, and says so.
        try {
          for (let i = 0; ; i++) writeFileSync(path.join(mountPoint, `rest-${i}`), Buffer.alloc(64 * 1024));
        } catch {
          // ENOSPC: the disk is full
        }
        expect((await s.post(example())).status).toBe(503);
        for (const name of readdirSync(mountPoint)) if (name.startsWith('rest-')) rmSync(path.join(mountPoint, name));
        rmSync(filler);
        expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
        expect((await s.post(example())).status).toBe(202);
      } finally {
        await s.kill();
        execFileSync('umount', ['-l', mountPoint]);
      }
    },
  );

  it.skipIf(!mountable)('exits 78 naming DATA_DIR when its parent is read-only (root only: tmpfs)', () => {
    const mountPoint = tempDir('tmpfs-ro');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', mountPoint]);
    try {
      const run = spawnSync(process.execPath, ['dist/server/entry.mjs'], {
        env: {
          PATH: process.env.PATH ?? '',
          HOST: '127.0.0.1',
          PORT: '0',
          DATA_DIR: path.join(mountPoint, 'data'),
          INTAKE_INBOX_DIR: tempDir('inbox'),
        },
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(run.status).toBe(78);
      expect(run.stderr).toContain('invalid configuration: DATA_DIR');
      expect(run.stderr).toContain('EROFS');
    } finally {
      execFileSync('umount', ['-l', mountPoint]);
    }
  });

  it('says degraded while referrals wait in the dead letter', async () => {
    const dataDir = tempDir('dead');
    const env = {
      DATA_DIR: dataDir,
      INTAKE_WEBHOOK_URL: `http://127.0.0.1:${await freePort()}/gone`,
      INTAKE_WEBHOOK_SECRET: 'x'.repeat(40),
      DELIVERY_RETRY_BASE_MS: '10',
    };
    const s = await new BuiltServer(await freePort(), env).start();
    try {
      const db = new DatabaseSync(path.join(dataDir, 'outbox.sqlite'));
      expect((await s.post(example())).status).toBe(202);
      db.exec(`UPDATE referrals SET status = 'dead', last_error = 'test'`);
      db.close();
      const h = await fetch(`${s.url}/healthz`);
      expect(h.status).toBe(200);
      expect(await h.json()).toEqual({ status: 'degraded' });
    } finally {
      await s.kill();
    }
  });
});

describe('start-up', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['dist/server/entry.mjs'], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', INTAKE_INBOX_DIR: tempDir('inbox'), ...env },
      encoding: 'utf8',
      timeout: 15_000,
    });

  it('exits 78 naming DATA_DIR when it is a file or cannot be created', () => {
    const file = path.join(tempDir('file'), 'data');
    writeFileSync(file, 'not a folder');
    for (const dataDir of [file, path.join(file, 'below')]) {
      const run = start({ DATA_DIR: dataDir });
      expect(run.status, dataDir).toBe(78);
      expect(run.stderr, dataDir).toContain('invalid configuration: DATA_DIR');
      expect(run.stderr, dataDir).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('refuses a changed REFERRAL_KEY while referrals are pending, says what the way out does, and answers a repeat clearly', async () => {
    const dataDir = tempDir('key');
    mkdirSync(dataDir, { recursive: true });
    const oldKey = Buffer.alloc(32, 1).toString('base64');
    const newKey = Buffer.alloc(32, 2).toString('base64');
    // A webhook nobody answers: the referral stays pending.
    const base = {
      DATA_DIR: dataDir,
      INTAKE_WEBHOOK_URL: `http://127.0.0.1:${await freePort()}/down`,
      INTAKE_WEBHOOK_SECRET: 'y'.repeat(40),
      DELIVERY_RETRY_BASE_MS: '600000',
    };
    const s = await new BuiltServer(await freePort(), { ...base, REFERRAL_KEY: oldKey }).start();
    let reference = '';
    try {
      const r = await s.post(example(), { 'idempotency-key': 'key-change-1' });
      reference = ((await r.json()) as { reference: string }).reference;
    } finally {
      await s.kill();
    }
    const refused = start({ ...base, REFERRAL_KEY: newKey });
    expect(refused.status).toBe(78);
    expect(refused.stderr).toContain('invalid configuration: REFERRAL_KEY');
    expect(refused.stderr).toContain('1 referral(s)');
    expect(refused.stderr).toContain('REFERRAL_KEY_CHANGED=dead-letter');

    const s2 = await new BuiltServer(await freePort(), {
      ...base,
      REFERRAL_KEY: newKey,
      REFERRAL_KEY_CHANGED: 'dead-letter',
    }).start();
    try {
      expect(s2.log).toContain(reference);
      const h = await s2.health();
      expect(h.referrals.dead).toBe(1);
      expect(h.status).toBe('degraded');
      const repeat = await s2.post(example(), { 'idempotency-key': 'key-change-1', 'accept-language': 'en' });
      expect(repeat.status).toBe(409);
      expect(((await repeat.json()) as { message: string }).message).toContain('new Idempotency-Key');
      await waitFor('the server still up', async () => (await fetch(`${s2.url}/nl/`)).status === 200);
    } finally {
      await s2.kill();
    }
    // Started once with the new key, it starts again without the flag.
    const again = await new BuiltServer(await freePort(), { ...base, REFERRAL_KEY: newKey }).start();
    await again.kill();
  });
});
