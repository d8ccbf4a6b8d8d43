import { type KeyObject, createSecretKey, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import {
  bodyFingerprint,
  clientHash,
  KeyChanged,
  keyCheck,
  keyHash,
  open,
  sameFingerprint,
  seal,
  storeErrorCode,
  type AddResult,
  type OutboxRow,
  type Status,
} from './outbox.server.ts';
import type { AddArgs, ReferralStore } from './store.server.ts';

/**
 * The outbox, idempotency keys, rate limit and dead letter in PostgreSQL (DATABASE_URL), shared
 * by any number of servers. The same guarantees as the SQLite outbox:
 * - a referral is sealed (AES-256-GCM under REFERRAL_KEY, the reference as associated data)
 *   in this process; the database sees only the reference, times, status, attempts, which
 *   gateways are done, the lease and a short error code in clear;
 * - `add` resolves only after the COMMIT that holds it (synchronous_commit as the server has
 *   it: `on` by default, i.e. flushed to the WAL on disk). Requests that arrive together share one
 *   transaction (group commit), a few transactions run at once;
 * - idempotency keys and the rate limit are checked inside that transaction, so a retry that
 *   reaches another server gets the first answer, and the limit counts every server's referrals;
 * - delivery: a server leases due rows (`FOR UPDATE SKIP LOCKED`, lease until now + lease);
 *   rows whose lease ran out (their server died) are leased again by another. The Message-ID
 *   is the reference's, so a resent message is recognisable as the same one.
 * Times are milliseconds since the epoch; leases use the database's clock, so servers whose
 * clocks differ still agree on when a lease has run out.
 */

/** Versioned migrations, applied in order at start under an advisory lock. Never edit one: add the next. */
export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE referrals (
        reference text PRIMARY KEY,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at bigint NOT NULL,
        delivered_at bigint,
        done text NOT NULL DEFAULT '',
        last_error text,
        lease_owner text,
        lease_until bigint,
        payload bytea
      );
      CREATE INDEX referrals_due ON referrals (next_attempt_at) WHERE status = 'pending';
      CREATE TABLE idempotency (
        key_hash text PRIMARY KEY,
        reference text NOT NULL,
        created_at bigint NOT NULL,
        answer bytea NOT NULL,
        fingerprint bytea
      );
      CREATE TABLE rate_events (
        client text NOT NULL,
        at bigint NOT NULL
      );
      CREATE INDEX rate_events_client ON rate_events (client, at);
      CREATE TABLE meta (
        name text PRIMARY KEY,
        value bytea NOT NULL
      );`,
  },
];

/** Advisory lock ids (first key: this application; second: what is locked). */
const LOCK_APP = 0x0c03;
const LOCK_MIGRATIONS = 1;
const LOCK_RATE = 0x0c04;

const HOUR = 60 * 60 * 1000;
/** The database's clock in milliseconds. */
const DB_NOW = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;
/** Whether $4 is the key check the database holds: the REFERRAL_KEY of its referrals. */
const KEY_IS_CURRENT = `(SELECT value FROM meta WHERE name = 'key-check') = $4`;
/**
 * New referrals: $1 references, $2 the time, $3 their sealed payloads, $4 this server's key
 * check. Nothing is inserted when another key is the database's now (see KeySuperseded).
 */
const INSERT_REFERRALS = `INSERT INTO referrals (reference, created_at, updated_at, status, attempts, next_attempt_at, payload)
  SELECT r, $2, $2, 'pending', 0, $2, p FROM unnest($1::text[], $3::bytea[]) AS t(r, p) WHERE ${KEY_IS_CURRENT}`;
const ON_CONFLICT = 'ON CONFLICT (reference) DO NOTHING RETURNING reference';
const TAKEN: AddResult = { kind: 'reference-taken' };

/** A batch's results so far: `reference-taken` for a reference an earlier referral of the batch has, else null. */
function batchTwins(batch: Pending[]): (AddResult | null)[] {
  const seen = new Set<string>();
  return batch.map((p) => {
    if (seen.has(p.args.reference)) return TAKEN;
    seen.add(p.args.reference);
    return null;
  });
}

/** Referrals per transaction at most, and transactions at once. */
const MAX_BATCH = 200;
const MAX_FLUSHES = 4;

interface Pending {
  args: AddArgs;
  sealed: Buffer;
  idempotency: { hash: string; sealedAnswer: Buffer; fingerprint: Buffer } | null;
  rate: { client: string; limit: number } | null;
  resolve: (r: AddResult) => void;
  reject: (e: unknown) => void;
}

/** Why the database could not be reached at start: the server stops (exit 78) naming DATABASE_URL. */
export class DatabaseUnavailable extends Error {
  constructor(readonly code: string) {
    super(`database unavailable (${code})`);
    this.name = 'DatabaseUnavailable';
  }
}

/**
 * Another server started with a different REFERRAL_KEY (a rotation, or a mistake) and the
 * database's referrals are now sealed with that one: this server stores and delivers nothing
 * more (503, /healthz unavailable) until it is restarted with the database's key.
 */
export class KeySuperseded extends Error {
  readonly code = 'key-superseded';
  constructor() {
    super('REFERRAL_KEY is no longer the database key');
    this.name = 'KeySuperseded';
  }
}

/** Where DATABASE_URL points, without the password: for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

export class PgOutbox implements ReferralStore {
  readonly backend = 'postgres';
  readonly pollMs: number;
  lastStoreError: string | null = null;
  onCommit: () => void = () => {};
  readonly #pool: pg.Pool;
  readonly #key: KeyObject;
  readonly #leaseMs: number;
  readonly #owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  /** The HMAC of REFERRAL_KEY the database keeps of the key its referrals are sealed with. */
  readonly #keyCheck: Buffer;
  #superseded = false;
  #migrated: Promise<void> | null = null;
  #ready: Promise<void> | null = null;
  #queue: Pending[] = [];
  #flushing = 0;
  #scheduled = false;
  #lastRateCleanup = 0;
  readonly #inflight = new Map<string, { fingerprint: Buffer; result: Promise<AddResult> }>();

  constructor(url: string, key: Buffer, opts: { leaseMs: number; poolSize?: number }) {
    this.#key = createSecretKey(key);
    this.#keyCheck = keyCheck(this.#key);
    this.#leaseMs = opts.leaseMs;
    this.pollMs = Math.min(1000, Math.max(100, Math.floor(opts.leaseMs / 2)));
    this.#pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      // A database that vanished without closing the connection: the query fails, the request gets 503.
      query_timeout: 15_000,
      keepAlive: true,
      application_name: 'co3-portal',
      // bigint columns hold milliseconds: well inside a double's exact range.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection that breaks (the database restarted) must not end the process.
    this.#pool.on('error', (error) => {
      this.lastStoreError = storeErrorCode(error);
      console.error(`referrals: database connection lost (${this.lastStoreError})`);
    });
  }

  /**
   * Connect, migrate and check REFERRAL_KEY against the database (see `checkKey`): the server's
   * start. Every other use of the database waits for it. Rejects with DatabaseUnavailable when
   * the database cannot be reached or refuses us, with KeyChanged when the key does not fit.
   */
  start(acceptKeyChange: boolean): Promise<{ changed: boolean; deadLettered: string[] }> {
    const started = this.checkKey(acceptKeyChange);
    this.#ready = started.then(() => {});
    this.#ready.catch(() => {}); // the caller handles the failure (exit 78); waiting requests get it too
    return started;
  }

  /** Resolves once the database is ready for referrals: migrated, and the key checked (`start`, or here without a change allowed). */
  ready(): Promise<void> {
    this.#ready ??= this.checkKey(false).then(() => {});
    return this.#ready;
  }

  #migrateOnce(): Promise<void> {
    this.#migrated ??= this.#migrate();
    return this.#migrated;
  }

  /** A pooled connection with a listener for its errors while checked out (without one, a lost connection would be an uncaught error). */
  /** A connection for start-up work; a database that cannot be reached is DatabaseUnavailable. */
  async #connectOrUnavailable(): Promise<{ client: pg.PoolClient; done: (broken?: boolean) => void }> {
    try {
      return await this.#connect();
    } catch (error) {
      throw new DatabaseUnavailable(storeErrorCode(error));
    }
  }

  async #connect(): Promise<{ client: pg.PoolClient; done: (broken?: boolean) => void }> {
    const client = await this.#pool.connect();
    const onError = (error: Error) => {
      this.lastStoreError = storeErrorCode(error);
    };
    client.on('error', onError);
    return {
      client,
      done: (broken = false) => {
        client.removeListener('error', onError);
        client.release(broken);
      },
    };
  }

  async #migrate(): Promise<void> {
    const { client, done } = await this.#connectOrUnavailable();
    try {
      // Two servers starting at once: the second waits here until the first has migrated.
      await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_APP, LOCK_MIGRATIONS]);
      try {
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
        );
        const applied = new Set(
          (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
        );
        for (const m of MIGRATIONS) {
          if (applied.has(m.version)) continue;
          await client.query('BEGIN');
          try {
            await client.query(m.sql);
            await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK').catch(() => {});
            throw error;
          }
          console.info(`referrals: database migrated to version ${m.version}`);
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_APP, LOCK_MIGRATIONS]).catch(() => {});
      }
    } finally {
      done(true); // a session that held an advisory lock is not reused
    }
  }

  fingerprint(canonicalBody: string): Buffer {
    return bodyFingerprint(this.#key, canonicalBody);
  }

  clientId(address: string): string {
    return clientHash(this.#key, address);
  }

  async add(args: AddArgs): Promise<AddResult> {
    const hash = args.idempotencyKey ? keyHash(args.idempotencyKey) : null;
    const fingerprint = args.fingerprint ?? Buffer.alloc(32);
    // A repeat while another request with this key is on its way to the database. That request
    // is not necessarily the first with the key (the database decides that, in its transaction),
    // so its outcome is awaited, not guessed: a different body is refused only once the key is
    // known to be stored with the other one; otherwise this request asks the database itself.
    for (let tries = 0; hash && tries < 8; tries++) {
      const inflight = this.#inflight.get(hash);
      if (!inflight) break;
      const same = sameFingerprint(inflight.fingerprint, fingerprint);
      const first = await inflight.result.catch(() => null);
      if (first === null) continue; // it failed: its successor, or this request, tries again
      if (first.kind === 'stored' || first.kind === 'replay') {
        return same ? { kind: 'replay', answer: first.answer } : { kind: 'key-reused' };
      }
      // Refused because the key holds another body: so is this same body. Anything else (another
      // body, a rate limit that is the other client's): the database decides for this one.
      if (same && (first.kind === 'key-reused' || first.kind === 'key-unreadable')) return first;
      break;
    }
    const rate = args.rate && args.rate.limit > 0 ? args.rate : null;
    const idempotency = hash
      ? { hash, sealedAnswer: seal(this.#key, `idempotency:${hash}`, args.answer), fingerprint }
      : null;
    const result = new Promise<AddResult>((resolve, reject) => {
      this.#queue.push({
        args,
        sealed: seal(this.#key, args.reference, args.payload),
        idempotency,
        rate,
        resolve,
        reject,
      });
    });
    this.#kick();
    if (!hash) return result;
    this.#inflight.set(hash, { fingerprint, result });
    try {
      return await result;
    } finally {
      this.#inflight.delete(hash);
    }
  }

  #kick(): void {
    if (this.#scheduled || this.#flushing >= MAX_FLUSHES || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#flushing >= MAX_FLUSHES || this.#queue.length === 0) return;
      const batch = this.#queue.splice(0, MAX_BATCH);
      this.#flushing++;
      void this.#flush(batch).finally(() => {
        this.#flushing--;
        this.#kick();
      });
      this.#kick();
    });
  }

  async #flush(batch: Pending[]): Promise<void> {
    try {
      await this.ready();
      const results = await this.#commit(batch);
      this.lastStoreError = null;
      for (const [i, p] of batch.entries()) p.resolve(results[i]!);
      if (results.some((r) => r.kind === 'stored')) this.onCommit();
    } catch (error) {
      // One bad row (a reference collision, 1 in 2^40) must not fail the others: retry them alone.
      if (batch.length > 1 && /^23/.test(String((error as { code?: unknown }).code ?? ''))) {
        for (const p of batch) await this.#flush([p]);
        return;
      }
      this.lastStoreError = storeErrorCode(error);
      for (const p of batch) p.reject(error);
    }
  }

  /** One transaction for the batch: repeats answered, the rate limit applied, the rest stored. */
  async #commit(batch: Pending[]): Promise<AddResult[]> {
    const results: (AddResult | null)[] = batchTwins(batch);
    if (batch.every((p) => !p.idempotency && !p.rate)) {
      // Nothing to look up first: one INSERT is its own transaction, committed when it returns
      // (two round trips fewer than BEGIN … COMMIT). A reference another referral has is skipped.
      const fresh = batch.filter((_, i) => results[i] === null);
      const { rows } = await this.#pool.query<{ reference: string }>(`${INSERT_REFERRALS} ${ON_CONFLICT}`, [
        fresh.map((p) => p.args.reference),
        Date.now(),
        fresh.map((p) => p.sealed),
        this.#keyCheck,
      ]);
      // Fewer rows: references taken, or no row at all because the key is no longer the database's.
      if (rows.length < fresh.length) await this.#assertKeyCurrent(this.#pool);
      const inserted = new Set(rows.map((r) => r.reference));
      return batch.map(
        (p, i): AddResult =>
          results[i] ?? (inserted.has(p.args.reference) ? { kind: 'stored', answer: p.args.answer } : TAKEN),
      );
    }
    const { client, done } = await this.#connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const now = Date.now();

      // Keys stored before (by any server): the first answer, or a refusal.
      const keyed = batch.flatMap((p, i) => (p.idempotency ? [i] : []));
      if (keyed.length > 0) {
        const found = await this.#findKeys(
          client,
          keyed.map((i) => batch[i]!.idempotency!.hash),
        );
        for (const i of keyed) {
          const row = found.get(batch[i]!.idempotency!.hash);
          if (row) results[i] = this.#previous(row, batch[i]!.idempotency!);
        }
      }

      // References another referral has: draw another (the service does). A referral stored between
      // this look and the INSERT fails the INSERT: the batch is then tried one by one.
      const undecided = batch.flatMap((_, i) => (results[i] === null ? [i] : []));
      if (undecided.length > 0) {
        const { rows } = await client.query<{ reference: string }>(
          'SELECT reference FROM referrals WHERE reference = ANY($1)',
          [undecided.map((i) => batch[i]!.args.reference)],
        );
        const taken = new Set(rows.map((r) => r.reference));
        for (const i of undecided) if (taken.has(batch[i]!.args.reference)) results[i] = TAKEN;
      }

      // The rate limit: one lock per client, so servers counting the same client take turns.
      const limited = batch.flatMap((p, i) => (p.rate && results[i] === null ? [i] : []));
      if (limited.length > 0) {
        const clients = [...new Set(limited.map((i) => batch[i]!.rate!.client))];
        await client.query(
          `SELECT pg_advisory_xact_lock($1, h) FROM (SELECT DISTINCT hashtext(c) AS h FROM unnest($2::text[]) AS c ORDER BY h) AS s`,
          [LOCK_RATE, clients],
        );
        const counted = await client.query<{ client: string; n: number; oldest: number }>(
          `SELECT client, count(*)::integer AS n, min(at) AS oldest FROM rate_events WHERE client = ANY($1) AND at > $2 GROUP BY client`,
          [clients, now - HOUR],
        );
        const seen = new Map(counted.rows.map((r) => [r.client, { n: r.n, oldest: r.oldest }]));
        for (const i of limited) {
          const { client: id, limit } = batch[i]!.rate!;
          const c = seen.get(id) ?? { n: 0, oldest: now };
          if (c.n >= limit) {
            results[i] = {
              kind: 'rate-limited',
              retryAfterSeconds: Math.max(1, Math.ceil((c.oldest + HOUR - now) / 1000)),
            };
          } else {
            seen.set(id, { n: c.n + 1, oldest: c.oldest });
          }
        }
      }

      // Keys: inserted, unless another server's transaction stored the same key meanwhile.
      const newKeys = keyed.filter((i) => results[i] === null);
      if (newKeys.length > 0) {
        const ks = newKeys.map((i) => batch[i]!);
        const inserted = await client.query<{ key_hash: string }>(
          `INSERT INTO idempotency (key_hash, reference, created_at, answer, fingerprint)
           SELECT k, r, $3, a, f FROM unnest($1::text[], $2::text[], $4::bytea[], $5::bytea[]) AS t(k, r, a, f)
           ON CONFLICT (key_hash) DO NOTHING RETURNING key_hash`,
          [
            ks.map((p) => p.idempotency!.hash),
            ks.map((p) => p.args.reference),
            now,
            ks.map((p) => p.idempotency!.sealedAnswer),
            ks.map((p) => p.idempotency!.fingerprint),
          ],
        );
        const mine = new Set(inserted.rows.map((r) => r.key_hash));
        const raced = newKeys.filter((i) => !mine.has(batch[i]!.idempotency!.hash));
        if (raced.length > 0) {
          const found = await this.#findKeys(
            client,
            raced.map((i) => batch[i]!.idempotency!.hash),
          );
          for (const i of raced) {
            const row = found.get(batch[i]!.idempotency!.hash);
            results[i] = row ? this.#previous(row, batch[i]!.idempotency!) : { kind: 'key-reused' };
          }
        }
      }

      const stored = batch.flatMap((_, i) => (results[i] === null ? [i] : []));
      if (stored.length > 0) {
        const inserted = await client.query(INSERT_REFERRALS, [
          stored.map((i) => batch[i]!.args.reference),
          now,
          stored.map((i) => batch[i]!.sealed),
          this.#keyCheck,
        ]);
        if (inserted.rowCount !== stored.length) await this.#assertKeyCurrent(client);
        const counted = stored.filter((i) => batch[i]!.rate);
        if (counted.length > 0) {
          await client.query('INSERT INTO rate_events (client, at) SELECT c, $2 FROM unnest($1::text[]) AS c', [
            counted.map((i) => batch[i]!.rate!.client),
            now,
          ]);
        }
      }
      if (now - this.#lastRateCleanup > 60_000) {
        this.#lastRateCleanup = now;
        await client.query('DELETE FROM rate_events WHERE at <= $1', [now - HOUR]);
      }
      await client.query('COMMIT');
      for (const i of stored) results[i] = { kind: 'stored', answer: batch[i]!.args.answer };
      return results as AddResult[];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      done(broken);
    }
  }

  /** Throws KeySuperseded (and says so in the log, once) when the database's key is no longer this server's. */
  async #assertKeyCurrent(db: pg.Pool | pg.PoolClient): Promise<void> {
    const { rows } = await db.query<{ value: Buffer }>(`SELECT value FROM meta WHERE name = 'key-check'`);
    if (rows[0] && sameFingerprint(rows[0].value, this.#keyCheck)) {
      this.#superseded = false;
      return;
    }
    if (!this.#superseded) {
      this.#superseded = true;
      console.error(
        'referrals: another server started with a different REFERRAL_KEY, and the database now holds referrals sealed with that one. This server stores and delivers none (503, /healthz unavailable) until it is restarted with the same REFERRAL_KEY as the others (docs/deploy.md, "Rotating REFERRAL_KEY").',
      );
    }
    throw new KeySuperseded();
  }

  async #findKeys(
    client: pg.PoolClient,
    hashes: string[],
  ): Promise<Map<string, { answer: Buffer; fingerprint: Buffer | null }>> {
    const { rows } = await client.query<{ key_hash: string; answer: Buffer; fingerprint: Buffer | null }>(
      'SELECT key_hash, answer, fingerprint FROM idempotency WHERE key_hash = ANY($1)',
      [hashes],
    );
    return new Map(rows.map((r) => [r.key_hash, r]));
  }

  #previous(
    row: { answer: Buffer; fingerprint: Buffer | null },
    mine: { hash: string; fingerprint: Buffer },
  ): AddResult {
    let answer: string;
    try {
      answer = open(this.#key, `idempotency:${mine.hash}`, row.answer);
    } catch {
      // Sealed under a key the server no longer has: its fingerprint cannot match either.
      return { kind: 'key-unreadable' };
    }
    if (!sameFingerprint(row.fingerprint, mine.fingerprint)) return { kind: 'key-reused' };
    return { kind: 'replay', answer };
  }

  async #query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.ready();
    return this.#pool.query<R>(sql, params);
  }

  /**
   * Lease up to `limit` due referrals to this server until the lease runs out. Rows another
   * server holds (locked now, or leased and not expired) are skipped, not waited for.
   */
  async due(_now: number, limit = 10): Promise<OutboxRow[]> {
    const leasedAt = Date.now();
    const { rows } = await this.#query<{
      reference: string;
      created_at: number;
      attempts: number;
      done: string;
      payload: Buffer | null;
    }>(
      `WITH picked AS (
         SELECT reference FROM referrals
         WHERE status = 'pending' AND next_attempt_at <= ${DB_NOW} AND (lease_until IS NULL OR lease_until < ${DB_NOW})
           AND ${KEY_IS_CURRENT}
         ORDER BY next_attempt_at LIMIT $1
         FOR UPDATE SKIP LOCKED)
       UPDATE referrals AS r SET lease_owner = $2, lease_until = ${DB_NOW} + $3
       FROM picked WHERE r.reference = picked.reference
       RETURNING r.reference, r.created_at, r.attempts, r.done, r.payload`,
      [limit, this.#owner, this.#leaseMs, this.#keyCheck],
    );
    // Nothing leased because the key is no longer the database's: another server's referrals are not ours to read.
    if (rows.length === 0 && !this.#superseded) await this.#assertKeyCurrent(this.#pool).catch(() => {});
    // Start sending a row only in the first half of its lease: a send takes far less, so no other server takes it over meanwhile.
    const sendBy = leasedAt + this.#leaseMs / 2;
    return rows
      .sort((a, b) => a.created_at - b.created_at)
      .map((r) => ({
        reference: r.reference,
        createdAt: r.created_at,
        attempts: r.attempts,
        done: r.done ? r.done.split(',') : [],
        payload: r.payload,
        sendBy,
      }));
  }

  async release(references: string[]): Promise<void> {
    if (references.length === 0) return;
    await this.#query(
      `UPDATE referrals SET lease_owner = NULL, lease_until = NULL WHERE reference = ANY($1) AND lease_owner = $2`,
      [references, this.#owner],
    );
  }

  async nextDue(): Promise<number | null> {
    const { rows } = await this.#query<{ next: number | null; now: number }>(
      `SELECT min(greatest(next_attempt_at, coalesce(lease_until, 0))) AS next, ${DB_NOW} AS now FROM referrals WHERE status = 'pending'`,
    );
    const row = rows[0]!;
    // In this server's clock.
    return row.next === null ? null : Date.now() + (row.next - row.now);
  }

  decrypt(row: OutboxRow): string {
    if (!row.payload) throw new Error(`referral ${row.reference} has no payload`);
    return open(this.#key, row.reference, row.payload);
  }

  async markDelivered(reference: string, done: string[]): Promise<void> {
    const now = Date.now();
    await this.#query(
      `UPDATE referrals SET status = 'delivered', payload = NULL, delivered_at = $1, updated_at = $1, attempts = attempts + 1,
       done = $2, last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE reference = $3`,
      [now, done.join(','), reference],
    );
  }

  async markRetry(reference: string, done: string[], nextAttemptAt: number, error: string): Promise<void> {
    await this.#query(
      `UPDATE referrals SET attempts = attempts + 1, next_attempt_at = $1, updated_at = $2, done = $3, last_error = $4,
       lease_owner = NULL, lease_until = NULL WHERE reference = $5`,
      [nextAttemptAt, Date.now(), done.join(','), error, reference],
    );
  }

  async markDead(reference: string, done: string[], error: string): Promise<void> {
    await this.#query(
      `UPDATE referrals SET status = 'dead', attempts = attempts + 1, updated_at = $1, done = $2, last_error = $3,
       lease_owner = NULL, lease_until = NULL WHERE reference = $4`,
      [Date.now(), done.join(','), error, reference],
    );
  }

  async exists(reference: string): Promise<boolean> {
    return (await this.#query('SELECT 1 FROM referrals WHERE reference = $1', [reference])).rowCount! > 0;
  }

  async counts(): Promise<Record<Status, number>> {
    const { rows } = await this.#query<{ status: Status; n: number }>(
      'SELECT status, count(*)::integer AS n FROM referrals GROUP BY status',
    );
    const out: Record<Status, number> = { pending: 0, delivered: 0, dead: 0 };
    for (const r of rows) out[r.status] = r.n;
    return out;
  }

  /** Whether a referral can be stored now: the database answers (within 2 s) and takes a write. */
  async storable(): Promise<{ ok: true } | { ok: false; reason: string }> {
    const probe = async () => {
      await this.ready();
      if (this.lastStoreError) {
        // The last store failed: try a real write, so that /healthz recovers by itself.
        await this.#pool.query(
          `INSERT INTO meta (name, value) VALUES ('write-probe', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
          [Buffer.from(String(Date.now()))],
        );
        this.lastStoreError = null;
      }
      await this.#assertKeyCurrent(this.#pool);
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'timeout' })), 2000);
        }),
      ]);
      return { ok: true };
    } catch (error) {
      const code = error instanceof DatabaseUnavailable ? error.code : storeErrorCode(error);
      return { ok: false, reason: `database:${code}` };
    } finally {
      clearTimeout(timer);
    }
  }

  /** As `Outbox.checkKey`, for the shared database (under the migration lock, so two servers starting agree). */
  async checkKey(acceptChange: boolean): Promise<{ changed: boolean; deadLettered: string[] }> {
    await this.#migrateOnce();
    const { client, done } = await this.#connectOrUnavailable();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_APP, LOCK_MIGRATIONS]);
      // Referrals being stored by other servers now are committed before the count below, and
      // those that follow wait for this transaction: so they see the key it leaves.
      await client.query('LOCK TABLE referrals IN SHARE MODE');
      const mine = this.#keyCheck;
      const store = () =>
        client.query(
          `INSERT INTO meta (name, value) VALUES ('key-check', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
          [mine],
        );
      const stored = (await client.query<{ value: Buffer }>(`SELECT value FROM meta WHERE name = 'key-check'`)).rows[0];
      let result = { changed: false, deadLettered: [] as string[] };
      if (!stored) {
        await store();
      } else if (!sameFingerprint(stored.value, mine)) {
        const pending = (
          await client.query<{ reference: string }>(
            `SELECT reference FROM referrals WHERE payload IS NOT NULL AND status = 'pending'`,
          )
        ).rows;
        if (pending.length > 0 && !acceptChange) throw new KeyChanged(pending.length);
        await client.query(
          `UPDATE referrals SET status = 'dead', updated_at = $1, last_error = 'key-changed', lease_owner = NULL, lease_until = NULL WHERE status = 'pending' AND payload IS NOT NULL`,
          [Date.now()],
        );
        await store();
        result = { changed: true, deadLettered: pending.map((r) => r.reference) };
      }
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      done();
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
