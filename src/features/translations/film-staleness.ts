/**
 * Whether a film's translation is out of date (its title, summary, chapters, captions or
 * transcript were translated from another Dutch text than today's): read at build time from the
 * film's folder and `content/translations/<locale>.json`, as `npm run i18n:report` does.
 * Only for prerendered pages (it reads the content folder).
 */
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales.ts';
import { filmUnit, readSidecar, unitState } from './units.ts';

export function filmOutdated(slug: string, locale: Locale, root = process.cwd()): boolean {
  if (locale === DEFAULT_LOCALE) return false;
  const unit = filmUnit(root, slug, locale);
  return unitState(unit, readSidecar(root, locale).units[unit.key]?.hashes) === 'outdated';
}
