/**
 * Response headers sent with every page, prerendered or on demand. The Content-Security-Policy
 * itself comes from Astro (`security.csp` in astro.config.mjs), which hashes its own inline
 * scripts and styles; these are the others.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  // Nothing on the portal needs these; the locator's "use my location" will need geolocation
  // on our own origin only.
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(self), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  // Browsers ignore HSTS received over plain HTTP (RFC 6797 §8.1), so sending it always is safe
  // and covers prerendered pages, whose headers cannot depend on the request.
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** CSP directives beyond Astro's script-src/style-src. No host but our own, ever. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
  "worker-src 'none'",
] as const;

/**
 * Paths that partner websites may put in an iframe: the film player only. Every other page
 * refuses to be framed (clickjacking; and a victim's page inside someone else's site).
 */
export const FRAMEABLE_PREFIXES = ['/embed/'] as const;

export function isFrameable(pathname: string): boolean {
  return FRAMEABLE_PREFIXES.some((p) => pathname.startsWith(p));
}

/**
 * The headers of a frameable page: any site may frame it (`frame-ancestors *`, the only
 * framing rule browsers apply when the CSP has one) and no X-Frame-Options, which cannot
 * express "anyone" and would win in older browsers.
 * @example frameableHeaders([{ key: 'X-Frame-Options', value: 'DENY' }]) // => []
 */
export function frameableHeaders(headers: { key: string; value: string }[]): { key: string; value: string }[] {
  return headers
    .filter((h) => h.key.toLowerCase() !== 'x-frame-options')
    .map((h) =>
      h.key.toLowerCase() === 'content-security-policy'
        ? { key: h.key, value: h.value.replace(/frame-ancestors[^;]*/, 'frame-ancestors *') }
        : h,
    );
}
