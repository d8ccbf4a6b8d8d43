import { expect, test, type Page } from '@playwright/test';
import { EXIT_HOST } from './site.ts';

// The network is closed here: the neutral site is answered locally.
test.beforeEach(async ({ context }) => {
  await context.route(`${EXIT_HOST}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }),
  );
});

async function openFromBlank(page: Page, path: string) {
  await page.goto('about:blank');
  await page.goto(path);
}

test('clicking the button leaves for the neutral site, and Back does not return', async ({ page, baseURL }) => {
  await openFromBlank(page, '/nl/families/');
  await page.getByRole('link', { name: 'Snel weg' }).click();
  await page.waitForURL(`${EXIT_HOST}**`);
  await expect(page.locator('h1')).toHaveText('Weather');
  await page.goBack();
  expect(page.url().startsWith(baseURL ?? 'http')).toBe(false);
});

test('Shift pressed three times leaves, with the count announced in a status region', async ({ page, baseURL }) => {
  await openFromBlank(page, '/en/');
  const status = page.locator('[data-quick-exit-status]');
  await expect(status).toHaveAttribute('role', 'status');
  await page.keyboard.press('Shift');
  await expect(status).toHaveText(/once/);
  await page.keyboard.press('Shift');
  await expect(status).toHaveText(/twice/);
  await page.keyboard.press('Shift');
  await page.waitForURL(`${EXIT_HOST}**`);
  await page.goBack();
  expect(page.url().startsWith(baseURL ?? 'http')).toBe(false);
});

test('left and right Shift count alike', async ({ page }) => {
  await openFromBlank(page, '/fr/');
  await page.keyboard.press('ShiftLeft');
  await page.keyboard.press('ShiftRight');
  await page.keyboard.press('ShiftLeft');
  await page.waitForURL(`${EXIT_HOST}**`);
});

test('typing capitals (Shift then a letter) never adds up to an exit', async ({ page, baseURL }) => {
  await openFromBlank(page, '/de/');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+KeyA');
  await page.keyboard.press('Shift');
  // Each letter resets the count, so only the Shift released after the last capital and the
  // lone Shift count: the status says two presses (of three), and the page stays.
  const second = await page.locator('a[data-quick-exit]').getAttribute('data-pressed2');
  await expect(page.locator('[data-quick-exit-status]')).toHaveText(second!);
  expect(page.url()).toBe(`${baseURL}/de/`);
});

test('the count resets after five seconds', async ({ page, baseURL }) => {
  await page.clock.install();
  await openFromBlank(page, '/nl/');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.clock.runFor(5_100);
  await expect(page.locator('[data-quick-exit-status]')).toBeEmpty();
  await page.keyboard.press('Shift');
  // Counted from one again: the status says one press, and the page stays.
  const first = await page.locator('a[data-quick-exit]').getAttribute('data-pressed1');
  await expect(page.locator('[data-quick-exit-status]')).toHaveText(first!);
  expect(page.url()).toBe(`${baseURL}/nl/`);
});

test('a page restored from the back/forward cache is not left blank', async ({ page }) => {
  await page.goto('/nl/');
  await page.evaluate(() => {
    document.documentElement.classList.add('is-exiting');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
  });
  await expect(page.locator('html')).not.toHaveClass(/is-exiting/);
  await expect(page.locator('h1')).toBeVisible();
});

test('the button stays on screen at every width and scroll position', async ({ page }) => {
  for (const width of [320, 375, 768, 1280]) {
    await page.setViewportSize({ width, height: 640 });
    for (const path of ['/nl/professionals/', '/ar/safety/']) {
      await page.goto(path);
      const button = page.locator('a[data-quick-exit]');
      for (const y of [0, 400, 100_000]) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await expect(button).toBeInViewport({ ratio: 1 });
      }
    }
  }
});

test('without JavaScript the button is a plain link to the neutral site that sends no referrer', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route(`${EXIT_HOST}**`, (route) => route.fulfill({ status: 200, body: 'Weather' }));
  const page = await context.newPage();
  await page.goto('/ar/');
  const button = page.locator('a[data-quick-exit]');
  await expect(button).toHaveAttribute('rel', /noreferrer/);
  const request = page.waitForRequest(`${EXIT_HOST}**`);
  await button.click();
  expect((await request).headers()['referer']).toBeUndefined();
  await context.close();
});
