// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';
import { CSP_DIRECTIVES } from './src/lib/security-headers.ts';
import { staticSecurityHeaders } from './src/integrations/static-headers.ts';
import { searchIndexPlugin } from './src/features/search/plugin.ts';

// SITE_URL is the public origin, used for canonical and hreflang links at build time.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

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
  // The site search index is built from content/ with the server (src/features/search/plugin.ts).
  vite: { plugins: [tailwindcss(), searchIndexPlugin()] },
});
