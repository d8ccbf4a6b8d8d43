/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    locale: import('./i18n/locales').Locale;
    t: import('i18next').TFunction;
  }
}

declare module 'virtual:co3/routes' {
  const routes: import('./server/guard').RouteEntry[];
  export default routes;
}
