import { readFile, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { SECURITY_HEADERS, frameableHeaders, isFrameable } from '../lib/security-headers';

interface HeaderEntry {
  pathname: string;
  headers: { key: string; value: string }[];
}

/**
 * The node adapter serves prerendered pages itself and only adds the per-page CSP it records
 * in `dist/_headers.json`. This integration runs after the adapter (Astro puts the adapter
 * first) and adds the other security headers to every prerendered page in that file.
 *
 * The adapter picks the first entry whose pathname *contains* the requested one, so entries
 * are sorted shortest first: `/nl/` must match `/nl/`, not `/nl/about/`. The e2e suite checks
 * the headers on every page, so a change in the adapter's matching shows up there.
 */
export function staticSecurityHeaders(): AstroIntegration {
  let outDir: URL;
  return {
    name: 'co3:static-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:done': async ({ logger }) => {
        const file = new URL('_headers.json', outDir);
        const entries = JSON.parse(await readFile(file, 'utf8')) as HeaderEntry[];
        for (const entry of entries) {
          // Pages are served at `/nl/about/`; the adapter records `/nl/about` and matches by
          // `entry.pathname.includes(requested)`, so without the slash no page would match.
          if (!entry.pathname.endsWith('/')) entry.pathname += '/';
          const present = new Set(entry.headers.map((h) => h.key.toLowerCase()));
          for (const [key, value] of Object.entries(SECURITY_HEADERS)) {
            if (!present.has(key.toLowerCase())) entry.headers.push({ key, value });
          }
          // The embeddable film player is the one page other sites may frame.
          if (isFrameable(entry.pathname)) entry.headers = frameableHeaders(entry.headers);
        }
        entries.sort((a, b) => a.pathname.length - b.pathname.length || a.pathname.localeCompare(b.pathname));
        await writeFile(file, JSON.stringify(entries, null, 1));
        logger.info(`security headers added to ${entries.length} prerendered pages`);
      },
    },
  };
}
