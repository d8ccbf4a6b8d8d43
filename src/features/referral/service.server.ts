import { randomInt } from 'node:crypto';
import { assess, needsMotivation, type ReferralArea, type Assessment, type Rules } from './eligibility.ts';
import { composeIntakeMessage, type IntakeEnvelope } from './message.ts';
import { newReference } from './reference.ts';
import { CHECK_QUESTIONS } from './questions.ts';
import {
  eligibilityFromReferral,
  eligibilitySchema,
  fieldErrors,
  makeReferralSchema,
  pick,
  type EligibilityAnswers,
  type FieldError,
  type Referral,
} from './schema.ts';
import type { ReferralConfig } from './config.server.ts';
import { DeliveryError, inboxGateway, smtpGateway, webhookGateway, type Gateway } from './gateways.server.ts';
import { Outbox, type OutboxRow } from './outbox.server.ts';
import type { ReferralStore } from './store.server.ts';

/**
 * The referral service: validation, the outbox and the dispatcher, in the server process.
 * Logs name references and short error codes only, never what a referral says.
 */

/** Every answer but `accepted` carries the check's assessment (null when the check's answers are invalid), for the page. */
export type SubmitResult =
  | { kind: 'invalid'; errors: FieldError[]; assessment: Assessment | null }
  | { kind: 'rate-limited'; retryAfterSeconds: number; assessment: Assessment }
  /** The Idempotency-Key was used before with a different referral: nothing is stored. */
  | { kind: 'key-reused'; assessment: Assessment }
  /** The Idempotency-Key's first referral was sealed with a REFERRAL_KEY the server no longer has. */
  | { kind: 'key-unreadable'; assessment: Assessment }
  | { kind: 'accepted'; reference: string; outcome: Assessment['outcome']; urgent: boolean; replay: boolean };

interface AcceptedAnswer {
  reference: string;
  outcome: Assessment['outcome'];
  urgent: boolean;
}

interface StoredPayload {
  receivedAt: string;
  locale: string;
  referral: Referral;
  assessment: Assessment;
}

const MAX_ATTEMPTS = 16;
const MAX_DELAY_MS = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** Exponential backoff with jitter: between half and all of base·2^(n−1), capped at an hour. */
export function backoff(baseMs: number, attempt: number, random = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The check's answers inside an invalid referral, when they are valid on their own. */
function eligibilityFromInput(input: unknown): EligibilityAnswers | null {
  if (typeof input !== 'object' || input === null) return null;
  const parsed = eligibilitySchema.safeParse(pick(input, CHECK_QUESTIONS));
  return parsed.success ? parsed.data : null;
}

export class ReferralService {
  readonly outbox: ReferralStore;
  readonly #gateways: Gateway[];
  readonly #config: ReferralConfig;
  readonly #rules: Rules;
  readonly #locate: (location: string) => ReferralArea;
  /** Built once: constructing a zod schema costs ten times what a parse does. */
  readonly #schema: ReturnType<typeof makeReferralSchema>;
  /** The assessment of the referral being validated: computed once per submission (see submit). */
  #assessed: { referral: Referral; assessment: Assessment } | null = null;
  readonly #lookups = new Map<string, { start: number; n: number }>();
  readonly #newReference: () => string;
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  /** The delivery run under way, if any: `close` waits for it. */
  #current: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  /** Counts wake-ups, so a schedule computed before one does not replace it. */
  #wakes = 0;

  /**
   * `store`: where referrals are kept (default: the SQLite outbox in DATA_DIR); `newReference`
   * is injectable so that tests can force a collision.
   */
  constructor(
    config: ReferralConfig,
    rules: Rules,
    locate: (location: string) => ReferralArea,
    opts: { store?: ReferralStore; newReference?: () => string } = {},
  ) {
    this.#config = config;
    this.#newReference = opts.newReference ?? (() => newReference());
    this.#rules = rules;
    this.#locate = locate;
    this.outbox = opts.store ?? new Outbox(config.dataDir, config.key);
    this.#gateways = [
      ...(config.smtp ? [smtpGateway(config.smtp)] : []),
      ...(config.webhook ? [webhookGateway(config.webhook)] : []),
      ...(config.inboxDir ? [inboxGateway(config.inboxDir)] : []),
    ];
    this.outbox.onCommit = () => this.wake();
    this.#schema = makeReferralSchema((r) => needsMotivation(this.#assessReferral(r)));
  }

  /** The settings the service runs with (read once at start). */
  get config(): ReferralConfig {
    return this.#config;
  }

  assess(answers: EligibilityAnswers): Assessment {
    return assess(answers, this.#rules, this.#locate(answers.family.location));
  }

  /** The referral's assessment, kept for the rest of this (synchronous) validation. */
  #assessReferral(referral: Referral): Assessment {
    if (this.#assessed?.referral !== referral)
      this.#assessed = { referral, assessment: this.assess(eligibilityFromReferral(referral)) };
    return this.#assessed.assessment;
  }

  /**
   * Validate, assess (never trusting an outcome sent by the browser) and store a referral.
   * Resolves `accepted` only once the referral is synced to disk. With an Idempotency-Key, the
   * same referral again gets the first answer and a different one `key-reused`: the key is
   * bound to a fingerprint of the validated referral (so key order, spacing and defaults do not
   * count as a difference). The rate limit counts accepted referrals per client address in the
   * outbox database, atomically with storing them.
   */
  async submit(
    input: unknown,
    opts: { client: string; idempotencyKey?: string | null; locale: string },
  ): Promise<SubmitResult> {
    // The check runs once per submission: the motivation rule (inside the schema) and the stored
    // outcome share it. Parsing is synchronous, so no other submission comes in between.
    this.#assessed = null;
    const parsed = this.#schema.safeParse(input);
    const assessed = this.#assessed as { assessment: Assessment } | null;
    this.#assessed = null;
    if (!parsed.success) {
      const answers = assessed ? null : eligibilityFromInput(input);
      return {
        kind: 'invalid',
        errors: fieldErrors(parsed.error),
        assessment: assessed?.assessment ?? (answers ? this.assess(answers) : null),
      };
    }
    const referral = parsed.data;
    const final = assessed?.assessment ?? this.assess(eligibilityFromReferral(referral));
    const receivedAt = new Date().toISOString();
    const fingerprint = opts.idempotencyKey ? this.outbox.fingerprint(JSON.stringify(referral)) : null;
    const limit = this.#config.rateLimit;
    const rate = limit > 0 ? { client: this.outbox.clientId(opts.client), limit } : null;
    // A reference names one referral. Two of 40 random bits collide rarely (about 1 in 2^40 per
    // pair, so once in a while among millions): the store says so, in the transaction that stores
    // it, and another is drawn. Five taken in a row means the generator is broken, and storing
    // fails (503) rather than reuse one.
    for (let draw = 0; draw < 5; draw++) {
      const reference = this.#newReference();
      const payload: StoredPayload = { receivedAt, locale: opts.locale, referral, assessment: final };
      const answer = JSON.stringify({ reference, outcome: final.outcome, urgent: final.urgent });
      const stored = await this.outbox.add({
        reference,
        payload: JSON.stringify(payload),
        answer,
        idempotencyKey: opts.idempotencyKey ?? null,
        fingerprint,
        rate,
      });
      if (stored.kind === 'reference-taken') continue;
      if (stored.kind === 'stored' || stored.kind === 'replay') {
        const first = JSON.parse(stored.answer) as AcceptedAnswer;
        return { kind: 'accepted', ...first, replay: stored.kind === 'replay' };
      }
      return { ...stored, assessment: final };
    }
    throw new Error('no free reference');
  }

  /**
   * Receipt lookups per client address: at most `receiptRateLimit` a minute (in memory: a
   * lookup changes nothing, so a restart may forget it). Null when allowed, else the seconds to wait.
   */
  receiptLookup(client: string): number | null {
    const limit = this.#config.receiptRateLimit;
    if (limit === 0) return null;
    const now = Date.now();
    if (this.#lookups.size > 10_000) {
      for (const [k, w] of this.#lookups) if (w.start + MINUTE <= now) this.#lookups.delete(k);
    }
    const window = this.#lookups.get(client);
    if (!window || window.start + MINUTE <= now) {
      this.#lookups.set(client, { start: now, n: 1 });
      return null;
    }
    if (window.n >= limit) return Math.max(1, Math.ceil((window.start + MINUTE - now) / 1000));
    window.n += 1;
    return null;
  }

  /** Start delivering: pending work from before a restart is picked up at once. */
  start(): void {
    this.#stopped = false;
    this.wake();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  wake(): void {
    if (this.#stopped) return;
    this.#wakes++;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#runTracked(), 0);
  }

  #runTracked(): Promise<void> {
    this.#current = this.#run();
    return this.#current;
  }

  async #run(): Promise<void> {
    this.#running = true;
    try {
      do {
        this.#again = false;
        for (;;) {
          const rows = await this.outbox.due(Date.now());
          if (rows.length === 0 || this.#stopped) break;
          await this.#deliverAll(rows);
        }
      } while (this.#again && !this.#stopped);
    } catch (error) {
      console.error(`referral dispatcher: ${(error as Error).name}`);
    } finally {
      this.#running = false;
      void this.#schedule();
    }
  }

  /**
   * Deliver a batch: one at a time from the SQLite outbox; with PostgreSQL a few at once
   * (DELIVERY_CONCURRENCY), since several servers share the work and a send mostly waits.
   */
  async #deliverAll(rows: OutboxRow[]): Promise<void> {
    const workers = this.outbox.backend === 'postgres' ? this.#config.deliveryConcurrency : 1;
    let next = 0;
    let stop = false;
    const unsent: OutboxRow[] = [];
    const errors: unknown[] = [];
    const work = async () => {
      while (!stop && next < rows.length) {
        const row = rows[next++]!;
        // A leased row whose lease is running out is given back rather than sent late: another
        // server may take it over once the lease has run out, and it must not be sent twice.
        if (this.#stopped || (row.sendBy !== undefined && Date.now() > row.sendBy)) {
          stop = true;
          unsent.push(row);
          return;
        }
        try {
          await this.#deliver(row);
        } catch (error) {
          errors.push(error);
          stop = true;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(workers, rows.length) }, work));
    unsent.push(...rows.slice(next));
    if (unsent.length > 0) await this.outbox.release?.(unsent.map((r) => r.reference));
    if (errors.length > 0) throw errors[0];
  }

  async #schedule(): Promise<void> {
    if (this.#stopped) return;
    const wakes = this.#wakes;
    let next: number | null;
    try {
      next = await this.outbox.nextDue();
    } catch {
      next = Date.now() + 5000; // the store did not answer: look again soon
    }
    // A store shared with other servers: look for their work and for expired leases regularly.
    if (this.outbox.pollMs !== null) next = Math.min(next ?? Infinity, Date.now() + this.outbox.pollMs);
    if (next === null || this.#stopped || this.#running || wakes !== this.#wakes) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#runTracked(), Math.max(0, next - Date.now()));
    this.#timer.unref();
  }

  async #deliver(row: OutboxRow): Promise<void> {
    let stored: StoredPayload;
    try {
      stored = JSON.parse(this.outbox.decrypt(row)) as StoredPayload;
    } catch {
      await this.outbox.markDead(row.reference, row.done, 'decrypt');
      console.error(`referral ${row.reference}: cannot be decrypted with the current REFERRAL_KEY; dead letter`);
      await this.#reportDead(row.reference, 'decrypt');
      return;
    }
    const message = composeIntakeMessage({
      reference: row.reference,
      receivedAt: new Date(stored.receivedAt),
      referral: stored.referral,
      assessment: stored.assessment,
      from: this.#config.mailFrom,
      to: this.#config.smtp?.to ?? 'intake@co3.invalid',
    });
    const envelope: IntakeEnvelope = JSON.parse(message.attachments[0]!.content) as IntakeEnvelope;
    const done = [...row.done];
    for (const gateway of this.#gateways) {
      if (done.includes(gateway.name)) continue;
      try {
        await gateway.deliver(message, envelope);
        done.push(gateway.name);
      } catch (error) {
        const failure = error instanceof DeliveryError ? error : new DeliveryError(`${gateway.name} error`, true);
        const attempt = row.attempts + 1;
        if (failure.transient && attempt < MAX_ATTEMPTS) {
          const delay = backoff(this.#config.retryBaseMs, attempt);
          await this.outbox.markRetry(row.reference, done, Date.now() + delay, failure.code);
          console.warn(
            `referral ${row.reference}: ${failure.code}, attempt ${attempt}, retry in ${Math.round(delay / 1000)} s`,
          );
        } else {
          await this.outbox.markDead(row.reference, done, failure.code);
          console.error(`referral ${row.reference}: ${failure.code}, attempt ${attempt}; dead letter`);
          await this.#reportDead(row.reference, failure.code);
        }
        return;
      }
    }
    await this.outbox.markDelivered(row.reference, done);
    console.info(`referral ${row.reference}: delivered (${done.join(', ')})`);
  }

  /** Tell operations, without personal data: the reference and the error code only. */
  async #reportDead(reference: string, code: string): Promise<void> {
    const to = this.#config.opsMailTo;
    if (!to) return;
    // The first mail gateway (SMTP, else the development inbox) carries it, with its TLS rules and timeouts.
    const gateway = this.#gateways.find((g) => g.alert);
    if (!gateway?.alert) return;
    try {
      await gateway.alert({
        reference,
        from: this.#config.mailFrom,
        to,
        subject: `CO3 portal: doorverwijzing ${reference} niet afgeleverd`,
        text: [
          `De doorverwijzing ${reference} kon niet aan het intaketeam worden afgeleverd (${code}).`,
          `Ze staat versleuteld in de dead-letter-status van de outbox (${this.outbox.backend === 'postgres' ? 'PostgreSQL, DATABASE_URL, tabel referrals' : 'DATA_DIR/outbox.sqlite'}).`,
          'Los de oorzaak op en zet ze terug op pending; zie docs/referral.md, "Referrals: operations".',
        ].join('\n'),
        messageId: `<ops-${reference.toLowerCase()}-${randomInt(1e9)}@${/@([^>]+)>?$/.exec(this.#config.mailFrom)?.[1] ?? 'co3.invalid'}>`,
      });
    } catch (error) {
      console.error(`referral ${reference}: ops report failed (${(error as { code?: string }).code ?? 'error'})`);
    }
  }

  /**
   * The service's health: `unavailable` when a referral cannot be stored now (503), `degraded`
   * when referrals wait in the dead letter, else `ok`; with the counts and the reason.
   */
  async health(): Promise<{
    status: 'ok' | 'degraded' | 'unavailable';
    reason: string | null;
    referrals: { pending: number; delivered: number; dead: number } | null;
  }> {
    const storable = await this.outbox.storable();
    // Unknown while the database does not answer.
    const referrals = await Promise.resolve()
      .then(() => this.outbox.counts())
      .catch(() => null);
    if (!storable.ok) return { status: 'unavailable', reason: storable.reason, referrals };
    if (!referrals) return { status: 'unavailable', reason: 'counts-failed', referrals };
    return {
      status: referrals.dead > 0 ? 'degraded' : 'ok',
      reason: referrals.dead > 0 ? 'dead-letters' : null,
      referrals,
    };
  }

  /**
   * Stop delivering and close the store: a send under way is finished and marked, leased
   * referrals not yet started are given back (another server takes them at once), and the
   * store's connections are closed.
   */
  async close(): Promise<void> {
    this.stop();
    await this.#current?.catch(() => {});
    for (const gateway of this.#gateways) gateway.close?.();
    await this.outbox.close();
  }
}
