import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer, { type TransportOptions } from 'nodemailer';
import * as openpgp from 'openpgp';
import type { IntakeEnvelope, IntakeMessage } from './message.ts';
import type { SmtpGateway, WebhookGateway } from './config.server.ts';

/**
 * The thin adapters that hand a composed referral to the intake: a local folder (development),
 * SMTP (optionally PGP/MIME-encrypted) and an HTTPS webhook. Each throws a DeliveryError that
 * says whether trying again can help.
 */

export class DeliveryError extends Error {
  constructor(
    /** A short code for the outbox and logs: never a server's message, which may echo data. */
    readonly code: string,
    readonly transient: boolean,
  ) {
    super(code);
    this.name = 'DeliveryError';
  }
}

export interface Gateway {
  name: 'inbox' | 'smtp' | 'webhook';
  deliver(message: IntakeMessage, envelope: IntakeEnvelope): Promise<void>;
  /**
   * Tell operations that a referral was not delivered (the reference and an error code, no
   * personal data), over the same transport and with the same TLS rules and timeouts. Only the
   * mail gateways (SMTP, the development inbox) can.
   */
  alert?(mail: OpsAlert): Promise<void>;
  /** Close kept connections (at shutdown). */
  close?(): void;
}

/** The mail to operations about a dead letter. */
export interface OpsAlert {
  reference: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** The message as RFC 5322 bytes (nodemailer builds it; nothing is sent). */
async function build(message: IntakeMessage | Omit<OpsAlert, 'reference'>): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail(message);
  return info.message as Buffer;
}

/** Development stand-in for the intake mailbox: one `.eml` per referral, written atomically. */
export function inboxGateway(dir: string): Gateway {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const write = (name: string, raw: Buffer) => {
    const file = path.join(dir, name);
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(tmp, raw, { mode: 0o600 });
      renameSync(tmp, file); // the same reference overwrites: a redelivery is not a second mail
    } catch (error) {
      throw new DeliveryError(`inbox ${(error as NodeJS.ErrnoException).code ?? 'EIO'}`, true);
    }
  };
  return {
    name: 'inbox',
    async deliver(message, envelope) {
      write(`${envelope.reference}.eml`, await build(message));
    },
    async alert(mail) {
      const { reference, ...message } = mail;
      write(`ops-${reference}.eml`, await build(message));
    },
  };
}

/** Encrypt a whole MIME message to a public key as PGP/MIME (RFC 3156). */
export async function pgpMime(inner: Buffer, armoredKey: string, outer: IntakeMessage): Promise<string> {
  const encryptionKeys = await openpgp.readKey({ armoredKey });
  const encrypted = await openpgp.encrypt({
    message: await openpgp.createMessage({ text: inner.toString('utf8') }),
    encryptionKeys,
  });
  const boundary = `co3-${randomBytes(12).toString('hex')}`;
  // Only what mail routing needs stays outside: the subject carries no names by design.
  return [
    `From: ${outer.from}`,
    `To: ${outer.to}`,
    `Subject: ${encodeHeader(outer.subject)}`,
    `Message-ID: ${outer.messageId}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="${boundary}"`,
    '',
    'This is an OpenPGP/MIME encrypted message (RFC 3156).',
    `--${boundary}`,
    'Content-Type: application/pgp-encrypted',
    'Content-Description: PGP/MIME version identification',
    '',
    'Version: 1',
    '',
    `--${boundary}`,
    'Content-Type: application/octet-stream; name="encrypted.asc"',
    'Content-Description: OpenPGP encrypted message',
    'Content-Disposition: inline; filename="encrypted.asc"',
    '',
    String(encrypted).trimEnd(),
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

const encodeHeader = (value: string) =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;

export function smtpGateway(config: SmtpGateway): Gateway {
  // The options go in one object with the URL: given as a second argument, nodemailer takes them
  // for message defaults, and TLS was not required nor were the timeouts applied (until 2026-11-30).
  const transport = nodemailer.createTransport({
    url: config.url,
    // TLS is required unless the mail server is on this machine.
    requireTLS: !config.loopback && !config.url.startsWith('smtps:'),
    ignoreTLS: config.loopback,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // A few connections kept open and reused: a connection (TCP, TLS, greeting) per referral made
    // a burst of referrals wait minutes for delivery (docs/referral.md).
    pool: true,
    maxConnections: 4,
    maxMessages: 100,
    disableFileAccess: true,
    disableUrlAccess: true,
  } as TransportOptions);
  return {
    name: 'smtp',
    async deliver(message) {
      try {
        if (config.pgpPublicKey) {
          const raw = await pgpMime(await build(message), config.pgpPublicKey, message);
          await transport.sendMail({ envelope: { from: config.from, to: [config.to] }, raw });
        } else {
          await transport.sendMail(message);
        }
      } catch (error) {
        throw classifySmtp(error);
      }
    },
    async alert(mail) {
      const { reference: _reference, ...message } = mail;
      try {
        await transport.sendMail(message);
      } catch (error) {
        throw classifySmtp(error);
      }
    },
    close: () => transport.close(),
  };
}

function classifySmtp(error: unknown): DeliveryError {
  const e = error as { responseCode?: number; code?: string };
  if (typeof e.responseCode === 'number') {
    // 4xx: try later (greylisting, full mailbox, rate limits). 5xx: the server refuses for good.
    return new DeliveryError(`smtp ${e.responseCode}`, e.responseCode < 500);
  }
  return new DeliveryError(`smtp ${e.code ?? 'error'}`, true);
}

export const WEBHOOK_SIGNATURE_HEADER = 'X-CO3-Signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'X-CO3-Timestamp';

/**
 * The signature the intake checks: HMAC-SHA256 over `<timestamp>.<body>`; the receiver rejects
 * timestamps older than a few minutes, so a captured request cannot be replayed later.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookGateway(config: WebhookGateway): Gateway {
  return {
    name: 'webhook',
    async deliver(_message, envelope) {
      const body = JSON.stringify(envelope);
      const timestamp = String(Math.floor(Date.now() / 1000));
      let response: Response;
      try {
        response = await fetch(config.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': envelope.reference,
            [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
            [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(config.secret, timestamp, body),
          },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(20_000),
        });
      } catch (error) {
        throw new DeliveryError(`webhook ${(error as { name?: string }).name ?? 'error'}`, true);
      }
      await response.body?.cancel();
      if (response.ok) return;
      const transient = response.status >= 500 || response.status === 429 || response.status === 408;
      throw new DeliveryError(`webhook ${response.status}`, transient);
    },
  };
}
