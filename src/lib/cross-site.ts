import { DEFAULT_SITE_URL } from './site-url.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * The cross-site check for anything that changes state (in place of Astro's `checkOrigin`,
 * which answers a body without Content-Type with 403 where our API documents 415): refused when
 * the browser says it comes from another site (an `Origin` that is none of `origins`,
 * `Sec-Fetch-Site: cross-site`), and a form-like body (what a plain HTML form on another site can
 * send) also when it names no origin at all.
 */
export function isCrossSite(
  request: { method: string; headers: { get(name: string): string | null } },
  origins: readonly string[],
): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const from = request.headers.get('origin');
  if ((from !== null && !origins.includes(from)) || request.headers.get('sec-fetch-site') === 'cross-site') return true;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  return from === null && FORM_TYPES.some((t) => type.includes(t));
}

/**
 * The public origin a build was made for (`import.meta.env.SITE`, from SITE_URL), as a list of
 * zero or one: none for a build without SITE_URL (its default is no one's public origin).
 * @example siteOrigin('https://co3.example/') // => ['https://co3.example']
 */
export function siteOrigin(site: string | undefined): string[] {
  try {
    const origin = site ? new URL(site).origin : null;
    return origin && origin !== new URL(DEFAULT_SITE_URL).origin ? [origin] : [];
  } catch {
    return [];
  }
}

/**
 * The origins a form or API call may come from besides the one the server sees: the public origin
 * the build was made for (SITE_URL), which is what browsers send behind a reverse proxy that ends
 * TLS (docs/deploy.md). A build without SITE_URL adds none.
 */
export const SITE_ORIGINS: readonly string[] = siteOrigin(import.meta.env?.SITE);
