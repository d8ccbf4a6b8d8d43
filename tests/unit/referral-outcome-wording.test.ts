import { describe, expect, it } from 'vitest';
import { optionalTally } from '../../src/features/referral/eligibility.ts';
import { getT, resources } from '../../src/i18n/strings.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

/** What a referrer reads under the criteria, in every language: the tally and the thresholds note. */
const tally = (locale: (typeof LOCALES)[number], met: number, needed = 3) =>
  optionalTally(getT(locale, 'referral'), { optionalMet: met, optionalNeeded: needed });

describe('the eligibility result, as the referrer reads it', () => {
  it('says the tally as a person would, with the right plural, in Dutch, English, French and German', () => {
    expect(tally('nl', 5)).toBe('5 van de andere criteria zijn vervuld. Deze website vraagt er minstens 3.');
    expect(tally('nl', 1)).toBe('1 van de andere criteria is vervuld. Deze website vraagt er minstens 3.');
    expect(tally('nl', 0, 1)).toBe('Geen van de andere criteria is vervuld. Deze website vraagt er minstens 1.');
    expect(tally('en', 5)).toBe('5 of the other criteria are met. This website asks for at least 3.');
    expect(tally('en', 1)).toBe('1 of the other criteria is met. This website asks for at least 3.');
    expect(tally('fr', 1)).toBe('1 des autres critères est rempli. Ce site en demande au moins 3.');
    expect(tally('fr', 4)).toBe('4 des autres critères sont remplis. Ce site en demande au moins 3.');
    expect(tally('de', 2)).toBe('2 der anderen Kriterien sind erfüllt. Diese Website verlangt mindestens 3.');
    expect(tally('de', 1)).toBe('1 der anderen Kriterien ist erfüllt. Diese Website verlangt mindestens 3.');
  });

  it('uses the Arabic forms for zero, one, two, a few and many', () => {
    expect(tally('ar', 0)).toContain('لم يتحقق أي معيار');
    expect(tally('ar', 1)).toContain('تحقق معيار واحد');
    expect(tally('ar', 2)).toContain('تحقق معياران');
    expect(tally('ar', 5)).toContain('تحققت 5 معايير');
    expect(tally('ar', 11)).toContain('تحقق 11 معيارًا');
    expect(tally('ar', 5, 2)).toContain('يطلب معيارين على الأقل');
    expect(tally('ar', 5, 3)).toContain('يطلب 3 معايير على الأقل');
  });

  it('gives Tarifit every plural category, since ber has no plural rules of its own and falls back to the host locale', () => {
    // No CLDR data for ber or rif: Intl resolves to whatever the host's default locale is.
    expect(new Intl.PluralRules('ber').resolvedOptions().locale).not.toBe('ber');
    const outcome = (resources.ber!.referral as { outcome: Record<string, string> }).outcome;
    for (const category of ['zero', 'one', 'two', 'few', 'many', 'other']) {
      expect(outcome[`optionalMet_${category}`], category).toBeTruthy();
      expect(outcome[`optionalNeeded_${category}`], category).toBeTruthy();
    }
    // Whichever rules the host picks (Arabic has all six categories), every count reads as a sentence.
    for (const n of [0, 1, 2, 3, 5, 11, 100]) expect(tally('ber', n)).toMatch(new RegExp(`^(Wala|${n} )`));
  });

  it('never shows a raw key or an unfilled placeholder, in any language, for any count', () => {
    for (const locale of LOCALES) {
      for (const met of [0, 1, 2, 3, 4, 5, 11]) {
        for (const needed of [0, 1, 2, 3]) {
          const s = tally(locale, met, needed);
          expect(s, `${locale} ${met}/${needed}`).not.toMatch(/\{\{|outcome\.|optional(Met|Needed)/);
        }
      }
    }
  });

  it('presents the result as an indication that the intake team decides, and names where the thresholds are kept', () => {
    const decides = {
      nl: 'intaketeam beslist',
      en: 'intake team decides',
      fr: 'équipe d’accueil décide',
      de: 'Aufnahmeteam entscheidet',
      ar: 'فريق الاستقبال هو الذي يقرر',
      ber: 'ṭṭaqem n listiqbal d netta i yettaɣ lqaraṛ',
    };
    for (const locale of LOCALES) {
      const t = getT(locale, 'referral');
      expect(t('outcome.eligible.text'), locale).toContain(decides[locale]);
      expect(t('outcome.not-eligible.text'), locale).toContain(decides[locale]);
      const note = t('outcome.indication', { needed: 3, others: 5 });
      expect(note, locale).toContain('content/referral-rules.json');
      expect(note, locale).toContain('3');
      expect(note, locale).toContain('5');
    }
    expect(getT('nl', 'referral')('outcome.eligible.text')).not.toContain('voldoen aan de criteria');
  });

  it('shows each criterion in the words of the seeds', () => {
    const nl = getT('nl', 'referral');
    expect(nl('outcome.criteria.repeated')).toContain('„veelvuldig geweld”');
    expect(nl('outcome.criteria.lifeDomains')).toContain(
      'problemen op verschillende leefdomeinen (kleine huisvesting, schulden, alcoholmisbruik, vechtscheidingen)',
    );
    expect(nl('outcome.criteria.hardStart')).toContain(
      'een moeilijke opstart van de hulpverlening of andere begeleiding',
    );
    const en = getT('en', 'referral');
    expect(en('outcome.criteria.organisations')).toContain('“several organizations involved”');
    expect(en('outcome.criteria.unsafe')).toContain('“an unsafe situation for victims and children”');
    expect(en('outcome.criteria.hardStart')).toContain('“difficulties to start up an aid care or judicial process”');
  });

  it('sends a complaint to a police station, not to the emergency number 101', () => {
    for (const locale of LOCALES) {
      const police = getT(locale, 'referral')('outcome.routes.police');
      expect(police, locale).toContain('101');
      expect(police, locale).not.toMatch(/\(101\)\s*:/);
    }
    expect(getT('nl', 'referral')('outcome.routes.police')).toBe(
      'De politie: bel 101 bij gevaar; een klacht neerleggen doe je in een politiekantoor.',
    );
  });
});
