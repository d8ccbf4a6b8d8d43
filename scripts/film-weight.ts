// Prints what the films cost: each film's files, and what a film page weighs before the
// visitor presses play (HTML, CSS, JS, poster, and what the browser fetches of the film for
// `preload="metadata"`), measured in Chromium against the built server.
// Usage: npm run build && npm run films:weight   (BENCH_PORT picks the port, default 4398)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { parse } from 'yaml';
import { BuiltServer, tempDir } from '../tools/built-server.ts';

const root = process.cwd();
const port = Number(process.env['BENCH_PORT'] ?? 4398);
const base = `http://127.0.0.1:${port}`;
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

console.log('Film files (content/videos/<slug>/)');
for (const slug of readdirSync(join(root, 'content/videos')).sort()) {
  const dir = join(root, 'content/videos', slug);
  const meta = parse(readFileSync(join(dir, 'video.yaml'), 'utf8')) as { duration: number };
  const sizes = readdirSync(dir)
    .filter((f) => /\.(webm|mp4|jpg|jpeg|png|webp)$/.test(f))
    .map((f) => `${f} ${kB(statSync(join(dir, f)).size)}`);
  const vtt = readdirSync(dir)
    .filter((f) => f.endsWith('.vtt'))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  console.log(`  ${slug} (${meta.duration} s): ${sizes.join(', ')}, 6 caption files ${kB(vtt)}`);
}

const server = await new BuiltServer(port, {
  DATA_DIR: tempDir('films-data'),
  INTAKE_INBOX_DIR: tempDir('films-inbox'),
}).start();
try {
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
  console.log('\nA film page before play (fresh cache; gzip = what a compressing proxy would send)');
  for (const path of [
    '/nl/videos/families/',
    '/ar/videos/chain-approach/',
    '/nl/families/',
    '/embed/videos/families/nl/',
  ]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const rows: { type: string; raw: number; gzip: number; url: string }[] = [];
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.origin !== base) return;
      const ext = /\.(\w+)$/.exec(url.pathname)?.[1] ?? 'html';
      const type =
        { js: 'js', css: 'css', jpg: 'poster', vtt: 'captions', webm: 'film', mp4: 'film', svg: 'icon' }[ext] ?? 'html';
      if (type === 'film') return; // counted below from the bytes that actually arrived
      const body = await response.body().catch(() => Buffer.alloc(0));
      rows.push({ type, raw: body.length, gzip: gzipSync(body).length, url: url.pathname });
    });
    // Chromium asks for media as ranges and may stop reading once it has the metadata; the
    // response headers announce the whole file, so count the bytes that arrive instead.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const mediaRequests = new Set<string>();
    let filmBytes = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (/\.(webm|mp4)$/.test(new URL(e.request.url).pathname)) mediaRequests.add(e.requestId);
    });
    // Chromium may report a chunk twice, once as encoded and once as decoded bytes (the other
    // field 0): count the encoded bytes only, as they arrive (a media request may never finish).
    cdp.on('Network.dataReceived', (e) => {
      if (mediaRequests.has(e.requestId)) filmBytes += e.encodedDataLength;
    });
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1000);
    rows.push({ type: 'film', raw: filmBytes, gzip: filmBytes, url: 'media' });
    const sum = (types: string[], k: 'raw' | 'gzip') =>
      rows.filter((r) => types.includes(r.type)).reduce((n, r) => n + r[k], 0);
    const by = (t: string) => `${kB(sum([t], 'raw'))} (gzip ${kB(sum([t], 'gzip'))})`;
    console.log(`  ${path}`);
    console.log(`    HTML ${by('html')} (scripts are inline in it), CSS ${by('css')}, JS files ${by('js')}`);
    console.log(
      `    HTML+CSS+JS ${kB(sum(['html', 'css', 'js'], 'raw'))} (gzip ${kB(sum(['html', 'css', 'js'], 'gzip'))})`,
    );
    console.log(
      `    poster ${kB(sum(['poster'], 'raw'))}, captions ${by('captions')}, film fetched before play ${kB(sum(['film'], 'raw'))}, icon ${kB(sum(['icon'], 'raw'))}`,
    );
    console.log(`    total ${kB(rows.reduce((n, r) => n + r.raw, 0))} in ${rows.length} requests`);
    await context.close();
  }
  await browser.close();
} finally {
  await server.kill();
}
