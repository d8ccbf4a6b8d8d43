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

  it('marks Dutch as the source and every other language with a state the page can show', () => {
    // Editors move a translation on (unchecked → translated → checked) and the Dutch moves under
    // it (outdated): any of these is fine here; a page with no state, or Dutch not the source, is not.
    const shown = ['unchecked', 'translated', 'checked', 'outdated'];
    for (const [page, states] of Object.entries(report.pages)) {
      expect(states[DEFAULT_LOCALE], page).toBe('source');
      for (const l of LOCALES.filter((x) => x !== DEFAULT_LOCALE)) expect(shown, `${l}/${page}`).toContain(states[l]);
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
