import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, siteUrlWarning } from '../../src/lib/site-url.ts';

describe('siteUrlWarning', () => {
  it('warns when the build was made without SITE_URL, naming the origin and how to fix it', () => {
    for (const built of [undefined, DEFAULT_SITE_URL, `${DEFAULT_SITE_URL}/`]) {
      const warning = siteUrlWarning(built, undefined);
      expect(warning, String(built)).toContain('without SITE_URL');
      expect(warning).toContain('http://localhost:4321');
      expect(warning).toContain('SITE_URL=https://');
    }
  });
  it('says nothing for a production build', () => {
    expect(siteUrlWarning('https://co3.example', undefined)).toBeNull();
    expect(siteUrlWarning('https://co3.example/', 'https://co3.example')).toBeNull();
  });
  it('warns when the server is given another SITE_URL than the build baked in', () => {
    const warning = siteUrlWarning('https://staging.co3.example', 'https://co3.example');
    expect(warning).toContain('read when building');
    expect(warning).toContain('https://staging.co3.example');
    expect(warning).toContain('SITE_URL=https://co3.example npm run build');
  });
});
