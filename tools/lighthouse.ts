/**
 * Lighthouse driving the system Chromium (mobile emulation, Lighthouse's default), shared by the
 * Lighthouse test (lighthouse.spec.ts: accessibility, best practices, SEO) and `npm run bench`
 * (all four categories). One Chrome, pages one after another: Lighthouse measures one tab at a time.
 * Everything it loads is the site's own: these audits fetch nothing from the network.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';

export interface LighthouseResult {
  url: string;
  /** 0–100 per category asked for */
  scores: Partial<Record<Category, number>>;
  /** audits below full marks that count for a score: "category: id (title)" */
  failing: string[];
  /** ms, ms, unitless: only when performance was asked for */
  lcp?: number | undefined;
  tbt?: number | undefined;
  cls?: number | undefined;
}

export async function launchChrome() {
  return chromeLauncher.launch({
    chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function runLighthouse(url: string, port: number, categories: Category[]): Promise<LighthouseResult> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: categories });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores: LighthouseResult['scores'] = {};
  const failing: string[] = [];
  for (const id of categories) {
    const category = lhr.categories[id];
    if (!category) continue;
    scores[id] = Math.round((category.score ?? 0) * 100);
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || (ref.weight === 0 && id !== 'performance')) continue;
      if (
        audit.scoreDisplayMode === 'binary' ||
        audit.scoreDisplayMode === 'numeric' ||
        audit.scoreDisplayMode === 'metricSavings'
      ) {
        if (audit.score !== null && audit.score < 1 && ref.weight > 0)
          failing.push(`${id}: ${audit.id} (${audit.title})${audit.displayValue ? ` ${audit.displayValue}` : ''}`);
      }
    }
  }
  const metric = (id: string) => lhr.audits[id]?.numericValue;
  return {
    url,
    scores,
    failing,
    ...(categories.includes('performance')
      ? {
          lcp: metric('largest-contentful-paint'),
          tbt: metric('total-blocking-time'),
          cls: metric('cumulative-layout-shift'),
        }
      : {}),
  };
}
