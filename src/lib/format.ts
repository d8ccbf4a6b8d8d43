import { LOCALE_INFO, type Locale } from '../i18n/locales.ts';

/**
 * The Intl locale for numbers and dates. Tarifit has no CLDR data, so it borrows French
 * conventions (space thousands separator, as in Moroccan usage); Arabic keeps Western digits,
 * as in Morocco and on the helpline strip.
 */
export function intlLocale(locale: Locale): string {
  return locale === 'ber' ? 'fr-BE' : `${LOCALE_INFO[locale].htmlLang}-BE`;
}

export type FactValue = { kind: 'number'; n: number } | { kind: 'percent'; n: number } | { kind: 'text'; text: string };

/**
 * A fact's value as a visitor in that locale reads it.
 * @example formatFact({ kind: 'number', n: 57142 }, 'nl') // => '57.142'
 * @example formatFact({ kind: 'percent', n: 14.7 }, 'en') // => '14.7%'
 */
export function formatFact(value: FactValue, locale: Locale): string {
  if (value.kind === 'text') return value.text;
  const options: Intl.NumberFormatOptions =
    value.kind === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 };
  const n = value.kind === 'percent' ? value.n / 100 : value.n;
  return new Intl.NumberFormat(intlLocale(locale), { ...options, numberingSystem: 'latn' }).format(n);
}

/** A date written out in the visitor's language, e.g. "25 november 2023". */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    numberingSystem: 'latn',
    timeZone: 'Europe/Brussels',
  }).format(date);
}
