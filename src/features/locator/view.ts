import { areaOfNis, type Region } from './areas.ts';
import type { Answer } from './locate.ts';
import { placeName, type NameLocale } from './places.ts';
import type { CentreArea } from './resolve.ts';
import type { Centre } from '../../content/schemas.ts';

/** A centre as a page in one language shows it: every text already in that language. */
export interface CentreView extends CentreArea {
  order: number;
  name: string;
  formerName: string;
  city: string;
  lon: number;
  lat: number;
  region: string;
  /** Flanders, Brussels or Wallonia, from what it serves. */
  part: Region;
  status: 'active' | 'paused' | 'planned';
  notes: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  hours: string;
  referral: string;
  sources: string[];
  checked: string;
}

/** A centre as the content collection holds it (`content/centres.json`, checked by `centreSchema`). */
export type CentreInput = Centre;

export function centreView(c: CentreInput, locale: NameLocale): CentreView {
  const first = c.serves[0] ?? '';
  return {
    id: c.id,
    serves: c.serves,
    order: c.order,
    name: c.name[locale],
    formerName: c.formerName,
    city: c.city,
    lon: c.coordinates[0],
    lat: c.coordinates[1],
    region: c.region[locale],
    part: areaOfNis(first.padEnd(5, '0'))?.region ?? 'flanders',
    status: c.status,
    notes: c.notes?.[locale] ?? '',
    address: c.address,
    phone: c.phone,
    email: c.email,
    website: c.website,
    hours: c.hours,
    referral: c.referral,
    sources: c.sources,
    checked: c.checked,
  };
}

export interface HelplineView {
  id: string;
  number: string;
  tel: string;
  label: string;
  note: string;
}

export type Strings = Record<string, unknown>;
export type T = (key: string, vars?: Record<string, string | number>) => string;

/**
 * A small `t` over one namespace's strings, with i18next's `{{name}}` interpolation. The
 * island uses it instead of shipping i18next (about 18 kB gzip) for a dozen sentences; the
 * strings still live in `locales/<l>/centres.json`, where the build checks every key.
 */
export function makeT(strings: Strings): T {
  return (key, vars = {}) => {
    let node: unknown = strings;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ''));
  };
}

/**
 * The answer in words, for the JSON endpoint: why a centre serves the place, or a message when
 * none does or the query was not understood.
 */
export function describe(answer: Answer<CentreView>, t: T, locale: NameLocale): { reason: string; message: string } {
  switch (answer.kind) {
    case 'empty':
      return { reason: '', message: t('answer.empty') };
    case 'too-long':
      return { reason: '', message: t('answer.tooLong') };
    case 'bad-postcode':
      return { reason: '', message: t('answer.badPostcode', { postcode: answer.postcode }) };
    case 'no-match':
      return { reason: '', message: `${t('answer.noMatch', { query: answer.query })} ${t('answer.noMatchHelp')}` };
    case 'place': {
      const place = placeName(answer.place, locale);
      const o = answer.outcome;
      if (o.kind === 'served') {
        return {
          reason:
            o.via === 'municipality'
              ? t('answer.reasonMunicipality', { place, centre: o.centre.name })
              : t('answer.reason', { place, region: o.centre.region }),
          message: '',
        };
      }
      if (o.kind === 'none') return { reason: '', message: `${t('answer.none', { place })} ${t('answer.noneHelp')}` };
      return { reason: '', message: `${t('answer.unconfirmed', { place })} ${t('answer.askHelp')}` };
    }
    case 'postcode': {
      const area = t(`areas.${answer.area.id}`);
      const o = answer.outcome;
      if (o.kind === 'served') {
        return { reason: t('answer.postcodeServed', { postcode: answer.postcode, area, centre: o.centre.name }), message: '' };
      }
      if (o.kind === 'none') {
        return { reason: '', message: `${t('answer.postcodeNone', { postcode: answer.postcode, area })} ${t('answer.noneHelp')}` };
      }
      return { reason: '', message: t('answer.postcodeChoose', { postcode: answer.postcode, area }) };
    }
  }
}
