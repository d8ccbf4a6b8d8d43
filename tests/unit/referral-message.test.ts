import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import rulesJson from '../fixtures/referral-rules.json';
import { assess, rulesSchema } from '../../src/features/referral/eligibility.ts';
import { ANSWER_PREFIX, composeIntakeMessage, messageIdFor } from '../../src/features/referral/message.ts';
import type { Referral } from '../../src/features/referral/schema.ts';
import { eligibilityFromReferral, referralSchema } from '../../src/features/referral/schema.ts';
import { webhookSignature } from '../../src/features/referral/gateways.server.ts';

const referral = referralSchema.parse(JSON.parse(readFileSync('docs/referral.example.json', 'utf8')));
const rules = rulesSchema.parse(rulesJson);
const compose = (r = referral) =>
  composeIntakeMessage({
    reference: 'CO3-7KD3-QX9M',
    receivedAt: new Date('2026-11-23T10:00:00Z'),
    referral: r,
    assessment: assess(eligibilityFromReferral(r), rules, { status: 'served', place: 'Antwerpen' }),
    from: 'CO3 portal <portal@co3.example>',
    to: 'intake@co3.example',
  });

describe('the message to the intake team', () => {
  it('carries the reference and outcome in the subject, and no names', () => {
    const m = compose();
    expect(m.subject).toContain('CO3-7KD3-QX9M');
    for (const personal of [
      referral.referrer.name,
      'Peeters',
      referral.referrer.email,
      referral.violence.victim,
      referral.family.location,
    ]) {
      expect(m.subject).not.toContain(personal);
    }
  });

  it('flags an urgent referral in the subject and headers', () => {
    const urgent = { ...referral, safety: { ...referral.safety, acuteDanger: 'yes' as const } };
    const m = compose(urgent);
    expect(m.subject.startsWith('DRINGEND')).toBe(true);
    expect(m.headers.Priority).toBe('urgent');
  });

  it('has a Dutch summary a person can read', () => {
    const m = compose();
    expect(m.text).toContain('Partnergeweld, Kindermishandeling');
    expect(m.text).toContain(referral.description);
    expect(m.text).toContain('Toestemming: het gezin weet het en stemt in');
  });

  it('attaches the referral as JSON that parses back to the same referral, through real MIME', async () => {
    const m = compose();
    const built = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(m);
    const parsed = await simpleParser(built.message as Buffer);
    expect(parsed.messageId).toBe('<co3-7kd3-qx9m@co3.example>');
    const attachment = parsed.attachments.find((a) => a.filename === 'CO3-7KD3-QX9M.json');
    const envelope = JSON.parse(attachment!.content.toString('utf8'));
    expect(envelope.reference).toBe('CO3-7KD3-QX9M');
    expect(referralSchema.parse(envelope.referral)).toEqual(referral);
  });

  it('derives a stable Message-ID from the reference, so a redelivery is recognisable', () => {
    expect(messageIdFor('CO3-7KD3-QX9M', 'portal@co3.example')).toBe(
      messageIdFor('CO3-7KD3-QX9M', 'Portal <portal@co3.example>'),
    );
    expect(compose().messageId).toBe(compose().messageId);
  });

  it('signs webhooks over timestamp and body, so a change to either breaks the signature', () => {
    const a = webhookSignature('s'.repeat(32), '1700000000', '{"a":1}');
    expect(a).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(webhookSignature('s'.repeat(32), '1700000001', '{"a":1}')).not.toBe(a);
    expect(webhookSignature('s'.repeat(32), '1700000000', '{"a":2}')).not.toBe(a);
  });
});

/**
 * The mail's text as its reader sees it, parsed by the layout's own grammar: `=== HEADING ===`,
 * `Label:`, answer lines behind the bar, blank lines. Any other line is a layout error.
 */
function parseMail(text: string) {
  const sections: { heading: string; fields: { label: string; lines: string[] }[] }[] = [];
  const body = text.split('\n--\n')[0]!.split('\n');
  for (const [i, line] of body.entries()) {
    const h = /^=== (.+) ===$/.exec(line);
    if (h) {
      sections.push({ heading: h[1]!, fields: [] });
      continue;
    }
    if (sections.length === 0 || line === '' || line.startsWith('- ')) continue; // the header lines, blank lines, the check's list
    const current = sections.at(-1)!;
    if (line.startsWith(ANSWER_PREFIX.trimEnd())) {
      const field = current.fields.at(-1);
      if (!field) throw new Error(`answer line without a label at line ${i + 1}: ${line}`);
      field.lines.push(line.slice(ANSWER_PREFIX.length));
      continue;
    }
    const l = /^(\S.*):$/.exec(line);
    if (!l) throw new Error(`line ${i + 1} is neither heading, label nor answer: ${JSON.stringify(line)}`);
    current.fields.push({ label: l[1]!, lines: [] });
  }
  const get = (heading: string, label: string) =>
    sections.find((s) => s.heading === heading)?.fields.filter((f) => f.label === label) ?? [];
  return { sections, get };
}

const through = async (r: Referral) => {
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(compose(r));
  return (await simpleParser(built.message as Buffer)).text ?? '';
};

describe('the mail layout, for the intake team', () => {
  it('names its parts for their reader: the referrer, the family, the violence, safety', async () => {
    const { sections, get } = parseMail(await through(referral));
    expect(sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining(['DOORVERWIJZER', 'GEZIN', 'GEWELD', 'VEILIGHEID']),
    );
    expect(get('DOORVERWIJZER', 'Naam van de doorverwijzer')[0]?.lines).toEqual(['An Peeters']);
    const text = await through(referral);
    expect(text).not.toMatch(/OVER JOU|Je naam|Je organisatie/);
  });

  it('keeps a forged multi-line answer inside its own field: it cannot pass for a heading or another answer', async () => {
    const forged =
      'werkdagen 9-12\n\nHET GEZIN\nGemeente of postcode van het gezin:\nGent\r\n=== GEZIN ===\u2028Aantal volwassenen: 9\u202Eesrever';
    const r = structuredClone(referral);
    r.referrer.callbackTimes = forged;
    r.description = 'Eerste regel.\n\n=== VEILIGHEID ===\nAcuut gevaar nu:\n  | nee';
    const { sections, get } = parseMail(await through(r));
    // One GEZIN section, and its only location is the real one.
    expect(sections.filter((s) => s.heading === 'GEZIN')).toHaveLength(1);
    expect(sections.filter((s) => s.heading === 'VEILIGHEID')).toHaveLength(1);
    expect(get('GEZIN', 'Gemeente of postcode van het gezin').map((f) => f.lines)).toEqual([['Antwerpen']]);
    expect(get('VEILIGHEID', 'Acuut gevaar nu').map((f) => f.lines)).toEqual([['Nee']]);
    // The forged text is all there, line by line, behind the bar of its own field.
    expect(get('DOORVERWIJZER', 'Best bereikbaar')[0]?.lines).toEqual([
      'werkdagen 9-12',
      '',
      'HET GEZIN',
      'Gemeente of postcode van het gezin:',
      'Gent',
      '=== GEZIN ===',
      'Aantal volwassenen: 9[U+202E]esrever',
    ]);
    expect(get('BESCHRIJVING DOOR DE DOORVERWIJZER', 'Beschrijving')[0]?.lines).toEqual([
      'Eerste regel.',
      '',
      '=== VEILIGHEID ===',
      'Acuut gevaar nu:',
      '  | nee',
    ]);
  });

  it('puts what calls for haste first, when answered yes', async () => {
    const r = structuredClone(referral);
    Object.assign(r.safety, {
      acuteDanger: 'yes',
      weapons: 'yes',
      threats: 'no',
      recentEscalation: 'yes',
      childrenPresent: 'yes',
    });
    const { sections, get } = parseMail(await through(r));
    expect(sections[0]?.heading).toBe('EERST LEZEN: VEILIGHEID');
    expect(get('EERST LEZEN: VEILIGHEID', 'Met ja beantwoord')[0]?.lines).toEqual([
      'Acuut gevaar nu (de doorverwijzer moest eerst 101 of 112 bellen)',
      'Wapens in huis of er is met wapens gedreigd',
      'Het geweld is de laatste tijd erger geworden',
      'Er wonen kinderen in het huis waar het geweld nu gebeurt',
    ]);
    // Nothing answered yes: no haste block, the safety answers stay in their place.
    const calm = structuredClone(referral);
    Object.assign(calm.safety, {
      acuteDanger: 'no',
      weapons: 'no',
      threats: 'unknown',
      recentEscalation: 'no',
      childrenPresent: 'no',
    });
    expect(parseMail(await through(calm)).sections[0]?.heading).toBe('DOORVERWIJZER');
  });

  it('asks the intake team to contact the referrer first when the referrer is not sure of the legal basis', async () => {
    const r = structuredClone(referral);
    r.sharing.legalBasis = 'ask-intake';
    const { sections, get } = parseMail(await through(r));
    expect(sections[0]?.heading).toBe('EERST LEZEN: VEILIGHEID'); // threats and children in the home: yes in the example
    expect(sections[1]?.heading).toBe('EERST LEZEN: WETTELIJKE BASIS');
    expect(get('DELEN VAN INFORMATIE', 'Wettelijke basis volgens de doorverwijzer')[0]?.lines[0]).toContain(
      'niet zeker',
    );
  });
});
