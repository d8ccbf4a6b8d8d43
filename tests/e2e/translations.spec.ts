import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { unitReport } from '../../src/features/translations/state.ts';
import { LOCALES } from './site.ts';

// The translation workflow as editors and visitors see it (docs/translating.md): the editors'
// status page, and each page's notice agreeing with what `npm run i18n:report` says.
const report = unitReport(process.cwd());
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('the editors’ status page lists every unit × locale as the report does, is not indexed, and axe finds no violation', async ({
  page,
  request,
}) => {
  const response = await page.goto('/translations/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('h1')).toHaveText('Vertaalstatus');
  const rows = page.locator('[data-testid="translation-status"] tr[data-unit]');
  await expect(rows).toHaveCount(report.units.length);
  // Every cell as the report says (one evaluate, not 200 round trips).
  const cells = await page
    .locator('[data-testid="translation-status"] td[data-locale]')
    .evaluateAll((tds) =>
      tds.map(
        (td) =>
          `${td.closest('tr')?.getAttribute('data-unit')} ${td.getAttribute('data-locale')} ${td.getAttribute('data-state')}`,
      ),
    );
  expect(cells).toEqual(report.units.flatMap((u) => LOCALES.map((l) => `${u.key} ${l} ${u.locales[l].state}`)));
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // Linked from no public page, not in the sitemap.
  expect(await (await request.get('/sitemap.xml')).text()).not.toContain('/translations/');
  for (const path of ['/nl/', '/fr/', '/nl/about/']) {
    await page.goto(path);
    await expect(page.locator('a[href*="/translations"]')).toHaveCount(0);
  }
});

// A sample, not a crawl: a page with sections adapted on purpose for French, Arabic and Tarifit
// (call-1712), a plain page, and the referral page (rendered on demand).
const SAMPLE = ['families/call-1712', 'about', 'referral'];
for (const slug of SAMPLE) {
  test(`the translation notice of ${slug} says what the report says, in every language`, async ({ page }) => {
    const unit = report.units.find((u) => u.key === `page:${slug}`)!;
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/${slug}/`);
      const state = unit.locales[locale].state;
      const expected =
        state === 'outdated' ? 'outdated' : state === 'unchecked' || state === 'translated' ? 'unchecked' : null;
      const notices = page.locator('main [data-notice]');
      if (expected === null) await expect(notices).toHaveCount(0);
      else await expect(notices).toHaveAttribute('data-notice', expected);
      if (expected === 'outdated') await expect(notices.locator('a')).toHaveAttribute('href', `/nl/${slug}/`);
    }
  });
}
