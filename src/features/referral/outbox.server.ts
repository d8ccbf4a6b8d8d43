import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

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
}

const IV = 12;
const TAG = 16;

/** AES-256-GCM with a random IV; the reference is the associated data, so a payload cannot be moved to another row. */
export function seal(key: Buffer, reference: string, plaintext: string): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(reference));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, reference: string, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  decipher.setAAD(Buffer.from(reference));
  decipher.setAuthTag(sealed.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(sealed.subarray(IV + TAG)), decipher.final()]).toString('utf8');
}

/** Idempotency keys are stored hashed: a client might put anything in them. */
const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

interface Pending {
  reference: string;
  sealed: Buffer;
  idempotency: { hash: string; sealedAnswer: Buffer } | null;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class Outbox {
  readonly #db: DatabaseSync;
  readonly #key: Buffer;
  #queue: Pending[] = [];
  #flushScheduled = false;
  /** Idempotency keys whose first request is still on its way to disk. */
  readonly #inflight = new Map<string, Promise<string>>();
  readonly #insert: StatementSync;
  readonly #insertKey: StatementSync;
  readonly #findKey: StatementSync;
  readonly #due: StatementSync;
  /** Called after each commit that added work (the dispatcher wakes up). */
  onCommit: () => void = () => {};

  constructor(dataDir: string, key: Buffer) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.#key = key;
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
    `);
    this.#insert = this.#db.prepare(
      `INSERT INTO referrals (reference, created_at, updated_at, status, attempts, next_attempt_at, payload)
       VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
    );
    this.#insertKey = this.#db.prepare(
      'INSERT INTO idempotency (key_hash, reference, created_at, answer) VALUES (?, ?, ?, ?)',
    );
    this.#findKey = this.#db.prepare('SELECT reference, answer FROM idempotency WHERE key_hash = ?');
    this.#due = this.#db.prepare(
      `SELECT reference, created_at, attempts, done, payload FROM referrals
       WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY created_at LIMIT ?`,
    );
  }

  /**
   * Store a referral durably. Resolves after the commit that holds it is on disk.
   * With an idempotency key seen before, stores nothing and returns the first answer.
   */
  async add(args: {
    reference: string;
    payload: string;
    answer: string;
    idempotencyKey?: string | null;
  }): Promise<{ answer: string; replay: boolean }> {
    const hash = args.idempotencyKey ? keyHash(args.idempotencyKey) : null;
    if (hash) {
      const previous = this.#findAnswer(hash);
      if (previous !== null) return { answer: previous, replay: true };
      const inflight = this.#inflight.get(hash);
      if (inflight) return { answer: await inflight, replay: true };
    }
    const sealed = seal(this.#key, args.reference, args.payload);
    const idempotency = hash
      ? { hash, sealedAnswer: seal(this.#key, `idempotency:${hash}`, args.answer) }
      : null;
    const stored = new Promise<void>((resolve, reject) => {
      this.#queue.push({ reference: args.reference, sealed, idempotency, resolve, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
    if (hash) {
      const answer = stored.then(() => args.answer);
      this.#inflight.set(hash, answer);
      try {
        await stored;
      } finally {
        this.#inflight.delete(hash);
      }
    } else {
      await stored;
    }
    return { answer: args.answer, replay: false };
  }

  /** The answer given to an earlier request with this idempotency key, or null. */
  async previousAnswer(idempotencyKey: string): Promise<string | null> {
    const hash = keyHash(idempotencyKey);
    return this.#findAnswer(hash) ?? (await this.#inflight.get(hash)) ?? null;
  }

  #findAnswer(hash: string): string | null {
    const row = this.#findKey.get(hash) as { reference: string; answer: Uint8Array } | undefined;
    return row ? open(this.#key, `idempotency:${hash}`, Buffer.from(row.answer)) : null;
  }

  #flush(): void {
    this.#flushScheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    const now = Date.now();
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      for (const p of batch) {
        this.#insert.run(p.reference, now, now, now, p.sealed);
        if (p.idempotency) this.#insertKey.run(p.idempotency.hash, p.reference, now, p.idempotency.sealedAnswer);
      }
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
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) p.resolve();
    this.onCommit();
  }

  #flushOneByOne(): void {
    const batch = this.#queue;
    this.#queue = [];
    for (const p of batch) {
      const now = Date.now();
      try {
        this.#db.exec('BEGIN IMMEDIATE');
        this.#insert.run(p.reference, now, now, now, p.sealed);
        if (p.idempotency) this.#insertKey.run(p.idempotency.hash, p.reference, now, p.idempotency.sealedAnswer);
        this.#db.exec('COMMIT');
        p.resolve();
      } catch (error) {
        try {
          this.#db.exec('ROLLBACK');
        } catch {
          // nothing to roll back
        }
        p.reject(error);
      }
    }
    this.onCommit();
  }

  /** Referrals due for delivery, oldest first. */
  due(now: number, limit = 20): OutboxRow[] {
    const rows = this.#due.all(now, limit) as { reference: string; created_at: number; attempts: number; done: string; payload: Uint8Array | null }[];
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
    return this.#db.prepare('SELECT 1 FROM referrals WHERE reference = ?').get(reference) !== undefined;
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

  close(): void {
    this.#db.close();
  }
}
