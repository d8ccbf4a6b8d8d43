import { describe, expect, it } from 'vitest';
import { missingKeys } from '../../src/i18n/completeness.ts';
import { DEFAULT_LOCALE, LOCALES } from '../../src/i18n/locales.ts';
import { pageState, translationReport } from '../../src/features/translations/state.ts';

const report = translationReport(process.cwd());

describe('translation completeness', () => {
  it('finds no UI key missing in any locale', () => {
    // The message lists every gap as "locale namespace:key".
    expect(report.missingKeys.map((m) => `${m.locale} ${m.key}`)).toEqual([]);
  });

  it('finds every page written in every locale', () => {
    expect(report.missingPages.map((m) => `${m.locale}/${m.page}`)).toEqual([]);
  });

  it('marks Dutch as the source and no other language as checked by a native speaker yet', () => {
    for (const states of Object.values(report.pages)) {
      expect(states[DEFAULT_LOCALE]).toBe('source');
      for (const l of LOCALES.filter((x) => x !== DEFAULT_LOCALE)) expect(states[l]).toBe('unchecked');
    }
  });
});

describe('missingKeys', () => {
  it('names keys that are absent, empty or not strings, per locale and namespace', () => {
    const resources = {
      nl: { common: { a: 'x', nested: { b: 'y', c: 'z' } }, other: { d: 'w' } },
      fr: { common: { a: 'x', nested: { b: '  ' } }, other: { d: 'w' } },
      de: { common: { a: 'x', nested: { b: 'y', c: { deeper: 'no' } } } },
    };
    expect(missingKeys(resources, 'nl')).toEqual([
      { locale: 'fr', key: 'common:nested.b' },
      { locale: 'fr', key: 'common:nested.c' },
      { locale: 'de', key: 'common:nested.c' },
      { locale: 'de', key: 'other:d' },
    ]);
  });
});

describe('pageState', () => {
  it('reads the status from the frontmatter', () => {
    expect(pageState('---\ntitle: x\ntranslation:\n  status: unchecked\n---\nbody')).toBe('unchecked');
    expect(pageState('---\ntranslation:\n  status: checked\n  by: A\n---\n')).toBe('checked');
    expect(pageState('no frontmatter')).toBe('missing');
  });
});
