import { inject } from 'vitest';
import { PgCluster } from '../../tools/pg-cluster.ts';

/**
 * The two stores the referral service runs on: SQLite in DATA_DIR (the default) and PostgreSQL
 * at DATABASE_URL. Tests of the outbox, delivery, idempotency and the rate limit run on both.
 */
export type Backend = 'sqlite' | 'postgres';

const info = inject('postgres');
/** The cluster of this run (tests/integration/postgres-global.ts), or null when PostgreSQL is not installed. */
export const pgCluster = info ? new PgCluster(info) : null;

export const BACKENDS: Backend[] = pgCluster ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * The environment that puts a new server on `backend`: for PostgreSQL, a new empty database,
 * and a lease of 3 s (instead of 120) so that a killed server's referrals are taken over within
 * the tests' waits.
 */
export async function backendEnv(backend: Backend): Promise<Record<string, string>> {
  if (backend === 'sqlite') return {};
  return { DATABASE_URL: await pgCluster!.createDatabase(), REFERRAL_LEASE_SECONDS: '3' };
}
