import {
  type KeyObject,
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  randomFillSync,
  timingSafeEqual,
} from 'node:crypto';
import { accessSync, constants, mkdirSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { AddArgs, ReferralStore } from './store.server.ts';

/**
 * The outbox: every accepted referral is in this SQLite database, synced to disk, before the
 * visitor sees "received". The personal data is sealed with AES-256-GCM; only the reference,
 * timestamps, status, attempt count and which gateways are done are in clear.
 *
 * Writes are group-committed: requests that arrive while a commit is being prepared share one
 * transaction and one fsync, and each request's promise resolves only after that commit.
 */

export type Status = 'pending' | 'delivered' | 'dead';

export interface OutboxRow {
  reference: string;
  createdAt: number;
  attempts: number;
  done: string[];
  payload: Buffer | null;
  /** Leased rows (PostgreSQL): the local time after which this server must not start sending it (its lease runs out). */
  sendBy?: number;
}

const IV = 12;
const TAG = 16;

/**
 * REFERRAL_KEY, raw or as a KeyObject: the stores make the KeyObject once (a raw key is imported
 * anew on every seal, which costs more than the encryption of a referral).
 */
export type Key = Buffer | KeyObject;

/**
 * Random IVs from the CSPRNG, drawn 4 KB at a time (one call per 341 IVs instead of one each, as
 * Node does for randomUUID). Every byte is handed out once, so no two IVs share bytes.
 */
const ivPool = Buffer.alloc(IV * 341);
let ivNext = ivPool.length;
function randomIv(): Buffer {
  if (ivNext + IV > ivPool.length) {
    randomFillSync(ivPool);
    ivNext = 0;
  }
  ivNext += IV;
  return Buffer.from(ivPool.subarray(ivNext - IV, ivNext));
}

/** AES-256-GCM with a random IV; the reference is the associated data, so a payload cannot be moved to another row. */
export function seal(key: Key, reference: string, plaintext: string): Buffer {
  const iv = randomIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(reference));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function open(key: Key, reference: string, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  decipher.setAAD(Buffer.from(reference));
  decipher.setAuthTag(sealed.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(sealed.subarray(IV + TAG)), decipher.final()]).toString('utf8');
}

/** Idempotency keys are stored hashed: a client might put anything in them. */
export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

/** A keyed fingerprint of a referral's canonical body (never the body itself), for both stores. */
export const bodyFingerprint = (key: Key, canonicalBody: string): Buffer =>
  createHmac('sha256', key).update('idempotency-body\0').update(canonicalBody).digest();

/** A client address as stored for the rate limit: keyed, so no database holds an address. */
export const clientHash = (key: Key, address: string): string =>
  createHmac('sha256', key).update('client\0').update(address).digest('base64url');

/** What the key check stores: an HMAC under the key of a fixed text, so the key itself is never stored. */
const KEY_CHECK_TEXT = 'co3-outbox-key-check-v1';
export const keyCheck = (key: Key) => createHmac('sha256', key).update(KEY_CHECK_TEXT).digest();

/** Below this much free space in DATA_DIR, /healthz says referrals cannot be stored (a referral is at most 64 KB). */
export const MIN_FREE_BYTES = 1024 * 1024;
const HOUR = 60 * 60 * 1000;

interface Pending {
  reference: string;
  sealed: Buffer;
  idempotency: { hash: string; sealedAnswer: Buffer; fingerprint: Buffer } | null;
  rateClient: string | null;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** The result of `add`: stored, the stored answer of an earlier request, or refused. */
export type AddResult =
  | { kind: 'stored'; answer: string }
  | { kind: 'replay'; answer: string }
  | { kind: 'key-reused' }
  | { kind: 'key-unreadable' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /** A stored referral has this reference already: nothing was stored, draw another. */
  | { kind: 'reference-taken' };

/** The key changed while referrals sealed with the old one wait: see `Outbox.checkKey`. */
export class KeyChanged extends Error {
  constructor(readonly pending: number) {
    super('REFERRAL_KEY changed');
    this.name = 'KeyChanged';
  }
}

export class Outbox implements ReferralStore {
  readonly backend = 'sqlite';
  /** Only this server writes the file: its own commits wake the dispatcher, no polling needed. */
  readonly pollMs = null;
  readonly #db: DatabaseSync;
  readonly #key: KeyObject;
  #queue: Pending[] = [];
  #flushScheduled = false;
  /** Idempotency keys whose first request is still on its way to disk. */
  readonly #inflight = new Map<string, { fingerprint: Buffer; answer: Promise<string> }>();
  /** Accepted referrals per client (hashed) that are queued but not yet committed. */
  readonly #reserved = new Map<string, number>();
  readonly #dataDir: string;
  /** The last store failure since the last successful commit (a short code), for /healthz. */
  lastStoreError: string | null = null;
  readonly #insert: StatementSync;
  readonly #insertKey: StatementSync;
  readonly #findKey: StatementSync;
  readonly #insertRate: StatementSync;
  readonly #countRate: StatementSync;
  readonly #due: StatementSync;
  readonly #exists: StatementSync;
  /** Called after each commit that added work (the dispatcher wakes up). */
  onCommit: () => void = () => {};

  constructor(dataDir: string, key: Buffer) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.#dataDir = dataDir;
    this.#key = createSecretKey(key);
    this.#db = new DatabaseSync(path.join(dataDir, 'outbox.sqlite'));
    // WAL with synchronous=FULL: a COMMIT returns only after the WAL is fsynced.
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA busy_timeout = 5000;
      PRAGMA secure_delete = ON;
      CREATE TABLE IF NOT EXISTS referrals (
        reference TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        delivered_at INTEGER,
        done TEXT NOT NULL DEFAULT '',
        last_error TEXT,
        payload BLOB
      ) STRICT;
      CREATE INDEX IF NOT EXISTS referrals_due ON referrals (status, next_attempt_at);
      CREATE TABLE IF NOT EXISTS idempotency (
        key_hash TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        answer BLOB NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS rate_events (
        client TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS rate_events_client ON rate_events (client, at);
      CREATE TABLE IF NOT EXISTS meta (
        name TEXT PRIMARY KEY,
        value BLOB NOT NULL
      ) STRICT;
    `);
    // Databases from before the fingerprint: a key stored without one matches no body.
    const columns = this.#db.prepare('PRAGMA table_info(idempotency)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'fingerprint'))
      this.#db.exec('ALTER TABLE idempotency ADD COLUMN fingerprint BLOB');
    this.#insert = this.#db.prepare(
      `INSERT INTO referrals (reference, created_at, updated_at, status, attempts, next_attempt_at, payload)
       VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
    );
    this.#insertKey = this.#db.prepare(
      'INSERT INTO idempotency (key_hash, reference, created_at, answer, fingerprint) VALUES (?, ?, ?, ?, ?)',
    );
    this.#findKey = this.#db.prepare('SELECT reference, answer, fingerprint FROM idempotency WHERE key_hash = ?');
    this.#insertRate = this.#db.prepare('INSERT INTO rate_events (client, at) VALUES (?, ?)');
    this.#countRate = this.#db.prepare(
      'SELECT COUNT(*) AS n, MIN(at) AS oldest FROM rate_events WHERE client = ? AND at > ?',
    );
    this.#exists = this.#db.prepare('SELECT 1 FROM referrals WHERE reference = ?');
    this.#due = this.#db.prepare(
      `SELECT reference, created_at, attempts, done, payload FROM referrals
       WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY created_at LIMIT ?`,
    );
  }

  fingerprint(canonicalBody: string): Buffer {
    return bodyFingerprint(this.#key, canonicalBody);
  }

  clientId(address: string): string {
    return clientHash(this.#key, address);
  }

  /**
   * Store a referral durably. Resolves after the commit that holds it is on disk.
   *
   * Everything before the commit is one synchronous step, so concurrent requests cannot slip
   * between a check and its effect: an idempotency key seen before (stored or in flight) gives
   * the first answer when `fingerprint` matches the first body's, and `key-reused` when it does
   * not; the rate limit (`rate`: `limit` accepted referrals per client per hour, counted in the
   * database and in the queue) is checked and the referral counted in the same step.
   */
  async add(args: AddArgs): Promise<AddResult> {
    const hash = args.idempotencyKey ? keyHash(args.idempotencyKey) : null;
    const fingerprint = args.fingerprint ?? Buffer.alloc(32);
    if (hash) {
      const inflight = this.#inflight.get(hash);
      if (inflight) {
        if (!sameFingerprint(inflight.fingerprint, fingerprint)) return { kind: 'key-reused' };
        return { kind: 'replay', answer: await inflight.answer };
      }
      const previous = this.#findAnswer(hash);
      if (previous) {
        // Sealed under a key the server no longer has: its fingerprint cannot match either.
        if (previous.answer === null) return { kind: 'key-unreadable' };
        if (!sameFingerprint(previous.fingerprint, fingerprint)) return { kind: 'key-reused' };
        return { kind: 'replay', answer: previous.answer };
      }
    }
    if (this.exists(args.reference) || this.#queue.some((p) => p.reference === args.reference))
      return { kind: 'reference-taken' };
    const rate = args.rate && args.rate.limit > 0 ? args.rate : null;
    if (rate) {
      const now = Date.now();
      const row = this.#countRate.get(rate.client, now - HOUR) as { n: number; oldest: number | null };
      const queued = this.#reserved.get(rate.client) ?? 0;
      if (row.n + queued >= rate.limit) {
        const oldest = row.oldest ?? now;
        return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil((oldest + HOUR - now) / 1000)) };
      }
      this.#reserved.set(rate.client, queued + 1);
    }
    const sealed = seal(this.#key, args.reference, args.payload);
    const idempotency = hash
      ? { hash, sealedAnswer: seal(this.#key, `idempotency:${hash}`, args.answer), fingerprint }
      : null;
    const stored = new Promise<void>((resolve, reject) => {
      this.#queue.push({
        reference: args.reference,
        sealed,
        idempotency,
        rateClient: rate?.client ?? null,
        resolve,
        reject,
      });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
    const release = () => {
      if (!rate) return;
      const left = (this.#reserved.get(rate.client) ?? 1) - 1;
      if (left > 0) this.#reserved.set(rate.client, left);
      else this.#reserved.delete(rate.client);
    };
    try {
      if (hash) {
        this.#inflight.set(hash, { fingerprint, answer: stored.then(() => args.answer) });
        try {
          await stored;
        } finally {
          this.#inflight.delete(hash);
        }
      } else {
        await stored;
      }
    } finally {
      release();
    }
    return { kind: 'stored', answer: args.answer };
  }

  /** The first request with this key: its fingerprint, and its answer (null when the key that sealed it is gone). */
  #findAnswer(hash: string): { answer: string | null; fingerprint: Buffer | null } | null {
    const row = this.#findKey.get(hash) as
      | { reference: string; answer: Uint8Array; fingerprint: Uint8Array | null }
      | undefined;
    if (!row) return null;
    let answer: string | null = null;
    try {
      answer = open(this.#key, `idempotency:${hash}`, Buffer.from(row.answer));
    } catch {
      answer = null;
    }
    return { answer, fingerprint: row.fingerprint ? Buffer.from(row.fingerprint) : null };
  }

  #flush(): void {
    this.#flushScheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    const now = Date.now();
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      for (const p of batch) this.#insertOne(p, now);
      this.#db.prepare('DELETE FROM rate_events WHERE at <= ?').run(now - HOUR);
      this.#db.exec('COMMIT');
    } catch (error) {
      try {
        this.#db.exec('ROLLBACK');
      } catch {
        // no transaction left to roll back
      }
      // One bad row (a reference collision, 1 in 2^40) must not fail the others: retry them alone.
      if (batch.length > 1) {
        for (const p of batch) this.#queue.push(p);
        this.#flushOneByOne();
        return;
      }
      this.lastStoreError = storeErrorCode(error);
      for (const p of batch) p.reject(error);
      return;
    }
    this.lastStoreError = null;
    for (const p of batch) p.resolve();
    this.onCommit();
  }

  #insertOne(p: Pending, now: number): void {
    this.#insert.run(p.reference, now, now, now, p.sealed);
    if (p.idempotency) {
      this.#insertKey.run(p.idempotency.hash, p.reference, now, p.idempotency.sealedAnswer, p.idempotency.fingerprint);
    }
    if (p.rateClient) this.#insertRate.run(p.rateClient, now);
  }

  #flushOneByOne(): void {
    const batch = this.#queue;
    this.#queue = [];
    for (const p of batch) {
      const now = Date.now();
      try {
        this.#db.exec('BEGIN IMMEDIATE');
        this.#insertOne(p, now);
        this.#db.exec('COMMIT');
        this.lastStoreError = null;
        p.resolve();
      } catch (error) {
        try {
          this.#db.exec('ROLLBACK');
        } catch {
          // nothing to roll back
        }
        this.lastStoreError = storeErrorCode(error);
        p.reject(error);
      }
    }
    this.onCommit();
  }

  /** Referrals due for delivery, oldest first. */
  due(now: number, limit = 20): OutboxRow[] {
    const rows = this.#due.all(now, limit) as {
      reference: string;
      created_at: number;
      attempts: number;
      done: string;
      payload: Uint8Array | null;
    }[];
    return rows.map((r) => ({
      reference: r.reference,
      createdAt: r.created_at,
      attempts: r.attempts,
      done: r.done ? r.done.split(',') : [],
      payload: r.payload ? Buffer.from(r.payload) : null,
    }));
  }

  /** When the next pending referral is due, or null when none is pending. */
  nextDue(): number | null {
    const row = this.#db
      .prepare(`SELECT MIN(next_attempt_at) AS next FROM referrals WHERE status = 'pending'`)
      .get() as { next: number | null };
    return row.next;
  }

  decrypt(row: OutboxRow): string {
    if (!row.payload) throw new Error(`referral ${row.reference} has no payload`);
    return open(this.#key, row.reference, row.payload);
  }

  /** Delivered everywhere: the sealed payload is deleted, the metadata stays. */
  markDelivered(reference: string, done: string[]): void {
    const now = Date.now();
    this.#db
      .prepare(
        `UPDATE referrals SET status = 'delivered', payload = NULL, delivered_at = ?, updated_at = ?,
         attempts = attempts + 1, done = ?, last_error = NULL WHERE reference = ?`,
      )
      .run(now, now, done.join(','), reference);
  }

  /** A transient failure: try again later. `error` is a short code, never a message with data in it. */
  markRetry(reference: string, done: string[], nextAttemptAt: number, error: string): void {
    this.#db
      .prepare(
        `UPDATE referrals SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ?, done = ?, last_error = ?
         WHERE reference = ?`,
      )
      .run(nextAttemptAt, Date.now(), done.join(','), error, reference);
  }

  /** A permanent failure: dead letter. The sealed payload is kept so an operator can re-drive it. */
  markDead(reference: string, done: string[], error: string): void {
    this.#db
      .prepare(
        `UPDATE referrals SET status = 'dead', attempts = attempts + 1, updated_at = ?, done = ?, last_error = ?
         WHERE reference = ?`,
      )
      .run(Date.now(), done.join(','), error, reference);
  }

  exists(reference: string): boolean {
    return this.#exists.get(reference) !== undefined;
  }

  counts(): Record<Status, number> {
    const rows = this.#db.prepare('SELECT status, COUNT(*) AS n FROM referrals GROUP BY status').all() as {
      status: Status;
      n: number;
    }[];
    const out: Record<Status, number> = { pending: 0, delivered: 0, dead: 0 };
    for (const r of rows) out[r.status] = r.n;
    return out;
  }

  /**
   * Whether a referral can be stored now, and if not why (a short code): DATA_DIR writable, at
   * least MIN_FREE_BYTES free, the database's write lock obtainable at once, and the last store
   * attempt not failed.
   */
  storable(): { ok: true } | { ok: false; reason: string } {
    try {
      for (const file of [
        this.#dataDir,
        ...['outbox.sqlite', 'outbox.sqlite-wal'].map((f) => path.join(this.#dataDir, f)),
      ]) {
        try {
          accessSync(file, constants.W_OK);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || file === this.#dataDir) throw error;
        }
      }
    } catch (error) {
      return { ok: false, reason: `not-writable:${(error as NodeJS.ErrnoException).code ?? 'error'}` };
    }
    try {
      const fs = statfsSync(this.#dataDir);
      if (fs.bavail * fs.bsize < MIN_FREE_BYTES) return { ok: false, reason: 'disk-full' };
    } catch {
      // statfs is not available everywhere: the other checks still hold
    }
    try {
      this.#db.exec('PRAGMA busy_timeout = 0');
      this.#db.exec('BEGIN IMMEDIATE');
      this.#db.exec('ROLLBACK');
    } catch (error) {
      return { ok: false, reason: `locked:${storeErrorCode(error)}` };
    } finally {
      this.#db.exec('PRAGMA busy_timeout = 5000');
    }
    if (this.lastStoreError) {
      // The last store failed but nothing else says why: try a real write, so that /healthz
      // recovers by itself (a load balancer that stops sending referrals would never clear it).
      try {
        this.#db
          .prepare(
            `INSERT INTO meta (name, value) VALUES ('write-probe', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
          )
          .run(Buffer.from(String(Date.now())));
        this.lastStoreError = null;
      } catch (error) {
        this.lastStoreError = storeErrorCode(error);
        return { ok: false, reason: `store-failed:${this.lastStoreError}` };
      }
    }
    return { ok: true };
  }

  /**
   * Compare REFERRAL_KEY with the check value stored by the first start. A first start (or an
   * outbox from before the check) stores it. A different key with referrals still sealed under
   * the old one (pending or dead) throws KeyChanged, unless `acceptChange`: those referrals then
   * go to the dead letter at once (`key-changed`), their references are returned, and the new
   * key's check is stored. A different key with nothing sealed is taken silently.
   */
  checkKey(acceptChange: boolean): { changed: boolean; deadLettered: string[] } {
    const stored = this.#db.prepare(`SELECT value FROM meta WHERE name = 'key-check'`).get() as
      | { value: Uint8Array }
      | undefined;
    const mine = keyCheck(this.#key);
    const store = () =>
      this.#db
        .prepare(
          `INSERT INTO meta (name, value) VALUES ('key-check', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
        )
        .run(mine);
    if (!stored) {
      store();
      return { changed: false, deadLettered: [] };
    }
    if (sameFingerprint(Buffer.from(stored.value), mine)) return { changed: false, deadLettered: [] };
    const sealedRows = this.#db
      .prepare(`SELECT reference, status FROM referrals WHERE payload IS NOT NULL AND status IN ('pending', 'dead')`)
      .all() as { reference: string; status: Status }[];
    const pending = sealedRows.filter((r) => r.status === 'pending');
    if (pending.length > 0 && !acceptChange) throw new KeyChanged(pending.length);
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const now = Date.now();
      const mark = this.#db.prepare(
        `UPDATE referrals SET status = 'dead', updated_at = ?, last_error = 'key-changed' WHERE reference = ? AND status = 'pending'`,
      );
      for (const r of pending) mark.run(now, r.reference);
      store();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
    return { changed: true, deadLettered: pending.map((r) => r.reference) };
  }

  close(): void {
    this.#db.close();
  }
}

/** Constant-time comparison of two digests; a missing one (a key from before fingerprints) matches nothing. */
export function sameFingerprint(a: Buffer | null, b: Buffer): boolean {
  return a !== null && a.length === b.length && timingSafeEqual(a, b);
}

/** A store error as a short code for logs and /healthz: never a message, which could quote data. */
export function storeErrorCode(error: unknown): string {
  const e = error as { code?: unknown; errcode?: unknown; name?: unknown };
  if (typeof e?.errcode === 'number') return `sqlite-${e.errcode}`;
  return typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'error';
}
