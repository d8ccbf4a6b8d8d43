import { expect, test } from '@playwright/test';
import { launchChrome, runLighthouse, type Category } from '../../tools/lighthouse.ts';

/**
 * Lighthouse on a few pages, for the scores that do not depend on timing: accessibility, best
 * practices and SEO must each be 100. (Performance is a timing: `npm run bench` measures it.)
 * GET pages only: the referral's step two and receipts are noindex on purpose, which SEO counts
 * against them.
 */
const PAGES = ['/nl/', '/ar/', '/nl/referral/', '/nl/centres/'];
const CATEGORIES: Category[] = ['accessibility', 'best-practices', 'seo'];

test.describe.configure({ mode: 'serial' });

test('Lighthouse: accessibility, best practices and SEO are 100', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const chrome = await launchChrome();
  try {
    const failures: string[] = [];
    for (const path of PAGES) {
      const result = await runLighthouse(baseURL + path, chrome.port, CATEGORIES);
      for (const category of CATEGORIES) {
        if (result.scores[category] !== 100) failures.push(`${path} ${category} ${result.scores[category]}`);
      }
      failures.push(...result.failing.map((f) => `${path} ${f}`));
    }
    expect(failures).toEqual([]);
  } finally {
    chrome.kill();
  }
});
