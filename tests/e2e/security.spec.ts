import { expect, test } from '@playwright/test';
import { ALL_ROUTES } from './site.ts';

function expectSecurityHeaders(headers: Headers, what: string) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, `${what}: CSP`).toContain("default-src 'self'");
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? '';
  expect(scriptSrc, `${what}: script-src`).toContain("'self'");
  expect(scriptSrc, `${what}: script-src`).not.toContain('unsafe-inline');
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('same-origin');
  expect(headers.get('permissions-policy'), what).toContain('camera=()');
  expect(headers.get('strict-transport-security'), what).toContain('max-age=');
  expect(headers.get('set-cookie'), `${what}: cookie`).toBeNull();
}

test('every page in every locale sends the security headers and no cookie', async ({ baseURL }) => {
  for (const { path } of ALL_ROUTES) {
    const response = await fetch(`${baseURL}${path}`, { redirect: 'manual' });
    expect(response.status, path).toBe(200);
    expectSecurityHeaders(response.headers, path);
    await response.arrayBuffer();
    // Another spelling of the page (no final slash) is sent to the canonical one, with the same headers.
    const variant = path.replace(/\/$/, '');
    if (!variant) continue;
    const redirect = await fetch(`${baseURL}${variant}`, { redirect: 'manual' });
    expect(redirect.status, variant).toBe(308);
    expect(redirect.headers.get('location'), variant).toBe(path);
    expectSecurityHeaders(redirect.headers, variant);
    await redirect.arrayBuffer();
  }
});

test('on-demand responses send the security headers and no cookie', async ({ baseURL }) => {
  for (const [path, status] of [
    ['/', 302],
    ['/nl/missing/', 404],
    ['/missing', 404],
  ] as const) {
    const response = await fetch(`${baseURL}${path}`, { redirect: 'manual' });
    expect(response.status, path).toBe(status);
    if (status === 404) expectSecurityHeaders(response.headers, path);
    else expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('set-cookie')).toBeNull();
    await response.arrayBuffer();
  }
  const health = await fetch(`${baseURL}/healthz`);
  expect(health.headers.get('x-content-type-options')).toBe('nosniff');
  expect(health.headers.get('set-cookie')).toBeNull();
});

test('browsing the site leaves no cookie and no storage in the browser', async ({ page, context }) => {
  for (const path of ['/nl/', '/ar/families/', '/fr/safety/', '/de/contact/']) await page.goto(path);
  expect(await context.cookies()).toEqual([]);
  const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
  expect(stored).toBe(0);
});
