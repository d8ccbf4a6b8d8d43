/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    locale: import('./i18n/locales').Locale;
    t: import('i18next').TFunction;
  }
}
