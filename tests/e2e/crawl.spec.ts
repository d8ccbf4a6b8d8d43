import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { ALL_ROUTES, EXTRA_ROUTES, expectOwnLanguage, knownContacts, unknownContactLinks } from './site.ts';
import { budgetBreaches, weighLoad } from '../../tools/weigh.ts';

/**
 * The whole site, every page in every language, each loaded once in a fresh browser context
 * (cold cache), and on that one load:
 * - its weight against its budget (weigh.ts: JavaScript, bytes before media, no other host, no
 *   island on a content page);
 * - served in its own language (main pages: lang, dir, heading, notices, canonical, hreflang,
 *   the helplines);
 * - every tel: and mailto: link comes from the data files;
 * - axe: no WCAG 2.2 AA violation.
 * One load for all four: loading each page once per check was most of the suite's time.
 */
const known = knownContacts();
const pages = [...ALL_ROUTES, ...EXTRA_ROUTES.map((r) => ({ ...r, page: null }))];

for (const route of pages) {
  const main = route.page === null ? null : { ...route, page: route.page };
  test(`${route.path}: within budget, ${main ? 'in its own language, ' : ''}known numbers, no WCAG 2.2 AA violation`, async ({
    page,
    baseURL,
  }) => {
    const weight = await weighLoad(page, baseURL!, route.path);
    expect(budgetBreaches(weight)).toEqual([]);
    if (main) await expectOwnLanguage(page, main);
    expect(await unknownContactLinks(page, known), `${route.path}: tel:/mailto: links not in the data files`).toEqual(
      [],
    );
    expect(await axeViolations(page)).toEqual([]);
  });
}
