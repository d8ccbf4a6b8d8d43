import { expect, test } from '@playwright/test';
import { LOCALES } from './site.ts';
import { REFERRAL_STEP_ONE, budgetBreaches, weighPage } from '../../tools/weigh.ts';

/**
 * Page budgets, in bytes of the built site as Chromium loads it (weigh.ts says what counts as
 * what; docs/testing.md why these figures). Every page of every locale is weighed in the crawl
 * (crawl.spec.ts); here the one page a GET does not reach: the referral's step two, the answer
 * to step one's POST, which is where the form's island is.
 */
for (const locale of LOCALES) {
  test(`page budget: the ${locale} referral's step two (the form island)`, async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const weight = await weighPage(context, baseURL!, `/${locale}/referral/`, REFERRAL_STEP_ONE);
    await context.close();
    expect(budgetBreaches(weight, REFERRAL_STEP_ONE)).toEqual([]);
  });
}
