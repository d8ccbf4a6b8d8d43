import { areaOfNis, type Region } from './areas.ts';
import type { Answer } from './locate.ts';
import type { Place } from './places.ts';
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
  /** Fields no source confirms: shown as "to be confirmed". */
  toConfirm: string[];
}

/** What a page shows of a centre (`content/centres.json`, checked by `centreSchema`), in one language. */
export function centreView(c: Centre, locale: NameLocale): CentreView {
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
    toConfirm: (c.toConfirm ?? []).map((x) => x.field),
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

/** The query that finds exactly this place: "2140 Borgerhout". */
export function placeQuery(place: Place, name = place.label): string {
  return place.kind === 'merged' ? name : `${place.postcodes[0] ?? ''} ${name}`.trim();
}

/**
 * Where a place lies, in words: "Borgerhout (2140) is part of Antwerpen", "Knesselare is part of
 * Aalter since 2019", "Pelt was formed in 2019 from Neerpelt and Overpelt".
 */
export function whereIs(place: Place, t: T, locale: NameLocale): string {
  const name = placeName(place, locale);
  const postcode = place.postcodes.join(', ');
  const m = place.municipality;
  if (place.kind === 'merged') {
    const merger = m.merger;
    const members = place.members.map((x) => placeName(x, locale)).join(', ');
    return t('answer.mergedNew', { place: name, year: merger?.year ?? '', members });
  }
  const parts: string[] = [];
  if (place.kind === 'special')
    parts.push(t('answer.special', { postcode, name: place.label, municipality: placeName(m, locale) }));
  else if (place.kind === 'sub')
    parts.push(t('answer.partOf', { place: name, postcode, municipality: placeName(m, locale) }));
  else parts.push(t('answer.municipality', { place: name, postcode }));
  if (m.merger)
    parts.push(t('answer.merged', { municipality: placeName(m, locale), merger: m.merger.name, year: m.merger.year }));
  return parts.join(' ');
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
      if (o.kind === 'unconfirmed' && o.moved)
        return { reason: '', message: `${t('answer.moved', { place })} ${t('answer.askHelp')}` };
      return { reason: '', message: `${t('answer.unconfirmed', { place })} ${t('answer.askHelp')}` };
    }
    case 'places':
      return { reason: '', message: t('answer.shared', { query: answer.query }) };
    case 'postcode': {
      const area = t(`areas.${answer.area.id}`);
      const o = answer.outcome;
      if (o.kind === 'served') {
        return {
          reason: t('answer.postcodeServed', { postcode: answer.postcode, area, centre: o.centre.name }),
          message: '',
        };
      }
      if (o.kind === 'none') {
        return {
          reason: '',
          message: `${t('answer.postcodeNone', { postcode: answer.postcode, area })} ${t('answer.noneHelp')}`,
        };
      }
      if (o.kind === 'unconfirmed') {
        return {
          reason: '',
          message: `${t('answer.postcodeUnconfirmed', { postcode: answer.postcode, area })} ${t('answer.askHelp')}`,
        };
      }
      return { reason: '', message: t('answer.postcodeChoose', { postcode: answer.postcode, area }) };
    }
  }
}
