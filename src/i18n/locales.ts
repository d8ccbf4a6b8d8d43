/**
 * The portal's languages. Pure data: no `astro:*` imports, so vitest and scripts can use it.
 *
 * `ber` is the URL segment and i18next language for Berber; the HTML `lang` is `rif`
 * (Tarifit, ISO 639-3), the variety the portal is written in, in Latin script.
 */
export const LOCALES = ['nl', 'ar', 'ber', 'en', 'fr', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

export interface LocaleInfo {
  /** Value of the HTML `lang` attribute and of `hreflang`. */
  htmlLang: string;
  dir: 'ltr' | 'rtl';
  /** The language's name in its own language and script, for the switcher. */
  autonym: string;
}

export const LOCALE_INFO: Record<Locale, LocaleInfo> = {
  nl: { htmlLang: 'nl', dir: 'ltr', autonym: 'Nederlands' },
  ar: { htmlLang: 'ar', dir: 'rtl', autonym: 'العربية' },
  ber: { htmlLang: 'rif', dir: 'ltr', autonym: 'Tarifit' },
  en: { htmlLang: 'en', dir: 'ltr', autonym: 'English' },
  fr: { htmlLang: 'fr', dir: 'ltr', autonym: 'Français' },
  de: { htmlLang: 'de', dir: 'ltr', autonym: 'Deutsch' },
};

/**
 * Whether a string is one of the portal's locales.
 * @example isLocale('fr') // => true
 * @example isLocale('rif') // => false (the URL segment is `ber`)
 */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
