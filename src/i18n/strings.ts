import i18next, { type Resource, type TFunction } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';
import { formatMissing, missingKeys, type Resources } from './completeness.ts';

/**
 * Server-side UI strings: every `locales/<lng>/<namespace>.json`, bundled at build time.
 * Islands do not import this module; they get only their own namespaces as props.
 */
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', {
  eager: true,
  import: 'default',
});

export const resources: Resources = {};
for (const [path, data] of Object.entries(files)) {
  const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m?.[1] || !m[2]) continue;
  (resources[m[1]] ??= {})[m[2]] = data;
}

// A missing string must never reach a visitor as a raw key: the build stops and names it.
const missing = missingKeys(resources, DEFAULT_LOCALE, [...LOCALES]);
if (missing.length > 0) {
  throw new Error(`Missing UI translations (locale, namespace:key):\n${formatMissing(missing)}`);
}

const instance = i18next.createInstance();
await instance.init({
  resources: resources as Resource,
  lng: DEFAULT_LOCALE,
  fallbackLng: false,
  supportedLngs: [...LOCALES],
  ns: Object.keys(resources[DEFAULT_LOCALE] ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // Astro escapes on output
  returnNull: false,
  initAsync: false,
});

/** A `t` bound to one locale and namespace (default `common`). */
export function getT(locale: Locale, ns = 'common'): TFunction {
  return instance.getFixedT(locale, ns);
}

/** The raw namespace for an island, so only what it needs travels to the browser. */
export function namespaceFor(locale: Locale, ns: string): Record<string, unknown> {
  return (resources[locale]?.[ns] ?? {}) as Record<string, unknown>;
}
