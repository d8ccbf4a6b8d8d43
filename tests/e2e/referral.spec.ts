import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_INBOX } from '../../playwright.config.ts';
import { axeViolations } from './axe.ts';

const id = (field: string) => `f-${field.replace(/\./g, '-')}`;

/** axe runs inside the page, so only with JavaScript on; the no-JS runs render the same HTML. */
async function axe(page: Page, step: string, javaScriptEnabled = true) {
  if (!javaScriptEnabled) return;
  expect((await axeViolations(page)).map((v) => `${step}: ${v}`)).toEqual([]);
}

/** Press Tab until the element with this id has focus: proves it is reachable by keyboard. */
async function tabTo(page: Page, target: string) {
  await expect(page.locator(`#${target}`)).toHaveCount(1);
  for (let i = 0; i < 200; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === target) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`#${target} not reachable with Tab`);
}
async function type(page: Page, field: string, text: string) {
  await tabTo(page, id(field));
  await page.keyboard.type(text);
}
/** A radio button: Tab into the group, then the arrow keys, as a keyboard user does. */
async function choose(page: Page, field: string, index: number) {
  await tabTo(page, `${id(field)}-${await page.locator(`[name="${field}"]`).first().getAttribute('value')}`);
  if (index === 0) await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
}
async function tick(page: Page, field: string, option: string) {
  await tabTo(page, `${id(field)}-${option}`);
  await page.keyboard.press('Space');
}

/** Tab to the form's button and press Enter. */
async function submit(page: Page, mode: 'check' | 'form') {
  await tabTo(page, `${mode}-submit`);
  await page.keyboard.press('Enter');
}

async function fillCheck(page: Page, location: string) {
  await tick(page, 'violence.forms', 'partner');
  await choose(page, 'violence.repeated', 0);
  await tick(page, 'lifeDomains', 'housing');
  await tick(page, 'lifeDomains', 'debts');
  await tick(page, 'organisations.involved', 'police');
  await tick(page, 'organisations.involved', 'caw');
  await choose(page, 'situation.unsafe', 0);
  await choose(page, 'situation.hardStart', 0);
  await type(page, 'family.location', location);
  await choose(page, 'safety.acuteDanger', 1);
}

async function fillReferral(page: Page, marker: string) {
  await type(page, 'referrer.name', 'Test Verwijzer');
  await type(page, 'referrer.organisation', 'CAW Test');
  await tabTo(page, id('referrer.role'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`#${id('referrer.role')}`)).toHaveValue('social-work');
  await type(page, 'referrer.email', 'verwijzer@caw.example');
  await type(page, 'referrer.phone', '03 123 45 67');
  await choose(page, 'referrer.callback', 0);
  await type(page, 'family.adults', '2');
  await type(page, 'family.children', '4, 9');
  await type(page, 'violence.victim', 'moeder, 30');
  await type(page, 'violence.perpetrator', 'vader, 35');
  await choose(page, 'violence.childWitness', 0);
  for (const field of ['safety.weapons', 'safety.threats', 'safety.childrenPresent', 'safety.recentEscalation']) {
    await choose(page, field, 2);
  }
  await choose(page, 'sharing.familyInformed', 0);
  await choose(page, 'sharing.legalBasis', 0);
  await type(page, 'description', `Herhaald geweld, hulp raakt niet op gang. ${marker}`);
}

for (const locale of ['nl', 'ar'] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test(`a referral from check to receipt by keyboard only, ${locale}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
      browser,
    }) => {
      test.setTimeout(90_000);
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`/${locale}/referral/`);
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      await axe(page, 'step one', javaScriptEnabled);
      await fillCheck(page, 'Antwerpen');
      await submit(page, 'check');
      await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'eligible');
      await expect(page.locator(`#${id('family.location')}`)).toHaveValue('Antwerpen'); // the answers carry over
      await axe(page, 'step two', javaScriptEnabled);

      const marker = `E2E-${locale}-${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now()}`;
      await fillReferral(page, marker);
      await submit(page, 'form');
      await expect(page).toHaveURL(new RegExp(`/${locale}/referral/receipt/CO3-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/$`));
      const reference = (await page.locator('[data-reference]').textContent())!.trim();
      expect(await page.content()).not.toContain('Test Verwijzer');
      await axe(page, 'receipt', javaScriptEnabled);

      // The stand-in intake mailbox receives it, with what was typed.
      const eml = `${E2E_INBOX}/${reference}.eml`;
      await expect.poll(() => existsSync(eml), { timeout: 10_000 }).toBe(true);
      expect(readFileSync(eml, 'utf8')).toContain(reference);
      await context.close();
    });
  }
}

test('the error summary without JavaScript: values kept, links to each field, in the page language', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ar/referral/');
  await fillCheck(page, 'Antwerpen');
  await submit(page, 'check');
  await page.locator(`#${id('referrer.name')}`).fill('سارة');
  await page.locator(`#${id('referrer.email')}`).fill('not-an-address');
  await page.locator('form.referral-form button[type=submit]').click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle(/^\S+/);
  expect(await page.title()).not.toBe((await page.locator('h1').textContent())?.trim());
  // Summary before the heading, and focused.
  const order = await page.evaluate(() => {
    const s = document.getElementById('error-summary')!;
    return Boolean(s.compareDocumentPosition(document.querySelector('h1')!) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(order).toBe(true);
  await expect(summary).toBeFocused();
  await expect(page.locator(`#${id('referrer.name')}`)).toHaveValue('سارة');
  await expect(page.locator(`#${id('family.location')}`)).toHaveValue('Antwerpen');
  const emailError = page.locator(`#${id('referrer.email')}-error`);
  await expect(emailError).toBeVisible();
  await expect(page.locator(`#${id('referrer.email')}`)).toHaveAttribute(
    'aria-describedby',
    new RegExp(`${id('referrer.email')}-error`),
  );
  await summary.locator(`a[href="#${id('referrer.email')}"]`).click();
  await expect(page.locator(`#${id('referrer.email')}`)).toBeFocused();
  await context.close();
});

test('with JavaScript: errors as you type, follow-up questions only when they apply, a character count', async ({
  page,
}) => {
  await page.goto('/nl/referral/');
  await fillCheck(page, 'Antwerpen');
  await submit(page, 'check');
  await expect(page.locator('[data-outcome]')).toBeVisible();
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]')); // hydrated
  const email = page.locator(`#${id('referrer.email')}`);
  await email.fill('an@');
  await email.blur();
  await expect(page.locator(`#${id('referrer.email')}-error`)).toBeVisible();
  await email.fill('an@caw.example');
  await expect(page.locator(`#${id('referrer.email')}-error`)).toHaveCount(0);
  // Every question the schema requires stays on screen (a hidden required field could never be answered).
  await expect(page.locator(`#${id('violence.childWitness')}-yes`)).toBeVisible();
  await expect(page.locator(`#${id('safety.childrenPresent')}-yes`)).toBeVisible();
  // "Other" violence asks what it was only once ticked.
  await expect(page.locator(`#${id('violence.otherForm')}`)).toHaveCount(0);
  await page.locator(`#${id('violence.forms')}-other`).check();
  await expect(page.locator(`#${id('violence.otherForm')}`)).toBeVisible();
  await page.locator(`#${id('description')}`).fill('abc');
  await expect(page.locator(`#${id('description')}-count`)).toContainText('3');
  // Submitting with errors stays on the page and focuses a summary.
  await page.locator('form.referral-form button[type=submit]').click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveURL(/\/nl\/referral\/$/);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
  await axe(page, 'live errors');
  // The server's error page (what a no-JS post gets), checked by axe with the island hydrated on it.
  await page.locator('form.referral-form').evaluate((f) => (f as HTMLFormElement).submit());
  await expect(page.locator('#error-summary')).toBeVisible();
  await axe(page, 'server error state');
});

test('acute danger makes the outcome urgent, with 101 and 112 to call', async ({ page }) => {
  await page.goto('/en/referral/');
  await fillCheck(page, 'Antwerpen');
  await page.locator(`#${id('safety.acuteDanger')}-yes`).check();
  await page.locator('form.referral-form button[type=submit]').click();
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'urgent');
  await expect(page.locator('[data-outcome] a[href="tel:112"]')).toBeVisible();
});

test('when the criteria are not met, the check says which and asks a motivation to refer anyway', async ({ page }) => {
  await page.goto('/fr/referral/');
  await tick(page, 'violence.forms', 'partner');
  await choose(page, 'violence.repeated', 1);
  for (const f of ['situation.unsafe', 'situation.hardStart']) await choose(page, f, 1);
  await type(page, 'family.location', 'Antwerpen');
  await choose(page, 'safety.acuteDanger', 1);
  await submit(page, 'check');
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'not-eligible');
  await expect(page.locator('[data-criterion="repeated"]')).toHaveAttribute('data-state', 'not-met');
  await expect(page.locator(`#${id('motivation')}`)).toBeVisible();
  await axe(page, 'not eligible');
});

test('the receipt of an unknown reference is a 404 that shows nothing', async ({ page }) => {
  const response = await page.goto('/nl/referral/receipt/CO3-2222-2222/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('[data-reference]')).toHaveCount(0);
});
