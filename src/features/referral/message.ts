import nl from '../../../locales/nl/referral.json' with { type: 'json' };
import type { Assessment } from './eligibility.ts';
import { MAIL_SECTIONS, REFERRAL_QUESTIONS, type MailSectionId, type OptionGroup, type Question } from './questions.ts';
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

const label = (group: OptionGroup, value: string): string =>
  (nl.options[group] as Record<string, string>)[value] ?? value;
const list = (group: OptionGroup, values: readonly string[]): string =>
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

const UNSEEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters the mail must not carry
  /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: vertical tab and form feed break a line too
const BREAKS = /\r\n|[\r\n\u000B\u000C\u0085\u2028\u2029]/u;

/** An answer as the lines the mail shows, each behind the bar. */
export function answerLines(value: string): string[] {
  const shown = value
    .replace(UNSEEN, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`)
    .replace(/\t/g, '    ');
  const lines = shown.split(BREAKS);
  return (value.trim() === '' ? ['(niet ingevuld)'] : lines).map((l) => `${ANSWER_PREFIX}${l}`.trimEnd());
}

const field = (name: string, value: string): string[] => [`${name}:`, ...answerLines(value)];

const valueAt = (r: Referral, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], r);

/** An answer as the mail says it, in Dutch: option labels, lists, "geen kinderen", ja/nee. */
function shown(q: Question, value: unknown): string {
  switch (q.kind) {
    case 'select':
    case 'radio':
      return label(q.group, String(value));
    case 'checkboxes':
      return list(q.group, value as string[]);
    case 'ages':
      return (value as number[]).length === 0 ? 'geen kinderen' : (value as number[]).join(', ');
    case 'checkbox':
      return value ? 'ja' : 'nee';
    default:
      return String(value);
  }
}

/** The mail's sections in order, each with its questions in the mail's order. */
const MAIL: [MailSectionId, Question[]][] = (Object.keys(MAIL_SECTIONS) as MailSectionId[]).map((section) => {
  const rows: Question[] = REFERRAL_QUESTIONS.filter((q) => q.mail.section === section);
  const rank = (q: Question) => q.mail.order ?? rows.indexOf(q) + 1;
  return [section, [...rows].sort((a, b) => rank(a) - rank(b))];
});

export function composeIntakeMessage(args: {
  reference: string;
  receivedAt: Date;
  referral: Referral;
  assessment: Assessment;
  from: string;
  to: string;
}): IntakeMessage {
  const { reference, receivedAt, referral: r, assessment: a } = args;

  // What calls for haste, when answered yes: first in the mail, before anything else.
  const urgentNow = MAIL.flatMap(([, rows]) => rows)
    .filter((q) => q.mail.haste && valueAt(r, q.path) === 'yes')
    .map((q) => q.mail.haste!);
  const firstRead: string[] = [
    ...(urgentNow.length > 0
      ? [heading('EERST LEZEN: VEILIGHEID'), ...field('Met ja beantwoord', urgentNow.join('\n')), '']
      : []),
    ...(r.sharing.legalBasis === 'ask-intake'
      ? [
          heading('EERST LEZEN: WETTELIJKE BASIS'),
          ...field(
            'De doorverwijzer is niet zeker op welke basis hij deelt',
            'Neem eerst contact op met de doorverwijzer, voor de doorverwijzing verder wordt behandeld.',
          ),
          '',
        ]
      : []),
  ];
  const answers = MAIL.flatMap(([section, rows]) => {
    const lines = rows.flatMap((q) => {
      const value = valueAt(r, q.path);
      return q.mail.omitEmpty && (value === '' || value === undefined) ? [] : field(q.mail.label, shown(q, value));
    });
    return lines.length === 0 ? [] : [heading(MAIL_SECTIONS[section]), ...lines, ''];
  });

  const lines: string[] = [
    `Doorverwijzing ${reference}`,
    `Ontvangen: ${receivedAt.toISOString()}`,
    `Indicatie van de check: ${OUTCOME_NL[a.outcome]}`,
    '',
    ...firstRead,
    ...answers,
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
    attachments: [
      { filename: `${reference}.json`, content: JSON.stringify(envelope, null, 2), contentType: 'application/json' },
    ],
  };
}
