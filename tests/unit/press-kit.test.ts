import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { cardHash } from '../../src/lib/og-card.ts';
import { readCampaignCards } from '../../tools/campaign-cards.ts';

const cards = readCampaignCards(process.cwd());
const manifest = JSON.parse(readFileSync('public/og/manifest.json', 'utf8')) as Record<string, string>;

describe('campaign cards', () => {
  it('exist for every campaign in every language', () => {
    const slugs = [...new Set(cards.map((c) => c.slug))];
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      for (const locale of LOCALES) {
        expect(existsSync(`public/og/${slug}.${locale}.png`), `${slug}.${locale}.png`).toBe(true);
      }
    }
  });

  it('show the current campaign text (run `npm run images` after editing a campaign)', () => {
    for (const card of cards) {
      expect(manifest[`${card.slug}.${card.locale}.png`], `${card.slug}.${card.locale}`).toBe(cardHash(card));
    }
  });

  it('are real PNG images of 1200 × 630', () => {
    for (const file of Object.keys(manifest)) {
      const png = readFileSync(`public/og/${file}`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });
});
