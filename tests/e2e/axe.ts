import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** What the site is checked against: WCAG 2.2 level A and AA (axe's tags for 2.0, 2.1 and 2.2). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe on the loaded page: each WCAG 2.2 AA violation as "rule: targets". Only violations are
 * collected (`resultTypes`), which spares axe listing every passing node. (`options` replaces
 * the builder's options, so it comes before `withTags`.) `setLegacyMode` runs `axe.run` in the
 * page itself: the default opens a blank page per check and loads axe into it a second time,
 * to merge results from cross-origin frames, which the site never has (no iframes but the
 * partner player, whose page is checked on its own).
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
