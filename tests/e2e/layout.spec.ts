import { expect, test } from '@playwright/test';
import { LOCALE_INFO, LOCALES } from './site.ts';

test('the language switcher keeps the current page, each language named in its own script', async ({ page }) => {
  await page.goto('/nl/safety/');
  const switcher = page.getByRole('navigation', { name: 'Taal' });
  for (const name of ['Nederlands', 'العربية', 'Tarifit', 'English', 'Français', 'Deutsch']) {
    await expect(switcher.getByRole('link', { name })).toBeVisible();
  }
  await switcher.getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(/\/fr\/safety\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('link', { name: 'العربية' }).click();
  await expect(page).toHaveURL(/\/ar\/safety\/$/);
  await page.getByRole('link', { name: 'Tarifit' }).click();
  await expect(page).toHaveURL(/\/ber\/safety\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'rif');
});

test('Arabic pages are mirrored: the site name sits on the right, the exit button on the left', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const positions: Record<string, { name: number; exit: number }> = {};
  for (const locale of ['nl', 'ar']) {
    await page.goto(`/${locale}/`);
    const name = await page.locator('header a').first().boundingBox();
    const exit = await page.locator('a[data-quick-exit]').boundingBox();
    positions[locale] = { name: (name?.x ?? 0) + (name?.width ?? 0) / 2, exit: exit?.x ?? 0 };
  }
  expect(positions['nl']!.name).toBeLessThan(512);
  expect(positions['ar']!.name).toBeGreaterThan(512);
  expect(positions['nl']!.exit).toBeGreaterThan(512);
  expect(positions['ar']!.exit).toBeLessThan(512);
});

test('without JavaScript, the menus, the switcher and the footer links all work', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'For professionals' }).click();
  await expect(page).toHaveURL(/\/en\/professionals\/$/);
  await expect(page.locator('h1')).toBeVisible();
  await page.getByRole('link', { name: 'Deutsch' }).click();
  await expect(page).toHaveURL(/\/de\/professionals\/$/);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Kontakt' }).click();
  await expect(page).toHaveURL(/\/de\/contact\/$/);
  await context.close();
});

test('the skip link is the first stop for the keyboard and moves focus to the content', async ({ page }) => {
  await page.goto('/nl/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Ga naar de inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The next Tab stop is inside the content (the home page's doors), not back in the header.
  await page.keyboard.press('Tab');
  const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
  expect(inMain).toBe(true);
});

test('every language is offered on every page, in its own language and direction', async ({ page }) => {
  await page.goto('/de/privacy/');
  for (const locale of LOCALES) {
    const link = page.locator(`nav a[lang="${LOCALE_INFO[locale].htmlLang}"]`);
    await expect(link).toHaveAttribute('dir', LOCALE_INFO[locale].dir);
    await expect(link).toHaveAttribute('href', `/${locale}/privacy/`);
  }
});
