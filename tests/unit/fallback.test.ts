import { describe, expect, it } from 'vitest';
import { ownOrDutch, pagePaths } from '../../src/i18n/fallback.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

describe('pagePaths', () => {
  const pages = ['home', 'safety'] as const;

  it('uses each locale’s own entry when it exists', () => {
    const ids = LOCALES.flatMap((l) => pages.map((p) => `${l}/${p}`));
    const paths = pagePaths(ids, pages);
    expect(paths).toHaveLength(LOCALES.length * pages.length);
    expect(paths.every((p) => !p.fallback && p.entryId === `${p.locale}/${p.page}`)).toBe(true);
  });

  it('falls back to Dutch, flagged, when a translation is missing', () => {
    const paths = pagePaths(['nl/home', 'nl/safety', 'fr/home'], pages);
    expect(paths.find((p) => p.locale === 'fr' && p.page === 'home')).toMatchObject({
      fallback: false,
      entryId: 'fr/home',
    });
    expect(paths.find((p) => p.locale === 'fr' && p.page === 'safety')).toMatchObject({
      fallback: true,
      entryId: 'nl/safety',
    });
    expect(paths.find((p) => p.locale === 'ar' && p.page === 'home')).toMatchObject({
      fallback: true,
      entryId: 'nl/home',
    });
  });

  it('fails the build, naming the page, when the Dutch source is missing', () => {
    expect(() => pagePaths(['nl/home', 'fr/safety'], pages)).toThrow(/safety/);
  });
});

describe('ownOrDutch: the one rule for pages, news and campaigns', () => {
  const texts: Partial<Record<string, string>> = { nl: 'Dutch', ar: 'Arabic' };
  const find = (l: string) => texts[l];
  it('gives the locale its own text when there is one', () => {
    expect(ownOrDutch(find, 'ar')).toEqual({ value: 'Arabic', fallback: false });
  });
  it('gives the Dutch text, flagged, when the locale has none', () => {
    expect(ownOrDutch(find, 'fr')).toEqual({ value: 'Dutch', fallback: true });
  });
  it('gives nothing when Dutch has none either', () => {
    expect(ownOrDutch(() => undefined, 'fr')).toBeUndefined();
  });
});
