import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LOCALES, LOCALE_INFO } from '../../src/i18n/locales.ts';

// publiccode.yml is what public code catalogues read: it must parse, carry the standard's
// mandatory keys, and name the languages the site really has.
const meta = parse(readFileSync('publiccode.yml', 'utf8')) as Record<string, any>;

describe('publiccode.yml', () => {
  it('has the mandatory keys of the standard', () => {
    for (const key of [
      'publiccodeYmlVersion',
      'name',
      'url',
      'platforms',
      'categories',
      'developmentStatus',
      'softwareType',
      'description',
      'legal',
      'maintenance',
      'localisation',
    ]) {
      expect(meta, key).toHaveProperty(key);
    }
    expect(meta.legal.license).toBeTruthy();
    for (const lang of Object.keys(meta.description)) {
      const d = meta.description[lang];
      expect(d.shortDescription.length, `${lang} shortDescription`).toBeLessThanOrEqual(150);
      expect(d.longDescription.length, `${lang} longDescription`).toBeGreaterThanOrEqual(150);
      expect(d.features.length).toBeGreaterThan(0);
    }
  });

  it("lists the site's languages, by the tags the pages carry", () => {
    expect(meta.localisation.availableLanguages).toEqual(LOCALES.map((l) => LOCALE_INFO[l].htmlLang));
  });

  it('states the Node.js version package.json requires', () => {
    const engines = JSON.parse(readFileSync('package.json', 'utf8')).engines.node as string;
    expect(engines).toBe(`>=${meta.dependsOn.open.find((d: { name: string }) => d.name === 'Node.js').versionMin}`);
  });
});
