import { expect, test } from '@playwright/test';
import { ALL_ROUTES, EXTRA_ROUTES, LOCALES } from './site.ts';
import { BUDGETS, REFERRAL_STEP_ONE, budgetFor, kb, weighPage } from './weigh.ts';

/**
 * Page budgets, in bytes of the built site as Chromium loads it (see weigh.ts for what counts
 * as what, README "Budgets" for why these figures). Every page in every locale, plus the
 * referral's step two, which is where its island is. A breach names the page and the figure.
 */
const ISLAND_PAGES = /^\/[a-z]+\/referral\//;

for (const locale of LOCALES) {
  test(`page budgets: every ${locale} page`, async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const pages = [...ALL_ROUTES, ...EXTRA_ROUTES].filter((r) => r.locale === locale).map((r) => ({ path: r.path, post: undefined as string | undefined }));
    pages.push({ path: `/${locale}/referral/`, post: REFERRAL_STEP_ONE });
    const breaches: string[] = [];
    for (const { path, post } of pages) {
      const context = await browser.newContext();
      const w = await weighPage(context, baseURL!, path, post);
      await context.close();
      const name = post ? `${path} (step two)` : path;
      const budget = budgetFor(path);
      if (w.status !== 200) breaches.push(`${name}: status ${w.status}`);
      if (w.js.gzip > budget.js) breaches.push(`${name}: JavaScript ${kb(w.js.gzip)} KB gzip > ${kb(budget.js)} KB (${budget.kind} budget)`);
      if (w.beforeMedia.gzip > budget.total)
        breaches.push(`${name}: ${kb(w.beforeMedia.gzip)} KB gzip before any image or film > ${kb(budget.total)} KB (${budget.kind} budget)`);
      if (w.foreignHosts.length) breaches.push(`${name}: requests to other hosts: ${w.foreignHosts.join(', ')}`);
      // A React island only where it is wanted: the referral's step two (the locator is a custom element).
      const wanted = ISLAND_PAGES.test(path) && post ? 1 : 0;
      if (w.islands !== wanted) breaches.push(`${name}: ${w.islands} island(s), expected ${wanted}`);
      if (budget.kind === 'content' && w.files.some((f) => f.kind === 'js'))
        breaches.push(`${name}: loads a script file (${w.files.filter((f) => f.kind === 'js').map((f) => f.url).join(', ')})`);
    }
    expect(breaches, `budgets: content JS ${kb(BUDGETS.contentJs)} KB, content total ${kb(BUDGETS.contentTotal)} KB`).toEqual([]);
  });
}
