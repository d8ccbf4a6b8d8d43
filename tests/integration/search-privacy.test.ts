import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuiltServer, freePort, tempDir } from './harness.ts';

// The built server, its whole output kept: a search must leave no trace in it.
let server: BuiltServer;
const start = async () =>
  new BuiltServer(await freePort(), {
    DATA_DIR: tempDir('data'),
    INTAKE_INBOX_DIR: tempDir('inbox'),
  }).start();
beforeAll(async () => {
  server = await start();
});
afterAll(async () => server.kill());

/** Words no page holds, so any trace of them comes from the queries. */
const SECRET = ['zebraquokka', 'wombatgeheim', 'حمايةسرية', 'lɛunfzzz'];

describe('search and the server log', () => {
  it('writes no query to the log, whatever the query, and answers each one', async () => {
    const queries = [
      ...SECRET,
      `${SECRET[0]} ${'x'.repeat(300)}`, // too long: 400
      `<script>${SECRET[1]}</script>\u0000`,
      `${SECRET[0]}%`,
    ];
    for (const locale of ['nl', 'ar', 'ber', 'en', 'fr', 'de', 'xx']) {
      for (const q of queries) {
        const r = await fetch(`${server.url}/${locale}/search/?q=${encodeURIComponent(q)}`);
        expect(r.status, `${locale} ${q.slice(0, 20)}`).toBeLessThan(500);
        if (locale !== 'xx') expect(r.headers.get('cache-control')).toBe('no-store');
        await r.arrayBuffer();
      }
    }
    // Malformed requests the server itself refuses must not echo the query into the log either.
    for (const raw of [`/nl/search/?q=${SECRET[0]}%E0%A4%A`, `/nl/search/?q=${SECRET[1]}&p=%FF`]) {
      const r = await fetch(server.url + raw);
      expect(r.status).toBeLessThan(500);
    }
    const health = await fetch(`${server.url}/healthz`);
    expect(health.ok).toBe(true);
    // Stopped, and its output read to the end: the whole log, not what has arrived so far.
    await server.kill();
    for (const s of [...SECRET, 'xxxxxxxxxx', 'script']) expect(server.log).not.toContain(s);
    server = await start();
  });

  it('answers the same query the same way, and keeps nothing about it', async () => {
    const a = await (await fetch(`${server.url}/nl/search/?q=beroepsgeheim`)).text();
    const b = await (await fetch(`${server.url}/nl/search/?q=beroepsgeheim`)).text();
    const results = (html: string) => [...html.matchAll(/data-result-url="([^"]+)"/g)].map((m) => m[1]);
    expect(results(a).length).toBeGreaterThan(0);
    expect(results(b)).toEqual(results(a));
    const r = await fetch(`${server.url}/nl/search/?q=beroepsgeheim`);
    expect(r.headers.get('set-cookie')).toBeNull();
    expect(r.headers.get('x-robots-tag')).toBe('noindex');
  });
});

// The guarded server answers a search itself once the locale's frame is kept (shell.server.ts
// fastSearch): the first search of a locale goes through the page, the next ones do not. Both
// ways must give the visitor the same page.
describe('search answered before the page pipeline', () => {
  let fresh: BuiltServer;
  beforeAll(async () => {
    fresh = await new BuiltServer(await freePort(), {
      DATA_DIR: tempDir('data'),
      INTAKE_INBOX_DIR: tempDir('inbox'),
    }).start();
  });
  afterAll(async () => fresh.kill());

  const headerSet = (r: Response) =>
    [...r.headers]
      .map(([k, v]) => `${k.toLowerCase()}: ${v}`)
      .filter((h) => !/^(date|content-length|transfer-encoding|connection|keep-alive):/.test(h))
      .sort();

  for (const [locale, q] of [
    ['nl', 'geweld 112'],
    ['ar', 'عنف 1712'],
    ['fr', 'x'.repeat(201)],
  ] as const) {
    it(`${locale}: the kept frame gives the same page as the page itself (${q.length > 200 ? 'too long' : q})`, async () => {
      const url = `${fresh.url}/${locale}/search/?q=${encodeURIComponent(q)}`;
      const first = await fetch(url); // through Astro's pipeline: renders and keeps the frame
      const firstBody = await first.text();
      const second = await fetch(url); // answered by the guarded server from the kept frame
      const secondBody = await second.text();
      expect(second.status).toBe(first.status);
      expect(first.status).toBe(q.length > 200 ? 400 : 200);
      // The fast path sends the length of a whole body; the page pipeline streams it.
      expect(first.headers.get('content-length')).toBeNull();
      expect(Number(second.headers.get('content-length'))).toBe(Buffer.byteLength(secondBody));
      expect(secondBody).toBe(firstBody);
      expect(headerSet(second)).toEqual(headerSet(first));
      const head = await fetch(url, { method: 'HEAD' });
      expect(head.status).toBe(first.status);
      expect(await head.text()).toBe('');
    });
  }

  it('keeps nothing of a query in the frame: the next search does not show it', async () => {
    await (await fetch(`${fresh.url}/de/search/?q=zebraquokka`)).text();
    const next = await (await fetch(`${fresh.url}/de/search/?q=wombatgeheim`)).text();
    expect(next).not.toContain('zebraquokka');
    // The language links keep this visitor's own search, and only theirs.
    expect(next).toContain('href="/nl/search/?q=wombatgeheim"');
    const bare = await (await fetch(`${fresh.url}/de/search/`)).text();
    expect(bare).toContain('href="/nl/search/"');
    expect(bare).not.toContain('wombatgeheim');
  });
});
