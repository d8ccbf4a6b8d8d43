import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { LOCALES, LOCALE_INFO } from './site.ts';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of LOCALES) {
    test(`the form answers on the server in ${locale}`, async ({ page }) => {
      await page.goto(`/${locale}/centres/`);
      await expect(page.locator('html')).toHaveAttribute('lang', LOCALE_INFO[locale].htmlLang);
      // Every centre is listed, with its region, without searching.
      await expect(page.locator('[data-centre-list] [data-centre-card]')).toHaveCount(11);
      await expect(page.locator('[data-locate]')).toBeHidden(); // needs JavaScript: not offered
      await page.locator('#locator-q').fill('lier');
      await page.locator('main form[role="search"] button[type="submit"]').click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/centres/\\?q=lier#answer$`));
      const answer = page.locator('#answer');
      await expect(answer).toHaveAttribute('data-centre', 'mechelen');
      await expect(answer.locator('[data-reason]')).toContainText('Lier');
      await expect(answer.locator('[data-centre-card="mechelen"] h3')).toBeVisible();
      await expect(page.locator('[data-map-centre="mechelen"]')).toHaveAttribute('data-active', '');
      await expect(page.locator('[data-map-place]')).toHaveAttribute('visibility', 'visible');
    });
  }

  test('the Antwerp centre links professionals to the referral form, others to their own route', async ({ page }) => {
    await page.goto('/en/centres/?q=Antwerp');
    await expect(page.locator('#answer [data-centre-referral] a')).toHaveAttribute('href', '/en/referral/');
    await page.goto('/en/centres/?q=Malines');
    await expect(page.locator('#answer [data-centre-referral] a')).toHaveAttribute(
      'href',
      'https://mechelen.be/fjc/voor-professionals',
    );
  });

  for (const locale of LOCALES) {
    test(`"2140" and "Borgerhout" answer Veilig Huis Antwerpen in ${locale}`, async ({ page }) => {
      for (const q of ['2140', 'Borgerhout']) {
        await page.goto(`/${locale}/centres/?q=${q}`);
        await expect(page.locator('#answer'), q).toHaveAttribute('data-centre', 'antwerpen');
        await expect(page.locator('#answer [data-centre-card="antwerpen"]'), q).toBeVisible();
        await expect(page.locator('#answer'), q).toContainText('Borgerhout');
      }
    });
  }

  test('a shared name lists each place with its postcode, municipality and centre', async ({ page }) => {
    await page.goto('/nl/centres/?q=Berchem');
    const items = page.locator('#answer [data-place-list] li');
    await expect(items.filter({ hasText: '2600' })).toContainText('Veilig Huis Antwerpen');
    await expect(items.filter({ hasText: '9690' })).toContainText('Kluisbergen');
    await expect(items.filter({ hasText: '1082' })).toContainText('Brussels');
    await items.filter({ hasText: '2600' }).locator('a').click();
    await expect(page.locator('#answer')).toHaveAttribute('data-centre', 'antwerpen');
  });

  test('a merger that moved a place across provinces says "to be confirmed"', async ({ page }) => {
    await page.goto('/en/centres/?q=Zwijndrecht');
    await expect(page.locator('#answer')).toHaveAttribute('data-outcome', 'unconfirmed');
    await expect(page.locator('#answer [data-message]')).toContainText('to be confirmed');
    await expect(page.locator('#answer [data-message]')).toContainText('1712');
  });

  test('an unknown postcode or name gets a message and suggestions, never an error page', async ({ page }) => {
    for (const q of ['0000', '99999', 'Mechlen', '<script>alert(1)</script>', 'x'.repeat(300), '%']) {
      const response = await page.goto(`/fr/centres/?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q).toBe(200);
      await expect(page.locator('#answer [data-message]'), q).toBeVisible();
    }
    await page.goto('/nl/centres/?q=Mechlen');
    await expect(page.locator('#answer [data-suggestions] a').first()).toHaveText('Mechelen');
    // Markup in the query is shown as text, never run.
    await page.goto(`/nl/centres/?q=${encodeURIComponent('<b id="x">Lier</b>')}`);
    await expect(page.locator('b#x')).toHaveCount(0);
  });

  test('Wallonia and the German-speaking municipalities are told of their own services and 0800 30 030', async ({
    page,
  }) => {
    for (const q of ['Liège', 'Sankt Vith', 'Eupen']) {
      await page.goto(`/de/centres/?q=${encodeURIComponent(q)}`);
      await expect(page.locator('#answer'), q).toHaveAttribute('data-outcome', 'none');
      await expect(page.locator('#answer [data-other-services] [data-centre-card="espace-vif"]')).toBeVisible();
      await expect(page.locator('#answer [data-other-services] [data-centre-card="brussels"]')).toContainText(
        'Geplant',
      );
      await expect(page.locator('#answer a[href="tel:080030030"]')).toBeVisible();
    }
  });
});

test.describe('with JavaScript', () => {
  test('the combobox suggests places and is operated by keyboard', async ({ page }) => {
    await page.goto('/nl/centres/');
    const input = page.locator('#locator-q');
    await expect(input).toHaveAttribute('role', 'combobox'); // once hydrated
    await input.focus();
    await page.keyboard.type('mali');
    await expect(input).toHaveAttribute('aria-expanded', 'true');
    const options = page.locator('#locator-listbox [role="option"]');
    await expect(options.first()).toContainText('Malines');
    await expect(page.locator('[data-locator-status]')).toContainText('Suggesties');
    await page.keyboard.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-activedescendant', 'locator-option-0');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(input).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/nl\/centres\/\?q=2800%20Malines#answer$/);
    await expect(page.locator('#answer')).toHaveAttribute('data-centre', 'mechelen');
  });

  test('“use my location” picks the right centre, sending the place’s name, never the position', async ({
    browser,
    baseURL,
  }) => {
    for (const [where, latitude, longitude, centre] of [
      ['Lier', 51.1313, 4.5704, 'mechelen'],
      ['Geel', 51.166, 4.99, 'kempen'],
      ['Hasselt', 50.93, 5.34, 'limburg'],
    ] as const) {
      const context = await browser.newContext({ geolocation: { latitude, longitude }, permissions: ['geolocation'] });
      const page = await context.newPage();
      await page.goto(`${baseURL}/en/centres/`);
      await expect(page.locator('[data-locate]')).toBeVisible();
      const sent: string[] = [];
      page.on('request', (r) => sent.push(r.url()));
      await page.locator('[data-locate]').click();
      await expect(page.locator('#answer'), where).toHaveAttribute('data-centre', centre);
      await expect(page.locator('#answer [data-where]')).toContainText(where);
      await expect(page.locator(`[data-map-centre="${centre}"]`)).toHaveAttribute('data-active', '');
      for (const url of sent)
        expect(url, 'no coordinates leave the browser').not.toMatch(new RegExp(String(latitude).slice(0, 5)));
      await context.close();
    }
  });

  test('“use my location” outside Belgium says so', async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      geolocation: { latitude: 48.8566, longitude: 2.3522 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto(`${baseURL}/fr/centres/`);
    await page.locator('[data-locate]').click();
    await expect(page.locator('[data-locator-status]')).toContainText('Belgique');
    await expect(page).toHaveURL(/\/fr\/centres\/$/);
    await context.close();
  });
});

test.describe('GET /api/centres', () => {
  test('answers as JSON with the place, the centre and a message in the language asked', async ({ request }) => {
    const lier = await (await request.get('/api/centres?q=Lier')).json();
    expect(lier.place).toMatchObject({ name: 'Lier', nis: '12021' });
    const borgerhout = await (await request.get('/api/centres?q=2140%20Borgerhout')).json();
    expect(borgerhout.place).toMatchObject({
      name: 'Borgerhout',
      municipality: 'Antwerpen',
      nis: '11002',
      postcodes: ['2140'],
    });
    expect(borgerhout.centre).toMatchObject({ id: 'antwerpen' });
    const suggest = await (await request.get('/api/centres?suggest=1&q=Borgerhoud')).json();
    expect(suggest.suggestions[0]).toMatchObject({ name: 'Borgerhout', q: '2140 Borgerhout' });
    expect(lier.centre).toMatchObject({ id: 'mechelen', name: 'Veilig Huis Mechelen', city: 'Mechelen' });

    const liege = await request.get(`/api/centres?q=${encodeURIComponent('Lüttich')}&lang=fr`);
    expect(liege.headers()['content-type']).toContain('application/json');
    const body = await liege.json();
    expect(body.place).toMatchObject({ name: 'Liège' });
    expect(body.centre).toBeNull();
    expect(body.message).toContain('Nos sources ne citent aucun Veilig Huis pour Liège');

    const unknown = await (await request.get('/api/centres?q=0000&lang=de')).json();
    expect(unknown).toMatchObject({ place: null, centre: null });
    expect(unknown.message).toContain('keine belgische Postleitzahl');
  });

  test('bad input gets a 4xx or an empty answer, never a 5xx', async ({ request }) => {
    expect((await request.get('/api/centres')).status()).toBe(400);
    expect((await request.get(`/api/centres?q=${'a'.repeat(1000)}`)).status()).toBe(400);
    for (const q of ['', '%00', '%FF%FE', '%3Cscript%3E', '..%2F..%2Fetc%2Fpasswd', '1e9', '-1', '%E2%80%AE']) {
      const response = await request.get(`/api/centres?q=${q}&lang=xx`);
      expect(response.status(), q).toBeLessThan(500);
      // A URL that does not decode is refused (400) before it reaches the locator.
      if (response.status() === 400) continue;
      const body = await response.json();
      expect(body.centre, q).toBeNull();
    }
  });
});

test('axe finds no violation on answers, the open listbox and the location answer', async ({ browser, baseURL }) => {
  // Eight pages through axe: on a loaded 2-core machine this takes minutes.
  test.setTimeout(300_000);
  const context = await browser.newContext({
    geolocation: { latitude: 51.1313, longitude: 4.5704 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  const check = async (what: string) => {
    expect((await axeViolations(page)).map((v) => `${what} ${v}`)).toEqual([]);
  };
  for (const path of [
    '/nl/centres/?q=Lier',
    '/ar/centres/?q=2000',
    '/fr/centres/?q=Li%C3%A8ge',
    '/ber/centres/?q=Brugge',
    '/nl/centres/?q=Berchem',
    '/de/centres/?q=Mechlen',
    '/en/centres/?q=0000',
  ]) {
    await page.goto(`${baseURL}${path}`);
    await check(path);
  }
  await page.goto(`${baseURL}/nl/centres/`);
  await expect(page.locator('#locator-q')).toHaveAttribute('role', 'combobox');
  await page.locator('#locator-q').pressSequentially('sint');
  await page.keyboard.press('ArrowDown');
  await check('listbox');
  await page.keyboard.press('Escape'); // the open list covers the button below it
  await page.locator('[data-locate]').click();
  await expect(page.locator('#answer')).toBeVisible();
  // The answer's fragment scrolls the form half under the sticky safety bar, and axe's target-size
  // rule counts a half-hidden button as too small; check the page as it reads from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await check('location');
  await context.close();
});
