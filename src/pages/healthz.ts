import type { APIRoute } from 'astro';
import { referralService } from '../features/referral/runtime.server';

export const prerender = false;

const started = Date.now();

/**
 * Liveness for the load balancer and CI: small, no personal data, never cached. `referrals`
 * counts the outbox: `dead` above zero needs an operator (README, "Referrals: operations").
 */
export const GET: APIRoute = () => {
  const referrals = referralService().health();
  return new Response(
    JSON.stringify({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000), referrals }),
    { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } },
  );
};
