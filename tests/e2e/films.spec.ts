import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { LOCALES, LOCALE_INFO } from './site.ts';

/** The films as editors wrote them: content/videos/<slug>/video.yaml and the files beside it. */
const FILMS = readdirSync('content/videos').map((slug) => {
  const meta = parse(readFileSync(`content/videos/${slug}/video.yaml`, 'utf8')) as {
    title: Record<string, string>;
    duration: number;
    chapters: { start: number }[];
    sources: { file: string }[];
    poster: string;
    sample?: boolean;
    variants?: Record<string, { sources: { file: string }[]; poster?: string }>;
  };
  return { slug, ...meta };
});
const transcriptStart = (slug: string, locale: string) =>
  readFileSync(`content/videos/${slug}/transcript.${locale}.txt`, 'utf8').split('\n\n')[1]!.trim().slice(0, 40);

async function builtUrl(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const html = await page.content();
  const m = pattern.exec(html);
  expect(m, `${pattern} in ${path}`).not.toBeNull();
  return m![0];
}

for (const locale of LOCALES) {
  test(`every film page in ${locale} has six caption tracks, ${locale} on unless the film already shows or speaks it, and the transcript`, async ({
    page,
  }) => {
    for (const film of FILMS) {
      const path = `/${locale}/videos/${film.slug}/`;
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('h1')).toHaveText(film.title[locale]!);
      const video = page.locator('video');
      await expect(video).toHaveCount(1);
      expect(await video.getAttribute('preload'), path).toBe('metadata');
      expect(await video.getAttribute('autoplay'), path).toBeNull();
      expect(await video.getAttribute('playsinline'), path).not.toBeNull();
      expect(await video.getAttribute('poster'), path).toMatch(/^\/_astro\/poster\./);
      const tracks = video.locator('track[kind="captions"]');
      await expect(tracks).toHaveCount(6);
      const langs = await tracks.evaluateAll((ts) => ts.map((t) => t.getAttribute('srclang')));
      expect(langs.sort()).toEqual(LOCALES.map((l) => LOCALE_INFO[l].htmlLang).sort());
      // The page's language on screen already (a version in it, or the Dutch sample's slides on
      // a Dutch page): captions would only repeat it, so none is on; otherwise that one is.
      const shown = !!film.variants?.[locale] || (film.sample === true && locale === 'nl');
      const defaults = video.locator('track[default]');
      await expect(defaults, path).toHaveCount(shown ? 0 : 1);
      if (!shown) expect(await defaults.getAttribute('srclang'), path).toBe(LOCALE_INFO[locale].htmlLang);
      await expect
        .poll(() =>
          video.evaluate((v: HTMLVideoElement) =>
            [...v.textTracks].filter((t) => t.mode === 'showing').map((t) => t.language),
          ),
        )
        .toEqual(shown ? [] : [LOCALE_INFO[locale].htmlLang]);
      await expect(page.locator('[data-transcript]')).toContainText(transcriptStart(film.slug, locale));
      await expect(page.locator('a[data-film-download]')).toHaveAttribute('href', /^\/_astro\/.+\.mp4$/);
    }
  });
}

test('the film plays in Chromium: its time advances after pressing play', async ({ page }) => {
  for (const film of FILMS) {
    await page.goto(`/nl/videos/${film.slug}/`);
    const video = page.locator('video');
    expect(await video.evaluate((v: HTMLVideoElement) => v.paused && v.currentTime === 0)).toBe(true); // no autoplay
    await video.click(); // Chromium's native controls play on a click on the picture
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
      .toBeGreaterThan(0.5);
    expect(await video.evaluate((v: HTMLVideoElement) => v.error)).toBeNull();
    expect(await video.evaluate((v: HTMLVideoElement) => new URL(v.currentSrc).origin)).toBe(
      new URL(page.url()).origin,
    );
  }
});

for (const locale of LOCALES) {
  test(`each film page in ${locale} plays the version in its own language (the main Dutch film where it has none)`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    for (const film of FILMS) {
      const path = `/${locale}/videos/${film.slug}/`;
      const variant = film.variants?.[locale];
      // The files the editors listed for this language, or the main film's.
      const expected = (variant ?? film).sources.map((s) => s.file);
      const poster = variant?.poster ?? film.poster;
      await page.goto(path);
      const video = page.locator('video');
      await video.click();
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000, message: path })
        .toBeGreaterThan(0.5);
      expect(await video.evaluate((v: HTMLVideoElement) => v.error), path).toBeNull();
      // What plays is byte for byte the file made for this language (its built name carries a hash).
      const played = await video.evaluate((v: HTMLVideoElement) => v.currentSrc);
      const body = Buffer.from(await (await page.request.get(played)).body());
      const match = expected.find((f) => readFileSync(`content/videos/${film.slug}/${f}`).equals(body));
      expect(match, `${path} plays ${new URL(played).pathname}, expected one of ${expected.join(', ')}`).toBeTruthy();
      const posterUrl = (await video.getAttribute('poster'))!;
      const posterBody = Buffer.from(await (await page.request.get(posterUrl)).body());
      expect(
        readFileSync(`content/videos/${film.slug}/${poster}`).equals(posterBody),
        `${path} poster ${posterUrl}`,
      ).toBe(true);
      // The page says in which language the words on screen are.
      if (variant)
        await expect(page.locator(`#film-${film.slug}-captions-note`), path).toContainText(LOCALE_INFO[locale].autonym);
    }
  });
}

test('chapters are links that move the film to their moment', async ({ page }) => {
  for (const film of FILMS) {
    await page.goto(`/fr/videos/${film.slug}/`);
    const links = page.locator('[data-chapters] a');
    await expect(links).toHaveCount(film.chapters.length);
    const last = film.chapters.at(-1)!.start;
    await links.last().click();
    const time = () => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(time).toBeGreaterThanOrEqual(last);
    expect(await time()).toBeLessThan(film.duration);
    await links.first().click();
    await expect.poll(time).toBeLessThan(last);
  }
});

test('a page address ending in #t= opens the film at that moment', async ({ page }) => {
  await page.goto('/en/videos/chain-approach/#t=23');
  await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBe(23);
  expect(await page.locator('video').evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
});

test('without JavaScript the film, its captions and the transcript are there, chapters as text', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of ['/ar/videos/families/', '/ber/families/', '/de/professionals/']) {
    await page.goto(path);
    await expect(page.locator('video source'), path).toHaveCount(2);
    await expect(page.locator('video track'), path).toHaveCount(6);
    await expect(page.locator('[data-transcript] p').first(), path).toBeVisible();
    await expect(page.locator('[data-chapter]').first(), path).toBeVisible();
    await expect(page.locator('[data-chapters] a'), path).toHaveCount(0);
  }
  await context.close();
});

test('the families and professionals pages show their film', async ({ page }) => {
  for (const [path, slug] of [
    ['/nl/families/', 'families'],
    ['/ar/families/', 'families'],
    ['/en/professionals/', 'professionals'],
  ] as const) {
    await page.goto(path);
    await expect(page.locator(`[data-film="${slug}"] video track`), path).toHaveCount(6);
    await expect(page.locator(`a[href="/${path.split('/')[1]}/videos/${slug}/"]`), path).toHaveCount(1);
  }
});

test('the films list links every film in every locale', async ({ page }) => {
  for (const locale of LOCALES) {
    await page.goto(`/${locale}/videos/`);
    for (const film of FILMS) {
      await expect(page.getByRole('link', { name: film.title[locale]!, exact: true })).toHaveAttribute(
        'href',
        `/${locale}/videos/${film.slug}/`,
      );
    }
  }
});

test('a Range request gets 206 with exactly those bytes, and media have the right types and caching', async ({
  page,
  baseURL,
}) => {
  const film = FILMS[0]!;
  const webm = await builtUrl(page, `/nl/videos/${film.slug}/`, /\/_astro\/[\w.-]+\.webm/);
  const original = readFileSync(
    `content/videos/${film.slug}/${film.sources.find((s) => s.file.endsWith('.webm'))!.file}`,
  );
  const partial = await fetch(`${baseURL}${webm}`, { headers: { Range: 'bytes=1000-1999' } });
  expect(partial.status).toBe(206);
  expect(partial.headers.get('accept-ranges')).toBe('bytes');
  expect(partial.headers.get('content-range')).toBe(`bytes 1000-1999/${original.length}`);
  expect(Buffer.from(await partial.arrayBuffer()).equals(original.subarray(1000, 2000))).toBe(true);
  // An open-ended range, as a browser sends when seeking.
  const tail = await fetch(`${baseURL}${webm}`, { headers: { Range: `bytes=${original.length - 10}-` } });
  expect(tail.status).toBe(206);
  expect(Buffer.from(await tail.arrayBuffer()).equals(original.subarray(original.length - 10))).toBe(true);

  const html = await page.content();
  for (const [pattern, type] of [
    [/\/_astro\/[\w.-]+\.webm/, 'video/webm'],
    [/\/_astro\/[\w.-]+\.mp4/, 'video/mp4'],
    [/\/_astro\/captions\.[\w.-]+\.vtt/, 'text/vtt'],
    [/\/_astro\/poster\.[\w.-]+\.jpg/, 'image/jpeg'],
  ] as const) {
    const url = pattern.exec(html)![0];
    const response = await fetch(`${baseURL}${url}`);
    expect(response.status, url).toBe(200);
    expect(response.headers.get('content-type'), url).toContain(type);
    expect(response.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
    await response.arrayBuffer();
  }
});

test('each film page has VideoObject structured data that points at real files', async ({ page, baseURL }) => {
  for (const film of FILMS) {
    await page.goto(`/en/videos/${film.slug}/`);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const video = blocks.map((b) => JSON.parse(b)).find((d) => d['@type'] === 'VideoObject');
    expect(video, film.slug).toBeTruthy();
    expect(video.name).toBe(film.title['en']);
    expect(video.duration).toMatch(/^PT/);
    expect(video.hasPart).toHaveLength(film.chapters.length);
    for (const url of [video.contentUrl, video.thumbnailUrl[0], video.embedUrl]) {
      const response = await fetch(`${baseURL}${new URL(url).pathname}`);
      expect(response.status, url).toBe(200);
      await response.arrayBuffer();
    }
  }
});

test.describe('embedding', () => {
  let partner: Server;
  let partnerOrigin = '';
  test.beforeAll(async ({ baseURL }) => {
    // A partner's website: another origin (another port) whose page frames ours.
    partner = createServer((req, res) => {
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>Partner</title><iframe name="f" src="${baseURL}${src}" width="640" height="600"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    const address = partner.address();
    partnerOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => partner.close(() => resolve())));

  test('another website can frame the embed page, which plays and sets no cookie', async ({
    page,
    context,
    baseURL,
  }) => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(baseURL!) && !r.url().startsWith(partnerOrigin)) foreign.push(r.url());
    });
    const embed = `/embed/videos/families/ar/`;
    await page.goto(`${partnerOrigin}/?src=${encodeURIComponent(embed)}`);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('h1')).toHaveText(FILMS.find((f) => f.slug === 'families')!.title['ar']!);
    await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl');
    // The Arabic version (Arabic on screen), so no captions repeat it; all six can be chosen.
    await expect(frame.locator('video')).toHaveAttribute('data-film-language', 'ar');
    await expect(frame.locator('video track')).toHaveCount(6);
    // The helplines and a way to the full portal, which leaves the partner's frame.
    for (const n of ['1712', '101', '112']) await expect(frame.locator(`a[href="tel:${n}"]`)).toHaveCount(1);
    await expect(frame.locator('a[data-portal-link]')).toHaveAttribute('target', '_blank');
    // A chapter link starts the film (a click inside a cross-origin frame does not reach
    // Chromium's click-to-play on the picture).
    await frame.locator('[data-chapters] a').first().click();
    await expect
      .poll(() => frame.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
      .toBeGreaterThan(0.5);
    expect(await context.cookies()).toEqual([]);
    expect(foreign).toEqual([]);
  });

  test('another website cannot frame any other page', async ({ page }) => {
    for (const path of ['/ar/videos/families/', '/nl/', '/nl/families/']) {
      const refused = page.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
      await page.goto(`${partnerOrigin}/?src=${encodeURIComponent(path)}`);
      await refused;
      // Chromium shows its own error page in the frame instead of ours.
      await expect(page.frameLocator('iframe').locator('[data-safety-bar]'), path).toHaveCount(0);
      await expect(page.frameLocator('iframe').locator('video'), path).toHaveCount(0);
    }
  });

  test('the film page offers the snippet, and only embed responses allow framing', async ({ page, baseURL }) => {
    await page.goto('/de/videos/professionals/');
    const snippet = await page.locator('#embed-code').inputValue();
    const src = /<iframe src="([^"]+)"/.exec(snippet)?.[1];
    expect(src).toBe(`${new URL('/embed/videos/professionals/de/', src).href}`);
    expect(snippet).toContain('title="');
    const embed = await fetch(`${baseURL}/embed/videos/professionals/de/`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('set-cookie')).toBeNull();
    const film = await fetch(`${baseURL}/de/videos/professionals/`);
    expect(film.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(film.headers.get('x-frame-options')).toBe('DENY');
    await Promise.all([embed.arrayBuffer(), film.arrayBuffer()]);
  });
});
