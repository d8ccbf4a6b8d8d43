/**
 * The public origin is baked into the build (`SITE_URL`, read by astro.config.mjs): canonical and
 * `hreflang` links, the sitemap, the RSS feeds, Open Graph and structured data. A server that
 * runs a build made without it sends every one of those links to localhost.
 */

/** What astro.config.mjs uses when SITE_URL is not set. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/**
 * The one warning the server prints at start about its public origin, or null when all is well.
 * `built` is the origin the build baked in (`import.meta.env.SITE`), `runtime` the SITE_URL the
 * server process was given (which cannot change a finished build).
 * @example siteUrlWarning('https://co3.example', undefined) // => null
 */
export function siteUrlWarning(built: string | undefined, runtime: string | undefined): string | null {
  const origin = (url: string | undefined) => {
    try {
      return url ? new URL(url).origin : null;
    } catch {
      return null;
    }
  };
  const baked = origin(built) ?? DEFAULT_SITE_URL;
  if (baked === origin(DEFAULT_SITE_URL)) {
    return (
      `site: this build was made without SITE_URL, so its canonical, hreflang, sitemap and RSS feed links point at ${baked}. ` +
      'For production, build with SITE_URL set to the public origin: SITE_URL=https://… npm run build'
    );
  }
  const wanted = origin(runtime);
  if (runtime && wanted !== baked) {
    return (
      `site: SITE_URL is read when building, not when serving: this build's links point at ${baked}, not at ${runtime}. ` +
      `Rebuild with SITE_URL=${runtime} npm run build`
    );
  }
  return null;
}
