import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { LOCALES, localizedPath, type Locale } from './site.ts';

// A family on a phone (390 × 844, as an iPhone 12–15 or a mid-range Android shows a page) must
// see, without scrolling: the quick exit, the 1712 helpline, and its way in: on the home page
// the families door, on the families page the page's heading and the start of its text. The
// menu folds away, with JavaScript and without it.
const PHONE = { width: 390, height: 844 };

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
async function box(page: Page, selector: string): Promise<Box> {
  const element = page.locator(selector).first();
  await expect(element, selector).toBeVisible();
  const b = (await element.boundingBox())!;
  return {
    top: Math.round(b.y),
    bottom: Math.round(b.y + b.height),
    left: Math.round(b.x),
    right: Math.round(b.x + b.width),
  };
}
const inFirstScreen = (b: Box) => b.top >= 0 && b.left >= 0 && b.bottom <= PHONE.height && b.right <= PHONE.width;

/** What must be on the first screen of each page, as selectors. */
function musts(locale: Locale, kind: 'home' | 'families'): Record<string, string> {
  return {
    'quick exit': 'a[data-quick-exit]',
    '1712': 'a[data-helpline="1712"]',
    ...(kind === 'home'
      ? { 'families door': `main a[href="${localizedPath(locale, 'families')}"]` }
      : { heading: 'main h1', 'first words': 'main article h1 + p' }),
    menu: 'header [data-site-menu] > summary',
  };
}

for (const javaScriptEnabled of [true, false]) {
  test(`on a 390 × 844 phone every home and families page shows the exit, 1712 and the family's way in on the first screen (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const failures: string[] = [];
    for (const locale of LOCALES) {
      for (const kind of ['home', 'families'] as const) {
        const path = localizedPath(locale, kind);
        await page.goto(path);
        const positions: string[] = [];
        for (const [name, selector] of Object.entries(musts(locale, kind))) {
          const b = await box(page, selector);
          positions.push(`${name} ${b.top}–${b.bottom}`);
          if (!inFirstScreen(b))
            failures.push(
              `${path}: ${name} (${selector}) at y ${b.top}–${b.bottom}, x ${b.left}–${b.right}: outside the first screen`,
            );
        }
        // Nothing wider than the phone: no sideways scrolling.
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) failures.push(`${path}: the page is ${width} px wide`);
        console.log(`${path.padEnd(14)} ${positions.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    await context.close();
  });
}

test('the safety bar takes at most two rows on a 390 px phone in every language', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const heights: Record<string, number> = {};
  for (const locale of LOCALES) {
    await page.goto(localizedPath(locale));
    const bar = (await page.locator('[data-safety-bar]').boundingBox())!;
    heights[locale] = Math.round(bar.height);
    // Rows: the distinct tops of the helpline links (the exit button sits beside them).
    const tops = await page
      .locator('[data-safety-bar] a[data-helpline]')
      .evaluateAll((as) => [...new Set(as.map((a) => Math.round(a.getBoundingClientRect().top)))]);
    expect(tops.length, `${locale}: helpline rows at ${tops.join(', ')}`).toBeLessThanOrEqual(2);
  }
  console.log(
    `safety bar height at 390 px: ${Object.entries(heights)
      .map(([l, h]) => `${l} ${h}`)
      .join(', ')}`,
  );
  for (const [locale, h] of Object.entries(heights)) expect(h, `${locale}: ${h} px`).toBeLessThanOrEqual(80);
  await context.close();
});

test('on a phone the folded menu and language list open by keyboard, show their links in view and pass axe', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  for (const locale of ['ar', 'ber'] as const) {
    await page.goto(localizedPath(locale));
    const menu = page.locator('header [data-site-menu]');
    const main = menu.getByRole('navigation');
    await expect(main).toBeHidden();
    // Tab from the top of the page to the menu button, open it with Enter, tab into it.
    const summary = menu.locator('summary');
    for (let i = 0; i < 12 && !(await summary.evaluate((s) => s === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(summary).toBeFocused();
    const outline = await summary.evaluate((s) => getComputedStyle(s).outlineStyle);
    expect(outline, 'focus visible on the menu button').not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(main).toBeVisible();
    const links = main.getByRole('link');
    await expect(links).toHaveCount(7);
    for (const link of await links.all()) await expect(link).toBeInViewport();
    // Tab goes into the opened panel: the site search first, then the menu's links.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-site-menu] .fold-panel'))).toBe(true);
    expect((await axeViolations(page)).map((v) => `${locale} menu open: ${v}`)).toEqual([]);
    // The language list: opening it closes the menu (one panel at a time).
    await page.locator('header [data-language-menu] summary').click();
    await expect(main).toBeHidden();
    await expect(
      page.locator('header [data-language-menu]').getByRole('link', { name: 'Nederlands' }),
    ).toBeInViewport();
  }
  await context.close();
});
