/**
 * Lighthouse (mobile emulation, all four categories) on the pages named, in one run, against the
 * built server: a quick way to compare two pages without the whole `npm run bench`.
 * Usage (after `npm run build`): npm run bench:lighthouse -- /ar/centres/ /nl/
 * Scores are timings of this machine: compare pages of the same run, on a quiet machine.
 */
import os from 'node:os';
import { startBenchServer } from './bench-server.ts';
import { launchChrome, runLighthouse } from '../tools/lighthouse.ts';

const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
if (paths.length === 0) {
  console.error('Name the pages: npm run bench:lighthouse -- /ar/centres/ /nl/');
  process.exit(2);
}
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 1);
const server = await startBenchServer(Number(process.env['BENCH_PORT'] ?? 4391));
const chrome = await launchChrome();
try {
  // A server in use is warm: the first request of a route loads its code and data (the
  // locator's index takes tens of milliseconds); that is not what a visitor meets.
  for (const p of paths) await fetch(`${server.base}${p}`).then((r) => r.arrayBuffer());
  console.log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${os.cpus().length} cores)`,
  );
  for (let r = 1; r <= rounds; r++) {
    for (const p of paths) {
      // A trace can fail on a loaded machine (NO_NAVSTART): try once more, then say so.
      const once = () =>
        runLighthouse(`${server.base}${p}`, chrome.port, ['performance', 'accessibility', 'best-practices', 'seo']);
      const res = await once()
        .catch(() => once())
        .catch((e: Error) => e);
      if (res instanceof Error) {
        console.log(`${rounds > 1 ? `round ${r} ` : ''}${p}: no result (${res.message})`);
        continue;
      }
      const s = res.scores;
      console.log(
        `${rounds > 1 ? `round ${r} ` : ''}${p}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}; ` +
          `LCP ${Math.round(res.lcp ?? 0)} ms, TBT ${Math.round(res.tbt ?? 0)} ms, CLS ${(res.cls ?? 0).toFixed(3)}`,
      );
      for (const f of res.failing.filter((x) => !x.startsWith('performance'))) console.log(`    ${f}`);
    }
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  chrome.kill();
  server.stop();
}
