import { afterAll, beforeAll, expect, test } from 'vitest';
import { BuiltServer, freePort, tempDir } from './harness.ts';

// The test build is made without SITE_URL (as `npm test` and CI build it), so the built server
// must say so once when it starts, and not again per request.
let server: BuiltServer;
beforeAll(async () => {
  server = await new BuiltServer(await freePort(), {
    DATA_DIR: tempDir('site-url-data'),
    INTAKE_INBOX_DIR: tempDir('site-url-inbox'),
  }).start();
});
afterAll(() => server.kill());

test('a server built without SITE_URL warns once at start that its links point at localhost', async () => {
  for (const path of ['/nl/', '/ar/press/', '/nl/press/rss.xml', '/sitemap.xml']) {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status, path).toBe(200);
    await response.arrayBuffer();
  }
  const warnings = server.log.split('\n').filter((line) => line.includes('without SITE_URL'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain('http://localhost:4321');
  expect(warnings[0]).toContain('SITE_URL=https://');
});
