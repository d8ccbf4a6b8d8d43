import { describe, expect, it } from 'vitest';
import { negotiateLocale, parseAcceptLanguage } from '../../src/i18n/negotiate.ts';

describe('negotiateLocale', () => {
  it.each([
    [null, 'nl'],
    ['', 'nl'],
    ['nl', 'nl'],
    ['nl-BE', 'nl'],
    ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    ['fr-BE,fr;q=0.9', 'fr'],
    ['fr-FR', 'fr'],
    ['de-DE,de;q=0.9,en;q=0.5', 'de'],
    ['de-AT', 'de'],
    ['ar-MA,ar;q=0.9,fr;q=0.8', 'ar'],
    ['ar', 'ar'],
    ['en-GB,en;q=0.9', 'en'],
    ['en-US', 'en'],
    ['rif', 'ber'],
    ['rif-MA,ar;q=0.5', 'ber'],
    ['ber', 'ber'],
    ['es-ES,es;q=0.9', 'nl'], // no portal language at all
    ['es-ES,fr;q=0.4', 'fr'], // a lower-ranked language that the portal has
    ['en;q=0.5,fr;q=0.9', 'fr'], // quality, not order, decides
    ['de;q=0,fr', 'fr'], // q=0 means "not acceptable"
    ['*', 'nl'],
    ['FR-be', 'fr'], // tags are case-insensitive
    ['zz-invalid-!!,en', 'en'], // a malformed tag is skipped, not fatal
    ['x'.repeat(5000), 'nl'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('parseAcceptLanguage', () => {
  it('orders tags by quality and keeps header order for equal quality', () => {
    expect(parseAcceptLanguage('de;q=0.8, fr-BE, en;q=0.8, nl;q=0.9')).toEqual(['fr-be', 'nl', 'de', 'en']);
  });
});
