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
  eligible: 'indicatie: past mogelijk (drempels van de portal vervuld)',
  'not-eligible': 'indicatie: drempels van de portal niet vervuld (motivatie bijgevoegd)',
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

/**
 * The mail's layout, for its reader, the intake team. Every heading is `=== NAME ===` at the
 * start of a line, every label is a fixed text of ours ending in a colon, and every line of an
 * answer starts with `ANSWER_PREFIX`. An answer therefore can never look like a heading, a label
 * or another answer, however many lines it has or what they say: whatever it holds, each of its
 * lines is behind the bar. Line breaks of every kind (CR, LS, PS, NEL, VT, FF) become one kind,
 * and control and bidirectional formatting characters are shown as `[U+XXXX]`, so nothing in an
 * answer can move text around on the reader's screen either.
 */
export const ANSWER_PREFIX = '  | ';
export const heading = (name: string): string => `=== ${name} ===`;

const UNSEEN = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/gu;
const BREAKS = /\r\n|[\r\n\u000B\u000C\u0085\u2028\u2029]/u;

/** An answer as the lines the mail shows, each behind the bar. */
export function answerLines(value: string): string[] {
  const shown = value.replace(UNSEEN, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`).replace(/\t/g, '    ');
  const lines = shown.split(BREAKS);
  return (value.trim() === '' ? ['(niet ingevuld)'] : lines).map((l) => `${ANSWER_PREFIX}${l}`.trimEnd());
}

const field = (name: string, value: string): string[] => [`${name}:`, ...answerLines(value)];

export function composeIntakeMessage(args: {
  reference: string;
  receivedAt: Date;
  referral: Referral;
  assessment: Assessment;
  from: string;
  to: string;
}): IntakeMessage {
  const { reference, receivedAt, referral: r, assessment: a } = args;
  const tri = (v: string) => label('triState', v);

  // What calls for haste, when answered yes: first in the mail, before anything else.
  const haste: [string, boolean][] = [
    ['Acuut gevaar nu (de doorverwijzer moest eerst 101 of 112 bellen)', r.safety.acuteDanger === 'yes'],
    ['Wapens in huis of er is met wapens gedreigd', r.safety.weapons === 'yes'],
    ['Er zijn bedreigingen geuit', r.safety.threats === 'yes'],
    ['Het geweld is de laatste tijd erger geworden', r.safety.recentEscalation === 'yes'],
    ['Er wonen kinderen in het huis waar het geweld nu gebeurt', r.safety.childrenPresent === 'yes'],
  ];
  const urgentNow = haste.filter(([, yes]) => yes).map(([what]) => what);
  const firstRead: string[] = [
    ...(urgentNow.length > 0 ? [heading('EERST LEZEN: VEILIGHEID'), ...field('Met ja beantwoord', urgentNow.join('\n')), ''] : []),
    ...(r.sharing.legalBasis === 'ask-intake'
      ? [heading('EERST LEZEN: WETTELIJKE BASIS'), ...field('De doorverwijzer is niet zeker op welke basis hij deelt', 'Neem eerst contact op met de doorverwijzer, voor de doorverwijzing verder wordt behandeld.'), '']
      : []),
  ];

  const lines: string[] = [
    `Doorverwijzing ${reference}`,
    `Ontvangen: ${receivedAt.toISOString()}`,
    `Indicatie van de check: ${OUTCOME_NL[a.outcome]}`,
    '',
    ...firstRead,
    heading('DOORVERWIJZER'),
    ...field('Naam van de doorverwijzer', r.referrer.name),
    ...field('Organisatie', r.referrer.organisation),
    ...field('Functie', label('role', r.referrer.role)),
    ...field('E-mail (werk)', r.referrer.email),
    ...field('Telefoon', r.referrer.phone),
    ...field('Wil teruggecontacteerd worden', label('callback', r.referrer.callback)),
    ...field('Best bereikbaar', r.referrer.callbackTimes),
    '',
    heading('GEZIN'),
    ...field('Gemeente of postcode van het gezin', r.family.location),
    ...field('Aantal volwassenen', String(r.family.adults)),
    ...field('Leeftijden van de kinderen', r.family.children.length === 0 ? 'geen kinderen' : r.family.children.join(', ')),
    ...field('Talen van het gezin', r.family.languages),
    ...field('Tolk nodig', r.family.interpreter ? 'ja' : 'nee'),
    '',
    heading('GEWELD'),
    ...field('Vormen van geweld', list('forms', r.violence.forms)),
    ...(r.violence.otherForm ? field('Ander geweld', r.violence.otherForm) : []),
    ...field('Herhaaldelijk', tri(r.violence.repeated)),
    ...field('Wie ondergaat het geweld (band en leeftijd)', r.violence.victim),
    ...field('Wie pleegt het geweld (band en leeftijd)', r.violence.perpetrator),
    ...field('Kinderen hebben het geweld gezien of gehoord (ook vroeger)', tri(r.violence.childWitness)),
    '',
    heading('VEILIGHEID'),
    ...field('Acuut gevaar nu', label('yesNo', r.safety.acuteDanger)),
    ...field('Wapens in huis of met wapens gedreigd', tri(r.safety.weapons)),
    ...field('Bedreigingen geuit', tri(r.safety.threats)),
    ...field('Geweld de laatste tijd erger', tri(r.safety.recentEscalation)),
    ...field('Kinderen wonen in het huis waar het geweld nu gebeurt', tri(r.safety.childrenPresent)),
    '',
    heading('SITUATIE'),
    ...field('Betrokken organisaties', list('organisations', r.organisations.involved)),
    ...(r.organisations.other ? field('Andere organisaties', r.organisations.other) : []),
    ...field('Problemen op levensdomeinen', list('lifeDomains', r.lifeDomains)),
    ...field('Beschermende factoren', list('protective', r.protective)),
    ...field('Onveilig of zorgwekkend voor slachtoffers en kinderen', tri(r.situation.unsafe)),
    ...field('Hulp of gerechtelijke procedure moeilijk op gang', tri(r.situation.hardStart)),
    '',
    heading('DELEN VAN INFORMATIE'),
    ...field('Het gezin weet van de doorverwijzing', label('yesNo', r.sharing.familyInformed)),
    ...field('Wettelijke basis volgens de doorverwijzer', label('legalBasis', r.sharing.legalBasis)),
    '',
    heading('BESCHRIJVING DOOR DE DOORVERWIJZER'),
    ...field('Beschrijving', r.description),
    ...(r.motivation ? ['', heading('MOTIVATIE'), ...field('Waarom toch doorverwezen', r.motivation)] : []),
    '',
    heading('CHECK (INDICATIE, DREMPELS VAN DE PORTAL)'),
    ...a.criteria.map(
      (c) =>
        `- ${c.id}: ${nl.outcome.state[c.state]}${c.minimum !== undefined ? ` (${c.count} aangeduid, drempel ${c.minimum})` : ''}${c.required ? ' (vereist)' : ''}`,
    ),
    `- andere criteria vervuld: ${a.optionalMet}, drempel ${a.optionalNeeded}`,
    a.area.status === 'other'
      ? `- woonplaats buiten het werkgebied${a.area.centre ? `: ${a.area.centre.name.nl ?? a.area.centre.id}` : ''}`
      : a.area.status === 'unknown'
        ? a.area.places
          ? `- woonplaats: naam van meerdere plaatsen (${a.area.places.join('; ')}): na te kijken`
          : '- woonplaats niet herkend: na te kijken'
        : '- woonplaats in het werkgebied',
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
