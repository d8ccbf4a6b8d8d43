import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { E2E_INBOX } from '../../playwright.config.ts';
import { LOCALES } from './site.ts';

// What issue 13 corrected, checked where a user would check it: on the built server's pages.

const id = (field: string) => `f-${field.replace(/\./g, '-')}`;
const referralStrings = (locale: string) =>
  JSON.parse(readFileSync(`locales/${locale}/referral.json`, 'utf8')) as {
    outcome: Record<string, string> & { criteria: Record<string, string>; eligible: { title: string } };
    options: { legalBasis: Record<string, string> };
  };

/** Step one, answered so that every criterion is met: violence plus 5 of the other 5. */
async function check(page: Page, locale: string, { repeated = 'yes', location = 'Antwerpen' } = {}) {
  await page.goto(`/${locale}/referral/`);
  await page.check(`#${id('violence.forms')}-partner`);
  await page.check(`#${id('violence.repeated')}-${repeated}`);
  for (const d of ['housing', 'debts']) await page.check(`#${id('lifeDomains')}-${d}`);
  for (const o of ['police', 'caw']) await page.check(`#${id('organisations.involved')}-${o}`);
  await page.check(`#${id('situation.hardStart')}-${repeated === 'yes' ? 'yes' : 'no'}`);
  await page.check(`#${id('situation.unsafe')}-${repeated === 'yes' ? 'yes' : 'no'}`);
  await page.fill(`#${id('family.location')}`, location);
  await page.check(`#${id('safety.acuteDanger')}-no`);
  await page.locator('#check-submit').click();
  await expect(page.locator('[data-outcome]')).toBeVisible();
}

test.describe('the referral check', () => {
  for (const locale of LOCALES) {
    test(`presents an indication the intake team decides, the tally as a person says it, and where the thresholds are kept (${locale})`, async ({
      page,
    }) => {
      const s = referralStrings(locale);
      await check(page, locale);
      await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'eligible');
      await expect(page.locator('#outcome-title')).toHaveText(s.outcome.eligible.title);
      // 5 of the other criteria are met; this website asks for at least 3: two sentences, each in its plural.
      const met = locale === 'ar' ? s.outcome.optionalMet_few : s.outcome.optionalMet_other;
      const needed = locale === 'ar' ? s.outcome.optionalNeeded_few : s.outcome.optionalNeeded_other;
      await expect(page.locator('[data-tally]')).toHaveText(
        `${met!.replace('{{count}}', '5')} ${needed!.replace('{{count}}', '3')}`,
      );
      await expect(page.locator('[data-thresholds]')).toContainText('content/referral-rules.json');
      // Each criterion in the words of its source, and the portal's reading beside the counted ones.
      for (const c of ['violence', 'repeated', 'lifeDomains', 'organisations', 'unsafe', 'hardStart']) {
        await expect(page.locator(`[data-criterion="${c}"]`)).toContainText(s.outcome.criteria[c]!);
      }
      await expect(page.locator('[data-criterion="lifeDomains"] [data-reading]')).toContainText('2');
    });
  }

  test('a district name, a shared name and a typo: the check says what it understood', async ({ page }) => {
    const s = referralStrings('nl');
    await check(page, 'nl', { location: 'Borgerhout' });
    await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'eligible');
    await expect(page.locator('[data-outcome]')).not.toContainText(s.outcome.unknownPlace!);
    // Berchem: four places, three centres; the referrer is asked for the postcode, not told it is unknown.
    await check(page, 'nl', { location: 'Berchem' });
    const shared = page.locator('[data-place-shared]');
    await expect(shared).toContainText(s.outcome.sharedPlace!);
    await expect(shared.getByRole('listitem')).toContainText(['Berchem (2600, Antwerpen)']);
    await expect(shared.getByRole('listitem')).toHaveCount(4);
    await expect(page.locator('[data-outcome]')).not.toContainText(s.outcome.unknownPlace!);
    await check(page, 'nl', { location: 'Borgerhoud' });
    await expect(page.locator('[data-place-suggestions] li').first()).toHaveText('Borgerhout (2140, Antwerpen)');
  });

  test('in Dutch: no claim that the answers meet "the criteria", and the sources’ own words', async ({ page }) => {
    await check(page, 'nl');
    const text = (await page.locator('[data-outcome]').textContent())!;
    expect(text).not.toContain('voldoen aan de criteria');
    expect(text).toContain('indicatie');
    expect(text).toContain('„veelvuldig geweld”');
    expect(text).toContain('5 van de andere criteria zijn vervuld. Deze website vraagt er minstens 3.');
  });

  test('when not enough is met, the police route gives 101 for danger and a police station for a complaint', async ({
    page,
  }) => {
    await check(page, 'nl', { repeated: 'no' });
    await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'not-eligible');
    await expect(page.locator('[data-tally]')).toHaveText(
      '2 van de andere criteria zijn vervuld. Deze website vraagt er minstens 3.',
    );
    const routes = (await page.locator('[data-outcome]').textContent())!;
    expect(routes).toContain('een klacht neerleggen doe je in een politiekantoor');
    expect(routes).not.toMatch(/\(101\):\s*om klacht/);
  });
});

test.describe('the referral form', () => {
  test('offers only grounds for passing details to the intake team, each with its conditions, and no art. 458bis', async ({
    page,
  }) => {
    await check(page, 'nl');
    const values = await page
      .locator(`[name="sharing.legalBasis"]`)
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values).toEqual(['consent', 'case-consultation', 'ask-intake']);
    const form = (await page.locator('form.referral-form').textContent())!;
    expect(form).not.toContain('458bis');
    expect(form).toContain('hetzij bij een met redenen omklede toestemming van de procureur des Konings');
    expect(form).toContain('vraag het aan het intaketeam');
    // The two questions about children say what each is about.
    expect(form).toContain('Hebben kinderen het geweld gezien of gehoord?');
    expect(form).toContain('Wonen er kinderen in het huis waar het geweld nu gebeurt?');
  });

  test('a forged answer in the description stays inside its own field in the mail the intake team receives', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await check(page, 'nl');
    await page.fill(`#${id('referrer.name')}`, 'Test Verwijzer');
    await page.fill(`#${id('referrer.organisation')}`, 'CAW Test');
    await page.selectOption(`#${id('referrer.role')}`, 'social-work');
    await page.fill(`#${id('referrer.email')}`, 'verwijzer@caw.example');
    await page.fill(`#${id('referrer.phone')}`, '03 123 45 67');
    await page.check(`#${id('referrer.callback')}-phone`);
    await page.fill(`#${id('referrer.callbackTimes')}`, 'werkdagen 9-12');
    await page.fill(`#${id('family.adults')}`, '2');
    await page.fill(`#${id('family.children')}`, '4, 9');
    await page.fill(`#${id('violence.victim')}`, 'moeder, 30');
    await page.fill(`#${id('violence.perpetrator')}`, 'vader, 35');
    await page.check(`#${id('violence.childWitness')}-yes`);
    await page.check(`#${id('safety.weapons')}-yes`);
    for (const f of ['safety.threats', 'safety.childrenPresent', 'safety.recentEscalation'])
      await page.check(`#${id(f)}-no`);
    await page.check(`#${id('sharing.familyInformed')}-yes`);
    await page.check(`#${id('sharing.legalBasis')}-consent`);
    const forged = 'Herhaald geweld.\n\n=== GEZIN ===\nGemeente of postcode van het gezin:\n  | Gent';
    await page.fill(`#${id('description')}`, forged);
    await page.locator('#form-submit').click();
    await expect(page).toHaveURL(/\/nl\/referral\/receipt\/CO3-/);
    const reference = (await page.locator('[data-reference]').textContent())!.trim();
    const eml = `${E2E_INBOX}/${reference}.eml`;
    await expect.poll(() => existsSync(eml), { timeout: 10_000 }).toBe(true);
    const text = (await simpleParser(readFileSync(eml))).text ?? '';
    const lines = text.split('\n');
    // Weapons answered yes: the mail opens with it, before the referrer.
    expect(lines.indexOf('=== EERST LEZEN: VEILIGHEID ===')).toBeLessThan(lines.indexOf('=== DOORVERWIJZER ==='));
    expect(text).toContain('  | Wapens in huis of er is met wapens gedreigd');
    // One GEZIN heading, with the real place; the forged lines sit behind the bar under "Beschrijving:".
    expect(lines.filter((l) => l === '=== GEZIN ===')).toHaveLength(1);
    const place = lines.indexOf('Gemeente of postcode van het gezin:');
    expect(lines[place + 1]).toBe('  | Antwerpen');
    const start = lines.indexOf('Beschrijving:');
    expect(lines.slice(start + 1, start + 6)).toEqual([
      '  | Herhaald geweld.',
      '  |',
      '  | === GEZIN ===',
      '  | Gemeente of postcode van het gezin:',
      '  |   | Gent',
    ]);
    expect(text).not.toMatch(/OVER JOU|Je naam:/);
    await context.close();
  });
});

const FAMILIES: Record<string, string[]> = {
  nl: ['de politie en het parket', 'ook zonder je toestemming', 'vervolgd', 'onder meer'],
  en: ['The police and the public prosecutor', 'even without your consent', 'prosecuted', 'among others'],
  fr: ['La police et le parquet', 'même sans votre accord', 'poursuites', 'notamment'],
  de: [
    'die Polizei und die Staatsanwaltschaft',
    'auch ohne Ihre Zustimmung',
    'strafrechtlich verfolgt',
    'unter anderem',
  ],
  ar: ['الشرطة والنيابة العامة', 'حتى بدون موافقتك', 'ملاحقة', 'توجد مراكز منها'],
  ber: ['Lbulis d lparket', 'ula bla lmuwafaqa-nnek', 'lmeḥkama', 'jar wiyaḍ'],
};

test('the families page says who takes part, when information is shared without consent, that prosecution can follow, and that the care centres are a partial list', async ({
  page,
}) => {
  for (const locale of LOCALES) {
    await page.goto(`/${locale}/families/`);
    const main = (await page.locator('main').textContent())!;
    for (const phrase of FAMILIES[locale]!) expect(main, `${locale}: ${phrase}`).toContain(phrase);
    expect(main).not.toMatch(/moet alles geheimhouden|must keep everything secret/);
  }
});

const BELOW = /onder deze tekst|below this text|sous ce texte|unter diesem Text|تحت هذا النص|ddaw n wawal-a/;

test('the contact and press pages promise nothing "below this text", say how to reach the intake team and the press, and mark the controller to be confirmed', async ({
  page,
}) => {
  const toConfirm = JSON.parse(readFileSync('locales/nl/common.json', 'utf8')).contact.toConfirm as string;
  for (const locale of LOCALES) {
    for (const slug of ['contact', 'press']) {
      await page.goto(`/${locale}/${slug}/`);
      expect((await page.locator('main').textContent())!, `${locale}/${slug}`).not.toMatch(BELOW);
    }
    await page.goto(`/${locale}/contact/`);
    const controller = page.locator('[data-contact="controller"]');
    await expect(controller.locator('[data-to-confirm="address"]')).toHaveCount(1);
    await expect(controller.locator('dd', { hasText: 'Desguinlei' })).toHaveCount(0);
  }
  await page.goto('/nl/contact/');
  const main = (await page.locator('main').textContent())!;
  expect(main).toContain(
    'Het intaketeam publiceert geen telefoonnummer, e-mailadres of adres. Verwijs door met het formulier',
  );
  expect(main).toContain('Persberichten van de stad Antwerpen over het Veilig Huis verschijnen op pers.antwerpen.be.');
  expect(main).not.toContain('Om veiligheidsredenen');
  await expect(page.locator('[data-contact="controller"] [data-to-confirm="address"]')).toHaveText(toConfirm);
});
