import { createHash } from 'node:crypto';

/** Bump when the card template in scripts/make-images.ts changes, so every card is remade. */
export const CARD_TEMPLATE_VERSION = 1;

export interface CardInput {
  slug: string;
  locale: string;
  title: string;
  cardText: string;
}

/** Fingerprint of what a card shows: a stale PNG (text changed, card not remade) fails the tests. */
export function cardHash(card: CardInput): string {
  return createHash('sha256')
    .update(JSON.stringify([CARD_TEMPLATE_VERSION, card.slug, card.locale, card.title, card.cardText]))
    .digest('hex')
    .slice(0, 16);
}

/** Reads the card inputs from campaign Markdown files (content/campaigns/<locale>/<slug>.md). */
export function parseCampaign(id: string, frontmatter: Record<string, unknown>): CardInput {
  const [locale = '', slug = ''] = id.replace(/\.md$/, '').split('/');
  return { slug, locale, title: String(frontmatter['title'] ?? ''), cardText: String(frontmatter['cardText'] ?? '') };
}
