import type { AddResult, OutboxRow, Status } from './outbox.server.ts';

/**
 * What the referral service needs from its store: the outbox, the idempotency keys, the rate
 * limit and the dead letter. Two backends implement it: `Outbox` (node:sqlite in DATA_DIR, the
 * default, one server) and `PgOutbox` (PostgreSQL at DATABASE_URL, any number of servers).
 * SQLite answers synchronously; the service awaits every answer either way.
 */
type Maybe<T> = T | Promise<T>;

export interface AddArgs {
  reference: string;
  /** The referral as JSON: sealed (AES-256-GCM, the reference as associated data) before it is stored. */
  payload: string;
  /** The 202 answer, stored sealed with the idempotency key so a repeat gets the same one. */
  answer: string;
  idempotencyKey?: string | null;
  fingerprint?: Buffer | null;
  rate?: { client: string; limit: number } | null;
}

export interface ReferralStore {
  readonly backend: 'sqlite' | 'postgres';
  /**
   * How often (ms) the dispatcher looks for work it was not told about: referrals stored by
   * another server, leases of a server that died. Null: only this process writes the store.
   */
  readonly pollMs: number | null;
  /** The last store failure since the last successful commit (a short code), for /healthz. */
  lastStoreError: string | null;
  /** Called after each commit that added work (the dispatcher wakes up). */
  onCommit: () => void;
  fingerprint(canonicalBody: string): Buffer;
  clientId(address: string): string;
  /** Store a referral; resolves `stored` only after the commit is durable. */
  add(args: AddArgs): Promise<AddResult>;
  /** Referrals due for delivery (leased to this server where several servers share the store). */
  due(now: number, limit?: number): Maybe<OutboxRow[]>;
  /** Give back leased rows this server will not deliver now. */
  release?(references: string[]): Maybe<void>;
  /** When the next pending referral is due (local clock), or null when none is pending. */
  nextDue(): Maybe<number | null>;
  decrypt(row: OutboxRow): string;
  markDelivered(reference: string, done: string[]): Maybe<void>;
  markRetry(reference: string, done: string[], nextAttemptAt: number, error: string): Maybe<void>;
  markDead(reference: string, done: string[], error: string): Maybe<void>;
  exists(reference: string): Maybe<boolean>;
  counts(): Maybe<Record<Status, number>>;
  storable(): Maybe<{ ok: true } | { ok: false; reason: string }>;
  checkKey(acceptChange: boolean): Maybe<{ changed: boolean; deadLettered: string[] }>;
  close(): Maybe<void>;
}
