import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * The referral service's configuration, read from the environment once at start. Anything
 * invalid stops the server with a message that names the variable: a portal that silently
 * drops referrals is worse than one that does not start.
 */
export interface SmtpGateway {
  url: string;
  host: string;
  loopback: boolean;
  to: string;
  from: string;
  pgpPublicKey: string | null;
}
export interface WebhookGateway {
  url: string;
  secret: string;
}
export interface ReferralConfig {
  production: boolean;
  dataDir: string;
  key: Buffer;
  keySource: 'env' | 'generated';
  /** The stand-in intake mailbox, used only when no real gateway is configured. */
  inboxDir: string | null;
  smtp: SmtpGateway | null;
  webhook: WebhookGateway | null;
  mailFrom: string;
  opsMailTo: string | null;
  retryBaseMs: number;
  /** Accepted referrals per client address per hour; 0 turns the limit off. */
  rateLimit: number;
  /** Receipt lookups per client address per minute; 0 turns the limit off. */
  receiptRateLimit: number;
  /** With it, /healthz gives the counts and the reason (Authorization: Bearer <token>); without, the status only. */
  healthzToken: string | null;
  /** REFERRAL_KEY_CHANGED=dead-letter: start with a new key although referrals sealed with the old one wait. */
  acceptKeyChange: boolean;
  /** DATABASE_URL (postgres://…): the outbox, keys, rate limit and dead letter in PostgreSQL, shared by several servers; null: SQLite in DATA_DIR. */
  databaseUrl: string | null;
  /** REFERRAL_LEASE_SECONDS, in ms: how long a server holds a referral it delivers before another server may take it over. */
  leaseMs: number;
  /** DELIVERY_CONCURRENCY: with PostgreSQL, how many referrals one server delivers at once. */
  deliveryConcurrency: number;
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
// The address inside "Name <a@b>" or a bare address.
const addressOf = (v: string) => /<([^>]+)>\s*$/.exec(v)?.[1] ?? v.trim();

export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min)
    throw new ConfigError(name, `must be a whole number ≥ ${min}, got "${raw}"`);
  return Number(raw);
}

function email(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  if (!EMAIL.test(addressOf(raw))) throw new ConfigError(name, `is not an e-mail address`);
  return raw;
}

/** Read and check the configuration. `cwd` anchors the default folders (tests pass their own). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ReferralConfig {
  const production = env.NODE_ENV === 'production';
  const warnings: string[] = [];
  const dataDir = path.resolve(cwd, env.DATA_DIR || 'var/data');
  checkDataDir(dataDir);

  let smtp: SmtpGateway | null = null;
  if (env.INTAKE_SMTP_URL) {
    let url: URL;
    try {
      url = new URL(env.INTAKE_SMTP_URL);
    } catch {
      throw new ConfigError('INTAKE_SMTP_URL', 'is not a URL (expected smtp://user:pass@host:587 or smtps://…)');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      throw new ConfigError('INTAKE_SMTP_URL', 'must start with smtp:// or smtps://');
    }
    const to = email(env, 'INTAKE_MAIL_TO');
    if (!to) throw new ConfigError('INTAKE_MAIL_TO', 'is required when INTAKE_SMTP_URL is set');
    const host = url.hostname;
    let pgpPublicKey: string | null = null;
    const pgp = env.INTAKE_PGP_PUBLIC_KEY?.trim();
    if (pgp) {
      // The armored key itself, or the path of a file holding it.
      pgpPublicKey = pgp.startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----') ? pgp : readKeyFile(pgp);
    }
    smtp = { url: env.INTAKE_SMTP_URL, host, loopback: isLoopback(host), to, from: '', pgpPublicKey };
  } else if (env.INTAKE_PGP_PUBLIC_KEY) {
    throw new ConfigError('INTAKE_PGP_PUBLIC_KEY', 'is set but INTAKE_SMTP_URL is not: there is no mail to encrypt');
  }

  let webhook: WebhookGateway | null = null;
  if (env.INTAKE_WEBHOOK_URL) {
    let url: URL;
    try {
      url = new URL(env.INTAKE_WEBHOOK_URL);
    } catch {
      throw new ConfigError('INTAKE_WEBHOOK_URL', 'is not a URL');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
      throw new ConfigError('INTAKE_WEBHOOK_URL', 'must use https:// (plain http only on loopback)');
    }
    const secret = env.INTAKE_WEBHOOK_SECRET ?? '';
    if (secret.length < 32) throw new ConfigError('INTAKE_WEBHOOK_SECRET', 'must be at least 32 characters');
    webhook = { url: url.toString(), secret };
  }

  const mailFrom = email(env, 'INTAKE_MAIL_FROM') ?? 'CO3 portal <portal@co3.invalid>';
  if (smtp) {
    if (!env.INTAKE_MAIL_FROM) throw new ConfigError('INTAKE_MAIL_FROM', 'is required when INTAKE_SMTP_URL is set');
    smtp.from = mailFrom;
  }

  let key: Buffer;
  let keySource: ReferralConfig['keySource'];
  if (env.REFERRAL_KEY) {
    key = Buffer.from(env.REFERRAL_KEY, 'base64');
    if (key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(env.REFERRAL_KEY)) {
      throw new ConfigError('REFERRAL_KEY', 'must be 32 random bytes in base64 (openssl rand -base64 32)');
    }
    keySource = 'env';
  } else if (production) {
    throw new ConfigError('REFERRAL_KEY', 'is required with NODE_ENV=production');
  } else {
    key = generatedKey(dataDir);
    keySource = 'generated';
  }

  let inboxDir: string | null = null;
  if (!smtp && !webhook) {
    if (production) {
      throw new ConfigError(
        'INTAKE_SMTP_URL',
        'with NODE_ENV=production set INTAKE_SMTP_URL (with INTAKE_MAIL_TO, INTAKE_MAIL_FROM) or INTAKE_WEBHOOK_URL: referrals need a real intake gateway',
      );
    }
    inboxDir = path.resolve(cwd, env.INTAKE_INBOX_DIR || 'var/intake-inbox');
    if (inboxDir === dataDir || inboxDir.startsWith(dataDir + path.sep)) {
      throw new ConfigError('INTAKE_INBOX_DIR', 'must be outside DATA_DIR (the inbox holds readable mail)');
    }
    warnings.push(
      `No intake gateway configured: referrals are written as .eml files to ${inboxDir} (a stand-in for the intake mailbox). Set INTAKE_SMTP_URL or INTAKE_WEBHOOK_URL for real use.`,
    );
  }
  if (keySource === 'generated') {
    warnings.push(`REFERRAL_KEY not set: using a key generated in ${path.join(dataDir, 'referral.key')}.`);
  }

  return {
    production,
    dataDir,
    key,
    keySource,
    inboxDir,
    smtp,
    webhook,
    mailFrom,
    opsMailTo: email(env, 'OPS_MAIL_TO'),
    retryBaseMs: int(env, 'DELIVERY_RETRY_BASE_MS', 30_000, 10),
    rateLimit: int(env, 'REFERRAL_RATE_LIMIT', 30, 0),
    receiptRateLimit: int(env, 'RECEIPT_RATE_LIMIT', 20, 0),
    healthzToken: healthzToken(env),
    acceptKeyChange: keyChange(env),
    databaseUrl: databaseUrl(env),
    leaseMs: int(env, 'REFERRAL_LEASE_SECONDS', 120, 2) * 1000,
    deliveryConcurrency: int(env, 'DELIVERY_CONCURRENCY', 4, 1),
    warnings,
  };
}

function healthzToken(env: NodeJS.ProcessEnv): string | null {
  const raw = env.HEALTHZ_TOKEN;
  if (raw === undefined || raw === '') return null;
  if (!/^[\x21-\x7e]{16,200}$/.test(raw))
    throw new ConfigError('HEALTHZ_TOKEN', 'must be 16 to 200 visible characters (openssl rand -hex 16)');
  return raw;
}

function databaseUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  return raw;
}

function keyChange(env: NodeJS.ProcessEnv): boolean {
  const raw = env.REFERRAL_KEY_CHANGED;
  if (raw === undefined || raw === '') return false;
  if (raw !== 'dead-letter') throw new ConfigError('REFERRAL_KEY_CHANGED', 'can only be "dead-letter"');
  return true;
}

/**
 * DATA_DIR must be a folder the server can create, read and write: a file in its place, or a
 * read-only parent, stops the start with a message naming the variable, not a stack trace.
 */
function checkDataDir(dataDir: string): void {
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new ConfigError('DATA_DIR', `${dataDir} is a file, not a folder`);
  }
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    // Say why: the nearest folder that exists is read-only, not ours, or not a folder.
    let parent = path.dirname(dataDir);
    while (!existsSync(parent) && parent !== path.dirname(parent)) parent = path.dirname(parent);
    let why = (error as NodeJS.ErrnoException).code ?? 'error';
    try {
      if (!statSync(parent).isDirectory()) why = `${parent} is a file`;
      else accessSync(parent, constants.W_OK);
    } catch (e) {
      why = `${parent} is not writable: ${(e as NodeJS.ErrnoException).code ?? 'error'}`;
    }
    throw new ConfigError('DATA_DIR', `${dataDir} cannot be created (${why})`);
  }
  try {
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new ConfigError(
      'DATA_DIR',
      `${dataDir} is not writable by the server (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

function readKeyFile(file: string): string {
  try {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----')) throw new Error('not armored');
    return text;
  } catch {
    throw new ConfigError('INTAKE_PGP_PUBLIC_KEY', 'must be an armored public key or the path of a file holding one');
  }
}

/** Development only: a key kept in DATA_DIR, readable by the server's user alone. */
function generatedKey(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'referral.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new ConfigError('DATA_DIR', `${file} does not hold a 32-byte base64 key`);
    return key;
  }
  writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}
