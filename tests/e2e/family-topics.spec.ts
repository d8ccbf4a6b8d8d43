import { expect, test } from '@playwright/test';
import { FAMILY_TOPICS } from '../../src/i18n/routes.ts';
import { LOCALES, localizedPath } from './site.ts';

// The topics families look for (issue 14): each a page linked from the families page, in every
// language, with working phone links and the sources of its facts.
const HELPLINES = ['tel:1712', 'tel:101', 'tel:112', 'tel:102', 'tel:103', 'tel:080030030'];
/** Where families in Wallonia and Brussels call: on the French, Arabic and Tarifit 1712 pages. */
const REGIONAL = ['fr', 'ar', 'ber'];

for (const locale of LOCALES) {
  // One test per language walks the families page and each topic: one load per page.
  test(`${locale}: the families page lists every topic in order, and each topic page says what its link said, calls real helplines and leads back`, async ({
    page,
  }) => {
    const families = localizedPath(locale, 'families');
    await page.goto(families);
    const links = await page
      .locator('[data-family-topics] a')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent?.trim() ?? '' })));
    expect(links.map((l) => l.href)).toEqual(FAMILY_TOPICS.map((t) => localizedPath(locale, t)));

    for (const [i, { href, text }] of links.entries()) {
      if (i === 0) {
        // The first by a click, as a visitor does; the others by their address (same link, checked above).
        await page.locator(`[data-family-topics] a[href="${href}"]`).click();
        await expect(page).toHaveURL(new RegExp(`${href}$`));
      } else {
        await page.goto(href);
      }
      // The link says what the page is about: its text is the page's heading.
      await expect(page.locator('h1'), href).toHaveText(text);
      // Every phone link on the page calls a real helpline, and shows the number it calls.
      const tels = await page
        .locator('main a[href^="tel:"]')
        .evaluateAll((as) => as.map((a) => ({ tel: a.getAttribute('href') ?? '', label: a.textContent ?? '' })));
      for (const { tel, label } of tels) {
        expect(HELPLINES, `${href} links to ${tel}`).toContain(tel);
        expect(label.replace(/\D/g, ''), `${href}: the link to ${tel} says ${label}`).toContain(tel.slice(4));
      }
      // Where the facts come from, each source with the date it was checked.
      await expect(page.locator('[data-page-sources] li').first(), href).toBeVisible();
      const back = page.locator('[data-back-to-families]');
      await expect(back, href).toHaveAttribute('href', families);
      if (i === 0) {
        await back.click();
        await expect(page).toHaveURL(new RegExp(`${families}$`));
      }
    }
  });

  test(`${locale}: the children's page calls Awel on 102 and Écoute-Enfants on 103`, async ({ page }) => {
    await page.goto(localizedPath(locale, 'families/children'));
    await expect(page.locator('article a[href="tel:102"]')).toHaveText('102');
    await expect(page.locator('article a[href="tel:103"]')).toHaveText('103');
  });

  test(`${locale}: the 1712 page says it is not an emergency line${REGIONAL.includes(locale) ? ' and gives 0800 30 030' : ''}`, async ({
    page,
  }) => {
    await page.goto(localizedPath(locale, 'families/call-1712'));
    await expect(page.locator('article strong', { hasText: '112' }).first()).toBeVisible();
    const regional = page.locator('article a[href="tel:080030030"]');
    if (REGIONAL.includes(locale)) await expect(regional).toHaveText('0800 30 030');
    else await expect(regional).toHaveCount(0);
  });

  test(`${locale}: the safety page covers synced accounts, spy apps and shared wifi, with its sources`, async ({
    page,
  }) => {
    await page.goto(localizedPath(locale, 'safety'));
    const article = page.locator('article');
    await expect(article).toContainText('Google'); // an account that syncs history
    await expect(article).toContainText(/stalkerware/i);
    await expect(article).toContainText(/wifi|WLAN|واي فاي/i);
    await expect(page.locator('[data-page-sources] a[href^="https://"]').first()).toBeVisible();
  });
}

test('the sitemap lists every topic page in every language', async ({ request }) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  for (const locale of LOCALES) {
    for (const topic of FAMILY_TOPICS) expect(xml).toContain(`${localizedPath(locale, topic)}</loc>`);
  }
});
