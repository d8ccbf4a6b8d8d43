import type { APIRoute } from 'astro';

export const prerender = false;

const started = Date.now();

/** Liveness for the load balancer and CI: small, no personal data, never cached. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) }), {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
