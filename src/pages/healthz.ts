import type { APIRoute } from 'astro';
import { timingSafeEqual } from 'node:crypto';
import { referralService } from '../features/referral/runtime.server';

export const prerender = false;

const started = Date.now();
const authorised = (header: string | null): boolean => {
  const token = referralService().config.healthzToken;
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
};

/**
 * Health for the load balancer and operations, never cached.
 * - 200 `ok`; 200 `degraded` when referrals wait in the dead letter (an operator must look:
 *   docs/referral.md, "Referrals: operations"); 503 `unavailable` when a referral cannot be stored now
 *   (DATA_DIR read-only or full, the database locked, the last store failed; with DATABASE_URL:
 *   PostgreSQL does not answer within 2 s or refuses a write).
 * - Everyone gets the status only: counts would tell an outsider the volume and timing of
 *   referrals. With `Authorization: Bearer <HEALTHZ_TOKEN>` also the counts and the reason.
 */
export const GET: APIRoute = async ({ request }) => {
  const health = await referralService().health();
  const body = authorised(request.headers.get('authorization'))
    ? {
        status: health.status,
        reason: health.reason,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        referrals: health.referrals,
      }
    : { status: health.status };
  return new Response(JSON.stringify(body), {
    status: health.status === 'unavailable' ? 503 : 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};
