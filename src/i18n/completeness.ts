/**
 * Translation completeness: which UI keys a locale lacks compared with the source (Dutch).
 * Pure; used by the build (which fails on a gap), the unit tests and `npm run i18n:report`.
 */
export type Resources = Record<string, Record<string, unknown>>; // locale -> namespace -> nested strings

/** Flattens nested string objects to dotted keys; a non-string leaf counts as missing. */
export function flattenKeys(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      for (const [k, v] of flattenKeys(child, path)) out.set(k, v);
    }
  } else if (typeof value === 'string' && prefix) {
    out.set(prefix, value);
  }
  return out;
}

/**
 * Namespaces shown only to editors (the translation status page `/translations/`, which is not
 * linked from any public page): written in Dutch, the editorial team's language, and not
 * translated, by choice (docs/translating.md). The check skips them and says so.
 */
export const EDITOR_ONLY_NAMESPACES: ReadonlySet<string> = new Set(['editors']);

export interface MissingKey {
  locale: string;
  /** `namespace:dotted.key` */
  key: string;
}

/**
 * Every `namespace:key` that the source locale has and another locale lacks or leaves empty.
 * @example missingKeys({ nl: { common: { a: 'x' } }, en: { common: {} } }, 'nl')
 *   // => [{ locale: 'en', key: 'common:a' }]
 */
export function missingKeys(resources: Resources, source: string, locales = Object.keys(resources)): MissingKey[] {
  const missing: MissingKey[] = [];
  const sourceNs = resources[source] ?? {};
  for (const locale of locales) {
    if (locale === source) continue;
    for (const [ns, tree] of Object.entries(sourceNs)) {
      if (EDITOR_ONLY_NAMESPACES.has(ns)) continue;
      const have = flattenKeys(resources[locale]?.[ns]);
      for (const key of flattenKeys(tree).keys()) {
        if (!have.get(key)?.trim()) missing.push({ locale, key: `${ns}:${key}` });
      }
    }
  }
  return missing;
}

export function formatMissing(missing: MissingKey[]): string {
  return missing.map((m) => `  ${m.locale}  ${m.key}`).join('\n');
}
