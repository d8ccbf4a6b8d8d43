/**
 * What a page weighs when a browser loads it: bytes per kind (raw and gzip), requests, hosts.
 * Shared by the budget tests (tests/e2e/budgets.spec.ts) and `npm run bench` (scripts/bench.ts),
 * so the test and the benchmark count the same way. Bytes, never timings: the figures are the
 * same on a fast and a slow machine.
 *
 * Counting rules:
 * - gzip is what a compressing server or proxy would send (zlib level 6, Node's default), taken
 *   from the response body; the built server itself sends the body as it is ("raw").
 * - JS = script files + inline executable <script> elements (the quick exit is inlined into the
 *   HTML by Astro, so counting files only would say 0). Inline scripts stay counted in the HTML
 *   too: the HTML is what travels; the JS figure says how much of it is code.
 * - "before any image or film" = HTML + CSS + JS files + fonts. Images, posters, films, caption
 *   tracks and the favicon are media and listed apart.
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from '@playwright/test';

export type Kind = 'html' | 'css' | 'js' | 'font' | 'media' | 'other';
export interface Bytes {
  raw: number;
  gzip: number;
}
export interface PageWeight {
  path: string;
  status: number;
  html: Bytes;
  css: Bytes;
  /** script files + inline scripts */
  js: Bytes;
  /** inline executable scripts alone (part of html and of js) */
  inlineJs: Bytes;
  font: Bytes;
  media: Bytes;
  /** html + css + script files + fonts: everything before any image or film */
  beforeMedia: Bytes;
  /** responses received by the load event (islands: until the network is idle), the document included */
  requests: number;
  /** hosts other than the site's own that were asked for anything */
  foreignHosts: string[];
  /** <astro-island> elements: where React runs */
  islands: number;
  files: { url: string; kind: Kind; raw: number; gzip: number }[];
}

const gz = (b: Buffer | string) => gzipSync(b).length;
const zero = (): Bytes => ({ raw: 0, gzip: 0 });

function kindOf(resourceType: string, pathname: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script') return 'js';
  if (resourceType === 'font') return 'font';
  if (
    ['image', 'media', 'texttrack'].includes(resourceType) ||
    /\.(vtt|svg|ico|png|jpe?g|webp|avif|webm|mp4)$/.test(pathname)
  )
    return 'media';
  return 'other';
}

/**
 * The referral's step one, filled in for a family in Antwerp: posting it gives step two, the page
 * that carries the referral form's island (step one is plain HTML).
 */
export const REFERRAL_STEP_ONE = new URLSearchParams([
  ['step', 'check'],
  ['contact_url', ''],
  ['violence.forms', 'partner'],
  ['violence.repeated', 'yes'],
  ['lifeDomains', 'housing'],
  ['lifeDomains', 'debts'],
  ['organisations.involved', 'police'],
  ['organisations.involved', 'caw'],
  ['situation.unsafe', 'yes'],
  ['situation.hardStart', 'yes'],
  ['family.location', 'Antwerpen'],
  ['safety.acuteDanger', 'no'],
]).toString();

/**
 * Loads `base + path` in a fresh page of `context` and weighs it. Use a fresh context per page
 * for a cold cache. With `post`, the document is requested by a form POST with that body.
 */
export async function weighPage(
  context: BrowserContext,
  base: string,
  path: string,
  post?: string,
): Promise<PageWeight> {
  const page = await context.newPage();
  const weight = await weighLoad(page, base, path, post);
  await page.close();
  return weight;
}

/**
 * Loads `base + path` in `page` (which should be new, in a fresh context, for a cold cache) and
 * weighs it, leaving the page loaded so the caller can go on with it (the crawl runs axe on it).
 */
export async function weighLoad(page: Page, base: string, path: string, post?: string): Promise<PageWeight> {
  const origin = new URL(base).origin;
  const files: PageWeight['files'] = [];
  const foreign = new Set<string>();
  const pending: Promise<void>[] = [];
  // Anything asked of another host is recorded, and the budget check fails on it. (Listening
  // costs less than intercepting every request.)
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:') foreign.add(url.host);
  });
  let recording = !post;
  page.on('response', (response) => {
    if (!recording) return;
    pending.push(
      (async () => {
        const url = new URL(response.url());
        if (url.origin !== origin) return;
        const kind = kindOf(response.request().resourceType(), url.pathname);
        // Media is fetched in ranges and may be cut off: count the announced length instead.
        const body = kind === 'media' ? null : await response.body().catch(() => null);
        const headers = await response.allHeaders().catch(() => ({}) as Record<string, string>);
        const raw = body ? body.length : Number(headers['content-length'] ?? 0);
        files.push({ url: url.pathname, kind, raw, gzip: body ? gz(body) : raw });
      })(),
    );
  });
  let response: Response | null;
  if (post) {
    // A real form submission from the site's own origin (the server checks Origin): start on a
    // page that loads nothing else (the health check), so the cache stays cold.
    await page.goto(`${base}/healthz`);
    recording = true;
    [response] = await Promise.all([
      page.waitForResponse((r) => r.request().isNavigationRequest() && r.url() === base + path),
      page.evaluate(
        ({ action, body }) => {
          const form = document.createElement('form');
          form.method = 'post';
          form.action = action;
          for (const [name, value] of new URLSearchParams(body)) {
            const input = document.createElement('input');
            input.type = 'hidden';
            input.name = name;
            input.value = value;
            form.append(input);
          }
          document.body.append(form);
          form.submit();
        },
        { action: path, body: post },
      ),
    ]);
    await page.waitForURL(base + path, { waitUntil: 'load' });
  } else {
    response = await page.goto(base + path, { waitUntil: 'load' });
  }
  // Content pages have fetched all they fetch by `load`; islands import their chunks after it.
  if (await page.locator('astro-island').count()) await page.waitForLoadState('networkidle');
  // A film may ask for more ranges while the first answers are read: wait for those too.
  for (let done = 0; done < pending.length; ) {
    const batch = pending.slice(done);
    done = pending.length;
    await Promise.all(batch);
  }
  const inline = await page.$$eval('script:not([src])', (els) =>
    els
      .filter((e) => {
        const t = (e.getAttribute('type') ?? '').trim();
        return t === '' || t === 'module' || t === 'text/javascript';
      })
      .map((e) => e.textContent ?? ''),
  );
  const islands = await page.locator('astro-island').count();

  const sum = (...kinds: Kind[]): Bytes =>
    files
      .filter((f) => kinds.includes(f.kind))
      .reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), zero());
  const inlineJs = inline.reduce((a, s) => ({ raw: a.raw + Buffer.byteLength(s), gzip: a.gzip + gz(s) }), zero());
  const jsFiles = sum('js');
  return {
    path,
    status: response?.status() ?? 0,
    html: sum('html'),
    css: sum('css'),
    js: { raw: jsFiles.raw + inlineJs.raw, gzip: jsFiles.gzip + inlineJs.gzip },
    inlineJs,
    font: sum('font'),
    media: sum('media'),
    beforeMedia: sum('html', 'css', 'js', 'font'),
    requests: files.length,
    foreignHosts: [...foreign].sort(),
    islands,
    files,
  };
}

/** 1 KB = 1024 bytes throughout. */
export const KB = 1024;
export const kb = (n: number) => (n / KB).toFixed(1);

/** The budgets, gzip bytes. Why each figure: docs/testing.md, "Budgets". */
export const BUDGETS = {
  /** a content page: the quick exit, and a film page's player script */
  contentJs: 2 * KB,
  /** a content page before any image or film: HTML + CSS + JS + fonts */
  contentTotal: 25 * KB,
  /** the referral's step two (the form island): React, i18next, zod and the form; 114.8 KB measured */
  referralJs: 120 * KB,
  referralTotal: 140 * KB,
  /** the locator page: the <locator-search> custom element (suggestions from /api/centres); the goal is 20 KB */
  locatorJs: 20 * KB,
  locatorTotal: 30 * KB,
} as const;

/** Pages whose React island is wanted: the referral's step two (the locator is a custom element). */
const ISLAND_PAGES = /^\/[a-z]+\/referral\//;

/**
 * What breaks a page's budget, one line per breach naming the page and the figure: status,
 * JavaScript, bytes before any image or film, requests to other hosts, islands where none is
 * wanted, script files on content pages. `post`: the page was the answer to a form POST.
 */
export function budgetBreaches(w: PageWeight, post?: string): string[] {
  const name = post ? `${w.path} (step two)` : w.path;
  const budget = budgetFor(w.path);
  const breaches: string[] = [];
  if (w.status !== 200) breaches.push(`${name}: status ${w.status}`);
  if (w.js.gzip > budget.js)
    breaches.push(`${name}: JavaScript ${kb(w.js.gzip)} KB gzip > ${kb(budget.js)} KB (${budget.kind} budget)`);
  if (w.beforeMedia.gzip > budget.total)
    breaches.push(
      `${name}: ${kb(w.beforeMedia.gzip)} KB gzip before any image or film > ${kb(budget.total)} KB (${budget.kind} budget)`,
    );
  if (w.foreignHosts.length) breaches.push(`${name}: requests to other hosts: ${w.foreignHosts.join(', ')}`);
  const wanted = ISLAND_PAGES.test(w.path) && post ? 1 : 0;
  if (w.islands !== wanted) breaches.push(`${name}: ${w.islands} island(s), expected ${wanted}`);
  if (budget.kind === 'content' && w.files.some((f) => f.kind === 'js'))
    breaches.push(
      `${name}: loads a script file (${w.files
        .filter((f) => f.kind === 'js')
        .map((f) => f.url)
        .join(', ')})`,
    );
  return breaches;
}

/** Which budget a path falls under. */
export function budgetFor(path: string): { kind: 'content' | 'referral' | 'locator'; js: number; total: number } {
  if (/^\/[a-z]+\/referral\//.test(path))
    return { kind: 'referral', js: BUDGETS.referralJs, total: BUDGETS.referralTotal };
  if (/^\/[a-z]+\/centres\//.test(path)) return { kind: 'locator', js: BUDGETS.locatorJs, total: BUDGETS.locatorTotal };
  return { kind: 'content', js: BUDGETS.contentJs, total: BUDGETS.contentTotal };
}
