import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import {
  PAGES,
  alternates,
  localeFromPath,
  localizedPath,
  switchLocalePath,
  xDefaultPath,
} from '../../src/i18n/routes.ts';

describe('localized URL helpers', () => {
  it('builds a page path with a trailing slash, and the locale root for home', () => {
    expect(localizedPath('fr', 'safety')).toBe('/fr/safety/');
    expect(localizedPath('ar', 'home')).toBe('/ar/');
    expect(localizedPath('ber')).toBe('/ber/');
  });

  it('gives every page the same slug in every locale', () => {
    for (const page of PAGES) {
      const paths = LOCALES.map((l) => localizedPath(l, page).replace(`/${l}/`, '/'));
      expect(new Set(paths).size).toBe(1);
    }
  });

  it('reads the locale from the first path segment only', () => {
    expect(localeFromPath('/ber/about/')).toBe('ber');
    expect(localeFromPath('/nl')).toBe('nl');
    expect(localeFromPath('/rif/about/')).toBeNull();
    expect(localeFromPath('/about/nl/')).toBeNull();
    expect(localeFromPath('/')).toBeNull();
  });

  it('switches the locale and keeps the page and the query', () => {
    expect(switchLocalePath('/nl/privacy/', 'de')).toBe('/de/privacy/');
    expect(switchLocalePath('/ar/centres/?q=Lier', 'fr')).toBe('/fr/centres/?q=Lier');
    expect(switchLocalePath('/en/', 'ber')).toBe('/ber/');
  });

  it('sends a path outside any locale to the home page of the other locale', () => {
    expect(switchLocalePath('/healthz', 'fr')).toBe('/fr/');
  });

  it('lists all six alternates, and Dutch as x-default', () => {
    const alts = alternates('/en/contact/');
    expect(alts.map((a) => a.path)).toEqual(LOCALES.map((l) => `/${l}/contact/`));
    expect(xDefaultPath('/en/contact/')).toBe('/nl/contact/');
  });
});
