/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    locale: import('./i18n/locales').Locale;
    /** The page's strings in the `common` namespace, bound to its locale. */
    t: import('i18next').TFunction;
    /** The page's strings in another namespace (`tn('videos')`), bound to its locale: set once, in the middleware. */
    tn: (ns: string) => import('i18next').TFunction;
    /** Set while the search page renders its frame without results (src/features/search/shell.server.ts). */
    searchShell?: boolean;
  }
}

declare module 'virtual:co3/routes' {
  const routes: import('./server/guard').RouteEntry[];
  export default routes;
  /** `security.allowedDomains` of astro.config.mjs: the hosts whose X-Forwarded-For is trusted. */
  export const allowedDomains: NonNullable<NonNullable<import('astro').AstroUserConfig['security']>['allowedDomains']>;
}

declare module 'virtual:co3-search' {
  /** Each locale's search index as MiniSearch JSON, built from content/ at build time. */
  export const indexes: Record<import('./i18n/locales').Locale, string>;
  export const synonyms: Record<import('./i18n/locales').Locale, string[][]>;
}
