import { describe, expect, it } from 'vitest';
import { isCrossSite, siteOrigin } from '../../src/lib/cross-site.ts';

const post = (headers: Record<string, string>) =>
  new Request('http://10.0.0.11:4321/nl/referral/', { method: 'POST', headers });
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the cross-site check', () => {
  const origins = ['http://10.0.0.11:4321', ...siteOrigin('https://co3.example')];

  it("accepts a form from the server's own origin and from the public origin behind a proxy that ends TLS", () => {
    expect(isCrossSite(post({ ...FORM, origin: 'http://10.0.0.11:4321' }), origins)).toBe(false);
    expect(isCrossSite(post({ ...FORM, origin: 'https://co3.example' }), origins)).toBe(false);
  });

  it('refuses another origin, a cross-site fetch, and a form that names no origin', () => {
    expect(isCrossSite(post({ ...FORM, origin: 'https://evil.example' }), origins)).toBe(true);
    expect(isCrossSite(post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }), origins)).toBe(
      true,
    );
    expect(isCrossSite(post(FORM), origins)).toBe(true);
  });

  it('lets an API call without Origin through (the API answers 415 or 4xx itself), and never checks reads', () => {
    expect(isCrossSite(post({ 'content-type': 'application/json' }), origins)).toBe(false);
    expect(
      isCrossSite(new Request('http://10.0.0.11:4321/nl/', { headers: { origin: 'https://evil.example' } }), origins),
    ).toBe(false);
  });

  it('adds no public origin for a build made without SITE_URL, and ignores one that is not a URL', () => {
    expect(siteOrigin(undefined)).toEqual([]);
    expect(siteOrigin('http://localhost:4321')).toEqual([]);
    expect(siteOrigin('not a url')).toEqual([]);
    expect(siteOrigin('https://co3.example/pad/')).toEqual(['https://co3.example']);
  });
});
