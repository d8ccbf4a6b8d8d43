/**
 * npm run bench — the site's measured quality in one run, written to bench/results.md and
 * bench/results.json:
 *   1. the build time (`astro build`);
 *   2. the weight of every page in every locale (HTML, CSS, JS, fonts; raw and gzip; requests),
 *      loaded in Chromium from the built server, against the budgets the tests enforce;
 *   3. Lighthouse (mobile emulation, all four categories, LCP/TBT/CLS) on every page in nl and ar
 *      and the home page in every locale, one Chrome, one page at a time;
 *   4. a load test on loopback (autocannon, 50 connections, BENCH_SECONDS each, default 10): a static
 *      page, the locator API, the site search page and the referral API in the same run, so their
 *      ratios hold;
 *   5. the site search: each locale's index size and one search's time in process (search-measure.ts).
 * Not part of `npm test`: its timings depend on the machine. About 6–8 minutes on 2 cores.
 *
 *   npm run bench                    everything
 *   BENCH_SKIP_BUILD=1 npm run bench measure the existing dist/ (build time then not measured)
 *   BENCH_PORT=4390 BENCH_SECONDS=10 npm run bench
 *   BENCH_QUICK=1 npm run bench       a trial: nl pages only, Lighthouse on two pages (do not commit its results)
 */
import { execSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from '@playwright/test';
import autocannon from 'autocannon';
import { ALL_ROUTES, EXTRA_ROUTES } from '../tools/site-routes.ts';
import { LOCALES } from '../src/i18n/locales.ts';
import { startBenchServer } from './bench-server.ts';
import { SEARCH_URL, measureSearch } from './search-measure.ts';
import { launchChrome, runLighthouse, type LighthouseResult } from '../tools/lighthouse.ts';
import { BUDGETS, REFERRAL_STEP_ONE, budgetFor, kb, weighPage, type PageWeight } from '../tools/weigh.ts';

const quick = !!process.env['BENCH_QUICK'];
const seconds = Number(process.env['BENCH_SECONDS'] ?? (quick ? 2 : 10));
const port = Number(process.env['BENCH_PORT'] ?? 4390);
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const started = new Date();
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
const loadAtStart = load();
const log = (s: string) => console.log(`[bench ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s] ${s}`);

// 1. Build.
let buildSeconds: number | null = null;
if (!process.env['BENCH_SKIP_BUILD']) {
  log('astro build');
  const t0 = performance.now();
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('build failed');
  buildSeconds = (performance.now() - t0) / 1000;
  log(`built in ${buildSeconds.toFixed(1)} s`);
}

// The built server, loopback only, with a throw-away outbox and no rate limit.
const { base, stop } = await startBenchServer(port);

interface WeightRow extends Omit<PageWeight, 'files'> {
  locale: string;
  label: string;
  budget: ReturnType<typeof budgetFor>;
  withinBudget: boolean;
}
interface LoadRow {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

const weights: WeightRow[] = [];
let lighthouseRuns: LighthouseResult[] = [];
const loadTest: LoadRow[] = [];
let chromiumVersion = '';

try {
  // 2. Page weight.
  log('page weight, every page in every locale');
  const browser = await chromium.launch({ executablePath: chromiumPath });
  chromiumVersion = browser.version();
  const targets = [
    ...[...ALL_ROUTES, ...EXTRA_ROUTES].map((r) => ({
      locale: r.locale,
      path: r.path,
      post: undefined as string | undefined,
      label: r.path,
    })),
    ...LOCALES.map((locale) => ({
      locale,
      path: `/${locale}/referral/`,
      post: REFERRAL_STEP_ONE,
      label: `/${locale}/referral/ (step two)`,
    })),
  ].filter((t) => !quick || t.locale === 'nl');
  for (const t of targets) {
    const context = await browser.newContext();
    const { files: _files, ...w } = await weighPage(context, base, t.path, t.post);
    await context.close();
    const budget = budgetFor(t.path);
    weights.push({
      ...w,
      locale: t.locale,
      label: t.label,
      budget,
      withinBudget: w.js.gzip <= budget.js && w.beforeMedia.gzip <= budget.total && w.foreignHosts.length === 0,
    });
  }
  await browser.close();
  log(`${weights.length} pages weighed`);

  // 3. Lighthouse, mobile emulation (its default), all four categories.
  const lhPaths = quick
    ? ['/nl/', '/nl/centres/']
    : [
        ...ALL_ROUTES.filter((r) => r.locale === 'nl' || r.locale === 'ar').map((r) => r.path),
        ...LOCALES.filter((l) => l !== 'nl' && l !== 'ar').map((l) => `/${l}/`),
      ];
  log(`Lighthouse on ${lhPaths.length} pages`);
  const chrome = await launchChrome();
  try {
    // A first run in a fresh Chrome pays for its start-up (TBT); it is not recorded.
    await runLighthouse(`${base}/nl/about/`, chrome.port, ['performance']);
    for (const p of lhPaths) {
      lighthouseRuns.push(
        await runLighthouse(base + p, chrome.port, ['performance', 'accessibility', 'best-practices', 'seo']),
      );
    }
  } finally {
    chrome.kill();
  }
  lighthouseRuns = lighthouseRuns.map((r) => ({ ...r, url: new URL(r.url).pathname }));

  // 4. Load test.
  log(`load test, 50 connections, ${seconds} s each`);
  const run = (opts: autocannon.Options) =>
    autocannon({ connections: 50, duration: seconds, ...opts }) as unknown as Promise<autocannon.Result>;
  const row = (name: string, r: autocannon.Result): LoadRow => ({
    name,
    rps: Math.round(r['2xx'] / r.duration),
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
  });
  await run({ url: `${base}/nl/`, duration: 2 }); // warm-up
  loadTest.push(row('static page `GET /nl/`', await run({ url: `${base}/nl/` })));
  loadTest.push(
    row('locator `GET /api/centres?q=Lier&lang=nl`', await run({ url: `${base}/api/centres?q=Lier&lang=nl` })),
  );
  await run({ url: base + SEARCH_URL, duration: 2 }); // warm-up: the page's frame and the index load once
  loadTest.push(row(`search \`GET ${SEARCH_URL}\``, await run({ url: base + SEARCH_URL })));
  loadTest.push(
    row(
      'referral `POST /api/referrals` (202, synced to disk)',
      await run({
        url: `${base}/api/referrals`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: readFileSync('docs/referral.example.json', 'utf8'),
      }),
    ),
  );
} finally {
  stop();
}

// 5. Search in process.
log('search index sizes and in-process search time');
const searchFigures = measureSearch();

// Results.
const finished = new Date();
const cpus = os.cpus();
const machine = {
  cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: chromiumVersion,
  lighthouse: JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version as string,
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: load(),
};
let commit = '';
try {
  commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}

const content = weights.filter((w) => w.budget.kind === 'content');
const max = (rows: WeightRow[], f: (w: WeightRow) => number) => rows.reduce((a, w) => (f(w) > f(a) ? w : a), rows[0]!);
const heaviestJs = max(content, (w) => w.js.gzip);
const heaviest = max(content, (w) => w.beforeMedia.gzip);
const referral = weights.filter((w) => w.budget.kind === 'referral' && w.label.includes('step two'));
const locator = weights.filter((w) => w.budget.kind === 'locator');
const lhMin = (c: 'performance' | 'accessibility' | 'best-practices' | 'seo') =>
  Math.min(...lighthouseRuns.map((r) => r.scores[c] ?? 0));
const lhContent = lighthouseRuns.filter((r) => budgetFor(r.url).kind === 'content');
const perfContent100 = lhContent.filter((r) => r.scores.performance === 100).length;
const worstLcp = Math.max(...lighthouseRuns.map((r) => r.lcp ?? 0));
const worstTbt = Math.max(...lighthouseRuns.map((r) => r.tbt ?? 0));
const worstCls = Math.max(...lighthouseRuns.map((r) => r.cls ?? 0));
const staticRps = loadTest[0]?.rps ?? 1;
const breaches = weights.filter((w) => !w.withinBudget);

const summary: [string, string][] = [
  ['build time', buildSeconds === null ? 'not measured (BENCH_SKIP_BUILD)' : `${buildSeconds.toFixed(1)} s`],
  ['pages weighed', `${weights.length} (${content.length} content pages), ${breaches.length} over budget`],
  [
    'content page, most JS (gzip)',
    `${kb(heaviestJs.js.gzip)} KB, ${heaviestJs.label} (budget ${kb(BUDGETS.contentJs)} KB)`,
  ],
  [
    'content page, heaviest before media (gzip)',
    `${kb(heaviest.beforeMedia.gzip)} KB (${kb(heaviest.beforeMedia.raw)} KB raw), ${heaviest.label} (budget ${kb(BUDGETS.contentTotal)} KB)`,
  ],
  [
    'content page, median before media (gzip)',
    `${kb(content.map((w) => w.beforeMedia.gzip).sort((a, b) => a - b)[Math.floor(content.length / 2)] ?? 0)} KB`,
  ],
  ['fonts', `${kb(Math.max(...weights.map((w) => w.font.raw)))} KB on any page (system fonts)`],
  ['requests to other hosts', String(weights.reduce((n, w) => n + w.foreignHosts.length, 0))],
  [
    'referral step two JS / total (gzip)',
    `${kb(max(referral, (w) => w.js.gzip).js.gzip)} KB / ${kb(max(referral, (w) => w.beforeMedia.gzip).beforeMedia.gzip)} KB (budget ${kb(BUDGETS.referralJs)} / ${kb(BUDGETS.referralTotal)} KB)`,
  ],
  [
    'locator JS / total (gzip)',
    `${kb(max(locator, (w) => w.js.gzip).js.gzip)} KB / ${kb(max(locator, (w) => w.beforeMedia.gzip).beforeMedia.gzip)} KB (budget ${kb(BUDGETS.locatorJs)} / ${kb(BUDGETS.locatorTotal)} KB)`,
  ],
  ['Lighthouse runs (mobile)', String(lighthouseRuns.length)],
  [
    'Lighthouse lowest: perf / a11y / best pr. / SEO',
    `${lhMin('performance')} / ${lhMin('accessibility')} / ${lhMin('best-practices')} / ${lhMin('seo')}`,
  ],
  ['content pages with performance 100', `${perfContent100} of ${lhContent.length}`],
  ['worst LCP / TBT / CLS', `${(worstLcp / 1000).toFixed(2)} s / ${Math.round(worstTbt)} ms / ${worstCls.toFixed(3)}`],
  ...loadTest.map((r): [string, string] => [
    r.name,
    `${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms (${(r.rps / staticRps).toFixed(2)} × static)`,
  ]),
  [
    'search index, all locales (JSON / gzip)',
    `${kb(searchFigures.indexes.reduce((n, i) => n + i.bytes, 0))} KB / ${kb(searchFigures.indexes.reduce((n, i) => n + i.gzip, 0))} KB`,
  ],
  [
    'search in process, p50 / p99 (wall; CPU)',
    `${searchFigures.all.p50} / ${searchFigures.all.p99} ms; ${searchFigures.all.cpuP50} / ${searchFigures.all.cpuP99} ms (goal p99 ≤ 2 ms)`,
  ],
];

const md: string[] = [];
md.push('# Benchmark results', '');
md.push(
  `Written by \`npm run bench\` (scripts/bench.ts) on ${finished.toISOString()}${commit ? ` at commit ${commit}` : ''}, in ${Math.round((finished.getTime() - started.getTime()) / 1000)} s.`,
);
md.push('Timings depend on the machine and on what else runs on it; the byte figures do not.', '');
md.push(
  `Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}; Node ${machine.node}, Chromium ${machine.chromium}, Lighthouse ${machine.lighthouse}.`,
);
md.push(
  `Load average (1 / 5 / 15 min) at start ${machine.loadAverageAtStart}, at end ${machine.loadAverageAtEnd}.`,
  '',
);
md.push('## Summary', '', '| measure | figure |', '|---|---|', ...summary.map(([a, b]) => `| ${a} | ${b} |`), '');
md.push('## Load test', '');
md.push(
  `autocannon, loopback, 50 connections, ${seconds} s each, one after another against the same server (referrals: docs/referral.example.json, no rate limit, throw-away outbox).`,
  '',
);
md.push('| endpoint | requests/s | p50 | p99 | 2xx | non-2xx | errors |', '|---|--:|--:|--:|--:|--:|--:|');
for (const r of loadTest)
  md.push(`| ${r.name} | ${r.rps} | ${r.p50} ms | ${r.p99} ms | ${r.ok} | ${r.non2xx} | ${r.errors} |`);
md.push('', '## Site search', '');
md.push(
  "Each locale's index as the build puts it in the server bundle, and one search in process (snippets included; a miss also searches Dutch), over the queries in scripts/search-measure.ts. Wall clock includes time the CPU spent on other processes; CPU is this process's own.",
  '',
);
md.push(
  '| locale | entries | index JSON | gzip | wall p50 | wall p99 | CPU p50 | CPU p99 |',
  '|---|--:|--:|--:|--:|--:|--:|--:|',
);
for (const i of searchFigures.indexes) {
  const t = searchFigures.times.find((x) => x.locale === i.locale)!;
  md.push(
    `| ${i.locale} | ${i.documents} | ${kb(i.bytes)} KB | ${kb(i.gzip)} KB | ${t.p50} ms | ${t.p99} ms | ${t.cpuP50} ms | ${t.cpuP99} ms |`,
  );
}
md.push('', '## Lighthouse', '');
md.push(
  'Lighthouse, mobile emulation (Moto G Power screen, simulated slow 4G and 4× CPU slowdown), system Chromium, headless.',
  '',
);
md.push(
  '| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS |',
  '|---|--:|--:|--:|--:|--:|--:|--:|',
);
for (const r of lighthouseRuns) {
  md.push(
    `| ${r.url} | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${((r.lcp ?? 0) / 1000).toFixed(2)} s | ${Math.round(r.tbt ?? 0)} ms | ${(r.cls ?? 0).toFixed(3)} |`,
  );
}
const notFull = lighthouseRuns.filter((r) => r.failing.length);
if (notFull.length) {
  md.push('', 'Audits below full marks:', '');
  for (const r of notFull) md.push(`- ${r.url}: ${r.failing.join('; ')}`);
}
md.push('', '## Page weight', '');
md.push(
  'Every page in every locale, loaded once in Chromium with a cold cache. KB = 1024 bytes; gzip = zlib level 6 of each response (what a compressing proxy sends; the Node server itself does not compress).',
);
md.push(
  'JS counts script files and inline scripts (the quick exit is inline). "Before media" = HTML + CSS + JS + fonts; media (posters, films as announced by the server, captions, favicon) apart. Requests: by the load event (island pages: until the network is idle), the document included.',
  '',
);
md.push(
  '| page | HTML gzip / raw | CSS gzip / raw | JS gzip / raw | fonts | before media gzip / raw | media | requests | budget |',
  '|---|--:|--:|--:|--:|--:|--:|--:|---|',
);
for (const w of weights) {
  const pair = (b: { gzip: number; raw: number }) => `${kb(b.gzip)} / ${kb(b.raw)}`;
  md.push(
    `| ${w.label} | ${pair(w.html)} | ${pair(w.css)} | ${pair(w.js)} | ${kb(w.font.raw)} | ${pair(w.beforeMedia)} | ${kb(w.media.raw)} | ${w.requests} | ${w.withinBudget ? 'ok' : '**over**'} (${w.budget.kind}) |`,
  );
}
md.push('');

mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.md', md.join('\n'));
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ date: finished.toISOString(), commit, durationSeconds: Math.round((finished.getTime() - started.getTime()) / 1000), machine, buildSeconds, budgets: BUDGETS, summary: Object.fromEntries(summary), loadTest, search: searchFigures, lighthouse: lighthouseRuns, weights }, null, 2)}\n`,
);
log('wrote bench/results.md and bench/results.json');
console.log(['', '| measure | figure |', '|---|---|', ...summary.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'));
