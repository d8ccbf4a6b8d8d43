import { getCentres, getRegionalHelplines } from '../../content/centres';
import { namespaceFor } from '../../i18n/strings';
import type { Locale } from '../../i18n/locales';
import { placesIndex } from './data.ts';
import { centreView, type HelplineView } from './view.ts';

/**
 * What the locator page and endpoint need for one language: the places index, the centres and
 * regional helplines in that language (from the content collections), and the UI strings.
 */
export async function locatorContext(locale: Locale) {
  const centres = (await getCentres()).map((c) => centreView(c, locale));
  const helplines: HelplineView[] = (await getRegionalHelplines()).map((h) => ({
    id: h.id,
    number: h.number,
    tel: h.tel,
    label: h.label[locale],
    note: h.note[locale],
  }));
  return { index: placesIndex(), centres, helplines, strings: namespaceFor(locale, 'centres') };
}
