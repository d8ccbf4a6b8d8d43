import { expect, test } from '@playwright/test';

const cases: [string | undefined, string][] = [
  [undefined, '/nl/'],
  ['nl-BE,nl;q=0.9', '/nl/'],
  ['fr-BE,fr;q=0.9,nl;q=0.8', '/fr/'],
  ['de-DE,de;q=0.9', '/de/'],
  ['ar-MA,ar;q=0.9,fr;q=0.8', '/ar/'],
  ['en-GB', '/en/'],
  ['rif', '/ber/'],
  ['es-ES,es;q=0.9', '/nl/'],
];

for (const [header, location] of cases) {
  test(`/ with Accept-Language ${header ?? '(none)'} redirects to ${location}`, async ({ baseURL }) => {
    // Plain fetch, so that no browser default language is added to the request.
    const response = await fetch(`${baseURL}/`, {
      redirect: 'manual',
      headers: header ? { 'Accept-Language': header } : {},
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(location);
    expect(response.headers.get('vary')).toContain('Accept-Language');
  });
}
