// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';
import { CSP_DIRECTIVES } from './src/lib/security-headers.ts';
import { staticSecurityHeaders } from './src/integrations/static-headers.ts';
import { DEFAULT_SITE_URL } from './src/lib/site-url.ts';
import { guardedAdapter, requestGuard } from './src/integrations/request-guard.ts';
import { searchIndexPlugin } from './src/features/search/plugin.ts';

// SITE_URL is the public origin, baked in at build time: canonical and hreflang links, the
// sitemap, the RSS feeds. A production build must set it; the server warns at start when not.
const site = process.env.SITE_URL ?? DEFAULT_SITE_URL;

export default defineConfig({
  site,
  output: 'static',
  // No request needs a large body: the referral is at most 64 KB (checked again where it is read).
  // The adapter's handler runs inside our own guarded node:http server (src/server/entry.ts):
  // `node dist/server/entry.mjs` starts it.
  adapter: guardedAdapter(node({ mode: 'standalone', staticHeaders: true, bodySizeLimit: 1024 * 1024 })),
  integrations: [react(), staticSecurityHeaders(), requestGuard()],
  // No sessions: the portal keeps no state about visitors (and no cookie to carry one).
  session: false,
  security: {
    // The cross-site check is ours (src/middleware.ts): Astro's answers a POST without
    // Content-Type with 403, where the API documents 415.
    checkOrigin: false,
    csp: {
      algorithm: 'SHA-256',
      directives: [...CSP_DIRECTIVES],
    },
  },
  markdown: { syntaxHighlight: false },
  // `node dist/server/entry.mjs` listens here unless HOST and PORT say otherwise.
  server: { port: 4321, host: 'localhost' },
  // The site search index is built from content/ with the server (src/features/search/plugin.ts).
  vite: { plugins: [tailwindcss(), searchIndexPlugin()] },
});
