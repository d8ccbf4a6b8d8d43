/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    locale: import('./i18n/locales').Locale;
    t: import('i18next').TFunction;
  }
}

declare module 'virtual:co3-search' {
  /** Each locale's search index as MiniSearch JSON, built from content/ at build time. */
  export const indexes: Record<import('./i18n/locales').Locale, string>;
  export const synonyms: Record<import('./i18n/locales').Locale, string[][]>;
}
