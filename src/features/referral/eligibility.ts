import { z } from 'zod';
import type { TFunction } from 'i18next';
import type { EligibilityAnswers } from './schema.ts';
import type { Answer } from '../locator/locate.ts';
import type { Place } from '../locator/places.ts';
import type { CentreArea } from '../locator/resolve.ts';

/**
 * The eligibility check: a pure function over the answers and the rules file
 * (`content/referral-rules.json`), so the province can change the criteria without code.
 */

export const CRITERIA = ['violence', 'repeated', 'lifeDomains', 'organisations', 'unsafe', 'hardStart'] as const;
export type CriterionId = (typeof CRITERIA)[number];

const criterionRule = z.strictObject({
  required: z.boolean(),
  /** For counted criteria: how many life domains / organisations make it met. */
  minimum: z.number().int().min(1).optional(),
});

export const rulesSchema = z.object({
  checked: z.iso.date(),
  sources: z.array(z.object({ title: z.string().min(1), url: z.union([z.url(), z.literal('')]) })).min(1),
  area: z.object({
    /** The centre (content/centres.json) whose intake receives the referrals. */
    centre: z.string().min(1),
  }),
  criteria: z.object(
    Object.fromEntries(CRITERIA.map((c) => [c, criterionRule])) as Record<CriterionId, typeof criterionRule>,
  ),
  /** How many of the criteria that are not required must be met as well. */
  eligibleWhen: z.object({ optionalMet: z.number().int().min(0) }),
});
export type Rules = z.output<typeof rulesSchema>;

/**
 * Where the family lives, as the locator understood it, for the check (not the locator's own
 * `Area` of `features/locator/areas.ts`, a province or region).
 */
export type ReferralArea =
  | { status: 'served'; place: string }
  | { status: 'other'; place: string; centre: { id: string; name: Record<string, string>; city: string } | null }
  /**
   * Not decided: the intake team checks it (the check does not block on it). `places`: the name is
   * shared by places served by different centres, one of them ours ("Berchem"); `suggestions`: the
   * name was not recognised, and these are the closest names ("Borgerhoud" → Borgerhout). Each is
   * written "name (postcode, municipality)".
   */
  | { status: 'unknown'; places?: string[]; suggestions?: string[] };

/** What the check needs of a centre: the locator's part (`CentreArea`), its names and city. */
export interface CentreRef extends CentreArea {
  name: Record<string, string>;
  city: string;
}

/**
 * The locator's answer for the family's town or postcode, as an area for the check. A postcode
 * range that holds our own area and another one does not decide: the intake team checks.
 */
export function areaFromAnswer(answer: Answer<CentreRef>, ownCentre: string): ReferralArea {
  const ref = (c: CentreRef) => ({ id: c.id, name: c.name, city: c.city });
  // In Dutch, the intake team's language (Sint-Agatha-Berchem, not Berchem-Sainte-Agathe).
  const dutch = (p: { label: string; names: { nl?: string } }) => p.names.nl ?? p.label;
  const describe = (p: Place) => {
    const name = dutch(p);
    const municipality = dutch(p.municipality);
    return `${name} (${[p.postcodes[0], municipality !== name ? municipality : ''].filter(Boolean).join(', ')})`;
  };
  if (answer.kind === 'no-match') {
    const suggestions = answer.suggestions.slice(0, 3).map((h) => describe(h.place));
    return suggestions.length > 0 ? { status: 'unknown', suggestions } : { status: 'unknown' };
  }
  const place =
    answer.kind === 'place'
      ? answer.place.label
      : answer.kind === 'postcode'
        ? answer.postcode
        : answer.kind === 'places'
          ? answer.query
          : '';
  if (answer.kind !== 'place' && answer.kind !== 'postcode' && answer.kind !== 'places') return { status: 'unknown' };
  const o = answer.outcome;
  switch (o.kind) {
    case 'served':
      return o.centre.id === ownCentre
        ? { status: 'served', place }
        : { status: 'other', place, centre: ref(o.centre) };
    case 'choose':
    case 'unconfirmed':
      if (!o.candidates.some((c) => c.id === ownCentre)) return { status: 'other', place, centre: null };
      // A shared name: say which places it may mean, so the referrer can add the postcode.
      return answer.kind === 'places'
        ? { status: 'unknown', places: answer.places.map((p) => describe(p.place)) }
        : { status: 'unknown' };
    case 'none':
      return { status: 'other', place, centre: null };
  }
}

/** What the check says about a referral (not the locator's `Outcome`, which centre serves a place). */
export type Eligibility = 'urgent' | 'eligible' | 'not-eligible' | 'other-area';

export interface CriterionResult {
  id: CriterionId;
  required: boolean;
  /** `unknown` when the referrer answered "don't know". */
  state: 'met' | 'not-met' | 'unknown';
  /** For counted criteria: how many were ticked, and how many are needed. */
  count?: number;
  minimum?: number;
}

export interface Assessment {
  outcome: Eligibility;
  /** Flag the referral urgent (acute danger now). */
  urgent: boolean;
  criteria: CriterionResult[];
  /** How many optional criteria are met, and how many are needed. */
  optionalMet: number;
  optionalNeeded: number;
  area: ReferralArea;
}

const triState = (v: 'yes' | 'no' | 'unknown'): CriterionResult['state'] =>
  v === 'yes' ? 'met' : v === 'no' ? 'not-met' : 'unknown';

/**
 * Assess the answers. Acute danger comes first (call 101/112 now, then refer), then the area,
 * then the criteria.
 * @example assess(answers, rules, { status: 'served', place: 'Antwerpen' }).outcome // => 'eligible'
 */
export function assess(answers: EligibilityAnswers, rules: Rules, area: ReferralArea): Assessment {
  const organisations =
    answers.organisations.involved.filter((o) => o !== 'other').length +
    (answers.organisations.involved.includes('other') || answers.organisations.other !== '' ? 1 : 0);
  const counted = (id: 'lifeDomains' | 'organisations', count: number): CriterionResult => {
    const minimum = rules.criteria[id].minimum ?? 1;
    return { id, required: rules.criteria[id].required, state: count >= minimum ? 'met' : 'not-met', count, minimum };
  };
  const criteria: CriterionResult[] = [
    {
      id: 'violence',
      required: rules.criteria.violence.required,
      state: answers.violence.forms.length > 0 ? 'met' : 'not-met',
    },
    { id: 'repeated', required: rules.criteria.repeated.required, state: triState(answers.violence.repeated) },
    counted('lifeDomains', answers.lifeDomains.length),
    counted('organisations', organisations),
    { id: 'unsafe', required: rules.criteria.unsafe.required, state: triState(answers.situation.unsafe) },
    { id: 'hardStart', required: rules.criteria.hardStart.required, state: triState(answers.situation.hardStart) },
  ];
  const requiredMet = criteria.filter((c) => c.required).every((c) => c.state === 'met');
  const optionalMet = criteria.filter((c) => !c.required && c.state === 'met').length;
  const optionalNeeded = rules.eligibleWhen.optionalMet;
  const urgent = answers.safety.acuteDanger === 'yes';

  let outcome: Eligibility;
  if (urgent) outcome = 'urgent';
  else if (area.status === 'other') outcome = 'other-area';
  else outcome = requiredMet && optionalMet >= optionalNeeded ? 'eligible' : 'not-eligible';
  return { outcome, urgent, criteria, optionalMet, optionalNeeded, area };
}

/** A referral the check does not support needs a short motivation: the intake team decides. */
export const needsMotivation = (a: Assessment): boolean => a.outcome === 'not-eligible' || a.outcome === 'other-area';

/**
 * The tally as a person says it: "5 of the other criteria are met. This website asks for at least 3."
 * Two sentences, each pluralised by i18next on its own number (`_zero`, `_one`, `_two`, `_few`,
 * `_many`, `_other` as the locale's plural rules need; `ber` has no CLDR rules of its own, so
 * its file holds every category and reads the same whichever rules the host falls back to).
 */
export function optionalTally(t: TFunction, a: Pick<Assessment, 'optionalMet' | 'optionalNeeded'>): string {
  return `${t('outcome.optionalMet', { count: a.optionalMet })} ${t('outcome.optionalNeeded', { count: a.optionalNeeded })}`;
}
