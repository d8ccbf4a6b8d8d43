import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import rulesJson from '../../content/referral-rules.json';
import { assess, rulesSchema } from '../../src/features/referral/eligibility.ts';
import { composeIntakeMessage, messageIdFor } from '../../src/features/referral/message.ts';
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
    for (const personal of [referral.referrer.name, 'Peeters', referral.referrer.email, referral.violence.victim, referral.family.location]) {
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
    expect(m.text).toContain('Het gezin geeft toestemming');
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
    expect(messageIdFor('CO3-7KD3-QX9M', 'portal@co3.example')).toBe(messageIdFor('CO3-7KD3-QX9M', 'Portal <portal@co3.example>'));
    expect(compose().messageId).toBe(compose().messageId);
  });

  it('signs webhooks over timestamp and body, so a change to either breaks the signature', () => {
    const a = webhookSignature('s'.repeat(32), '1700000000', '{"a":1}');
    expect(a).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(webhookSignature('s'.repeat(32), '1700000001', '{"a":1}')).not.toBe(a);
    expect(webhookSignature('s'.repeat(32), '1700000000', '{"a":2}')).not.toBe(a);
  });
});
