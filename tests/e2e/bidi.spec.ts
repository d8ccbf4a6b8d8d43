import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ALL_ROUTES, EMBED_ROUTES, EXTRA_ROUTES } from './site.ts';

/**
 * What an Arabic reader sees of a number: each digit group of "0800 30 030" must stand left of the
 * next one on screen (or on a later line), and a "+" left of the digits. The check measures the
 * rendered boxes of the groups in Chromium, so it fails whatever the cause of a reversal (a string
 * without isolation, a component, a stylesheet).
 */

interface Found {
  number: string;
  reversed: boolean;
  groups: { text: string; left: number; top: number; height: number }[];
}

/** Every visible number of two or more groups (or with a "+", or a CO3 reference) on the page. */
async function numbersOnScreen(page: Page): Promise<Found[]> {
  return page.evaluate(() => {
    const NUMBER = /\+?\d+(?:[ \u00A0\u202F]\d+)+|\+\d+|CO3-[0-9A-Z]{4}-[0-9A-Z]{4}/g;
    const found: Found[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, template, svg, option')) continue;
      for (const m of text.matchAll(NUMBER)) {
        // The groups: "+", then each run of digits (or letters and digits, for a reference).
        const groups: Found['groups'] = [];
        for (const g of m[0].matchAll(/\+|[0-9A-Z]+/g)) {
          const range = document.createRange();
          const start = m.index! + g.index!;
          range.setStart(node, start);
          range.setEnd(node, start + g[0].length);
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (rect) groups.push({ text: g[0], left: rect.left, top: rect.top, height: rect.height });
        }
        // Not on screen (a closed <details>, an element hidden for everyone): nothing to read.
        if (groups.length < 2) continue;
        let reversed = false;
        for (let i = 1; i < groups.length; i++) {
          const a = groups[i - 1]!;
          const b = groups[i]!;
          const sameLine = Math.abs(a.top - b.top) < Math.min(a.height, b.height) / 2;
          if (sameLine ? b.left <= a.left : b.top < a.top) reversed = true;
        }
        found.push({ number: m[0], reversed, groups });
      }
    }
    return found;
  });
}

const ROUTES = [
  ...ALL_ROUTES.filter((r) => r.locale === 'ar').map((r) => r.path),
  ...EXTRA_ROUTES.filter((r) => r.locale === 'ar').map((r) => r.path),
  ...EMBED_ROUTES.filter((r) => r.locale === 'ar').map((r) => r.path),
  // Locator answers that name numbers: no centre (0800 30 030), a centre with a phone (Espace VIF).
  `/ar/centres/?q=${encodeURIComponent('Liège')}`,
  `/ar/centres/?q=${encodeURIComponent('Namur')}`,
  '/ar/centres/?q=2500',
  '/ar/does-not-exist/',
];

test.describe('numbers in Arabic pages read left to right', () => {
  const coverage: string[] = [];

  for (const path of ROUTES) {
    test(path, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBeLessThan(500);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      const found = await numbersOnScreen(page);
      coverage.push(`${path}: ${found.length} (${[...new Set(found.map((f) => f.number))].join(' | ')})`);
      const reversed = found
        .filter((f) => f.reversed)
        .map(
          (f) =>
            `"${f.number}" shows as ${f.groups
              .toSorted((a, b) => a.left - b.left)
              .map((g) => g.text)
              .join(' ')}`,
        );
      expect(reversed, `${path}: numbers whose groups are out of order on screen`).toEqual([]);
    });
  }

  test('the page for a place without a Veilig Huis shows 0800 30 030 in order, as text and as a link', async ({
    page,
  }) => {
    await page.goto(`/ar/centres/?q=${encodeURIComponent('Liège')}`);
    const found = await numbersOnScreen(page);
    expect(found.filter((f) => f.number.replace(/\s/g, ' ') === '0800 30 030').length).toBeGreaterThanOrEqual(2);
    expect(found.every((f) => !f.reversed)).toBe(true);
  });

  test('the receipt shows its reference in order', async ({ page, request }) => {
    // The documented example, handed over as a partner system would.
    const res = await request.post('/api/referrals', {
      data: JSON.parse(readFileSync('docs/referral.example.json', 'utf8')),
    });
    expect(res.status(), await res.text()).toBe(202);
    const { reference } = (await res.json()) as { reference: string };
    await page.goto(`/ar/referral/receipt/${reference}/`);
    const found = await numbersOnScreen(page);
    expect(found.map((f) => f.number)).toContain(reference);
    expect(found.filter((f) => f.reversed)).toEqual([]);
  });

  // The referral's outcomes and step two: the check posts, so these pages come from a filled form.
  for (const [location, outcome] of [
    ['Antwerpen', 'eligible'],
    ['Liège', 'other-area'],
    ['Namur', 'other-area'],
  ] as const) {
    test(`the referral after a check for ${location} (${outcome})`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto('/ar/referral/');
      for (const [field, value] of [
        ['violence.forms', 'partner'],
        ['lifeDomains', 'housing'],
        ['lifeDomains', 'debts'],
        ['organisations.involved', 'police'],
        ['organisations.involved', 'caw'],
      ]) {
        await page.locator(`[name="${field}"][value="${value}"]`).check();
      }
      for (const [field, index] of [
        ['violence.repeated', 0],
        ['situation.unsafe', 0],
        ['situation.hardStart', 0],
        ['safety.acuteDanger', 1],
      ] as const) {
        await page.locator(`[name="${field}"]`).nth(index).check();
      }
      await page.locator('[name="family.location"]').fill(location);
      await page.locator('#check-submit').click();
      await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', outcome);
      const found = await numbersOnScreen(page);
      coverage.push(
        `/ar/referral/ (${location}): ${found.length} (${[...new Set(found.map((f) => f.number))].join(' | ')})`,
      );
      expect(found.filter((f) => f.reversed).map((f) => f.number)).toEqual([]);
      if (location === 'Liège') expect(found.map((f) => f.number)).toContain('0800 30 030');
      if (outcome === 'eligible')
        expect(found.map((f) => f.number)).toEqual(expect.arrayContaining(['03 123 45 67', '+32 470 12 34 56']));
      await context.close();
    });
  }

  test('the check catches a number the page did not isolate', async ({ page }) => {
    // The same text without isolation: Chromium lays "0800 30 030" out as "030 30 0800".
    await page.goto('/ar/');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'اتصل بالرقم 0800 30 030 مجانًا.';
      document.querySelector('main')!.prepend(p);
    });
    const found = await numbersOnScreen(page);
    expect(found.find((f) => f.number === '0800 30 030')?.reversed).toBe(true);
  });

  test.afterAll(() => {
    if (coverage.length) console.log(`numbers checked per page:\n${coverage.join('\n')}`);
  });
});
