import nl from '../../../locales/nl/referral.json' with { type: 'json' };
import type { Assessment } from './eligibility.ts';
import type { Referral } from './schema.ts';

/**
 * The message to the intake team, composed without sending (pure, tested on its own):
 * in Dutch, the intake team's language; names never in the subject (subjects show up in
 * notification previews and mail logs); the referral itself as a JSON attachment.
 */

/** What the intake receives as machine-readable JSON (also the webhook body). */
export interface IntakeEnvelope {
  reference: string;
  receivedAt: string;
  urgent: boolean;
  outcome: Assessment['outcome'];
  criteria: Assessment['criteria'];
  area: Assessment['area'];
  referral: Referral;
}

export interface IntakeMessage {
  from: string;
  to: string;
  subject: string;
  messageId: string;
  text: string;
  headers: Record<string, string>;
  attachments: { filename: string; content: string; contentType: string }[];
}

/**
 * A stable Message-ID from the reference: a redelivery after a crash carries the same one,
 * so the intake mailbox can drop the duplicate.
 * @example messageIdFor('CO3-7KD3-QX9M', 'portal@co3.example') // => '<co3-7kd3-qx9m@co3.example>'
 */
export function messageIdFor(reference: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'co3.invalid';
  return `<${reference.toLowerCase()}@${domain}>`;
}

const OUTCOME_NL: Record<Assessment['outcome'], string> = {
  urgent: 'dringend (acuut gevaar)',
  eligible: 'voldoet aan de criteria',
  'not-eligible': 'voldoet niet aan alle criteria (motivatie bijgevoegd)',
  'other-area': 'buiten het werkgebied (motivatie bijgevoegd)',
};

export function subjectFor(reference: string, assessment: Assessment): string {
  return `${assessment.urgent ? 'DRINGEND · ' : ''}Doorverwijzing CO3 ${reference} · ${OUTCOME_NL[assessment.outcome]}`;
}

type Options = typeof nl.options;
const label = <K extends keyof Options>(group: K, value: string): string =>
  (nl.options[group] as Record<string, string>)[value] ?? value;
const list = <K extends keyof Options>(group: K, values: readonly string[]): string =>
  values.length === 0 ? '(geen aangeduid)' : values.map((v) => label(group, v)).join(', ');
const orEmpty = (v: string): string => (v.trim() === '' ? '(niet ingevuld)' : v);

export function composeIntakeMessage(args: {
  reference: string;
  receivedAt: Date;
  referral: Referral;
  assessment: Assessment;
  from: string;
  to: string;
}): IntakeMessage {
  const { reference, receivedAt, referral: r, assessment: a } = args;
  const f = nl.fields;
  const tri = (v: string) => label('triState', v);
  const lines: string[] = [
    `Doorverwijzing ${reference}`,
    `Ontvangen: ${receivedAt.toISOString()}`,
    `Resultaat van de check: ${OUTCOME_NL[a.outcome]}`,
    '',
    'CRITERIA',
    ...a.criteria.map(
      (c) =>
        `- ${nl.outcome.criteria[c.id].replace('{{minimum}}', String(c.minimum ?? '')).replace('{{count}}', String(c.count ?? ''))}: ${nl.outcome.state[c.state]}`,
    ),
    a.area.status === 'other'
      ? `- Woonplaats buiten het werkgebied: ${a.area.place}${a.area.centre ? ` (${a.area.centre.name.nl ?? a.area.centre.id})` : ''}`
      : a.area.status === 'unknown'
        ? '- Woonplaats niet herkend: na te kijken'
        : `- Woonplaats in het werkgebied: ${a.area.place}`,
    '',
    nl.sections.referrer.toUpperCase(),
    `${f.referrer.name.label}: ${r.referrer.name}`,
    `${f.referrer.organisation.label}: ${r.referrer.organisation}`,
    `${f.referrer.role.label}: ${label('role', r.referrer.role)}`,
    `${f.referrer.email.label}: ${r.referrer.email}`,
    `${f.referrer.phone.label}: ${r.referrer.phone}`,
    `${f.referrer.callback.label}: ${label('callback', r.referrer.callback)}`,
    `${f.referrer.callbackTimes.label}: ${orEmpty(r.referrer.callbackTimes)}`,
    '',
    nl.sections.family.toUpperCase(),
    `${f.family.location.label}: ${r.family.location}`,
    `${f.family.adults.label}: ${r.family.adults}`,
    `${f.family.children.label}: ${r.family.children.length === 0 ? 'geen kinderen' : r.family.children.join(', ')}`,
    `${f.family.languages.label}: ${orEmpty(r.family.languages)}`,
    `${f.family.interpreter.label}: ${r.family.interpreter ? 'ja' : 'nee'}`,
    '',
    nl.sections.violence.toUpperCase(),
    `${f.violence.forms.label} ${list('forms', r.violence.forms)}`,
    ...(r.violence.otherForm ? [`${f.violence.otherForm.label} ${r.violence.otherForm}`] : []),
    `${f.violence.repeated.label} ${tri(r.violence.repeated)}`,
    `${f.violence.victim.label} ${r.violence.victim}`,
    `${f.violence.perpetrator.label} ${r.violence.perpetrator}`,
    `${f.violence.childWitness.label} ${tri(r.violence.childWitness)}`,
    '',
    nl.sections.organisations.toUpperCase(),
    list('organisations', r.organisations.involved),
    ...(r.organisations.other ? [`${f.organisations.other.label}: ${r.organisations.other}`] : []),
    '',
    nl.sections.lifeDomains.toUpperCase(),
    list('lifeDomains', r.lifeDomains),
    '',
    nl.sections.protective.toUpperCase(),
    list('protective', r.protective),
    '',
    nl.sections.situation.toUpperCase(),
    `${f.situation.unsafe.label} ${tri(r.situation.unsafe)}`,
    `${f.situation.hardStart.label} ${tri(r.situation.hardStart)}`,
    '',
    nl.sections.safety.toUpperCase(),
    `${f.safety.acuteDanger.label} ${label('yesNo', r.safety.acuteDanger)}`,
    `${f.safety.weapons.label} ${tri(r.safety.weapons)}`,
    `${f.safety.threats.label} ${tri(r.safety.threats)}`,
    `${f.safety.childrenPresent.label} ${tri(r.safety.childrenPresent)}`,
    `${f.safety.recentEscalation.label} ${tri(r.safety.recentEscalation)}`,
    '',
    nl.sections.sharing.toUpperCase(),
    `${f.sharing.familyInformed.label} ${label('yesNo', r.sharing.familyInformed)}`,
    `${f.sharing.legalBasis.label} ${label('legalBasis', r.sharing.legalBasis)}`,
    '',
    nl.sections.description.toUpperCase(),
    r.description,
    ...(r.motivation ? ['', nl.fields.motivation.label.toUpperCase(), r.motivation] : []),
    '',
    '--',
    `De volledige doorverwijzing staat als JSON in de bijlage ${reference}.json.`,
  ];
  const envelope: IntakeEnvelope = {
    reference,
    receivedAt: receivedAt.toISOString(),
    urgent: a.urgent,
    outcome: a.outcome,
    criteria: a.criteria,
    area: a.area,
    referral: r,
  };
  return {
    from: args.from,
    to: args.to,
    subject: subjectFor(reference, a),
    messageId: messageIdFor(reference, args.from),
    text: lines.join('\n'),
    headers: {
      'X-CO3-Reference': reference,
      ...(a.urgent ? { Priority: 'urgent', Importance: 'high', 'X-Priority': '1' } : {}),
    },
    attachments: [{ filename: `${reference}.json`, content: JSON.stringify(envelope, null, 2), contentType: 'application/json' }],
  };
}
