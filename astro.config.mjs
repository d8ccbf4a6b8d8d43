// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';
import { CSP_DIRECTIVES } from './src/lib/security-headers.ts';
import { staticSecurityHeaders } from './src/integrations/static-headers.ts';
import { DEFAULT_SITE_URL } from './src/lib/site-url.ts';

// SITE_URL is the public origin, baked in at build time: canonical and hreflang links, the
// sitemap, the RSS feeds. A production build must set it; the server warns at start when not.
const site = process.env.SITE_URL ?? DEFAULT_SITE_URL;

export default defineConfig({
  site,
  output: 'static',
  // No request needs a large body: the referral is at most 64 KB (checked again where it is read).
  adapter: node({ mode: 'standalone', staticHeaders: true, bodySizeLimit: 1024 * 1024 }),
  integrations: [react(), staticSecurityHeaders()],
  // No sessions: the portal keeps no state about visitors (and no cookie to carry one).
  session: false,
  security: {
    checkOrigin: true,
    csp: {
      algorithm: 'SHA-256',
      directives: [...CSP_DIRECTIVES],
    },
  },
  markdown: { syntaxHighlight: false },
  // `node dist/server/entry.mjs` listens here unless HOST and PORT say otherwise.
  server: { port: 4321, host: 'localhost' },
  vite: { plugins: [tailwindcss()] },
});
