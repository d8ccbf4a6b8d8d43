// The server entry of the build (`node dist/server/entry.mjs`): the node adapter's request
// handler inside a small node:http server of our own, as the adapter's docs suggest for custom
// servers. The guard in front of it answers what the adapter cannot (any method token, odd
// spellings of a path, malformed requests) and gives every response the site's header set; a
// last-resort handler answers 500 with the page frame, so no request can end the process.
import { autostart } from './no-autostart';
import { handler as astroHandler, options } from '@astrojs/node/server.js';
import routes, { allowedDomains } from 'virtual:co3/routes';
import { createRequestFromNodeRequest, getAbortControllerCleanup } from 'astro/app/node';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SiteMap,
  STRICT_CSP,
  allowHeader,
  baseHeaders,
  canonicalPath,
  decodePath,
  safeLocation,
  type Target,
} from './guard';
import { fastSearch } from '../features/search/shell.server';
import { type ApiAnswer, apiLocale, crossSiteAnswer } from '../features/referral/api-answer';
import { answerReferralApi } from '../features/referral/api.server';
import { stopReferralService } from '../features/referral/runtime.server';
import { SITE_ORIGINS, isCrossSite } from '../lib/cross-site';
import { readNodeBytes } from '../lib/body';

const here = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.resolve(here, path.relative(fileURLToPath(options.server), fileURLToPath(options.client)));

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}

const site = new SiteMap(new Set(existsSync(clientDir) ? listFiles(clientDir) : []), routes);

/** The CSP of the site's pages (the build records it per prerendered page; the error page's is everyone's). */
function siteCsp(): string {
  try {
    const entries = JSON.parse(readFileSync(path.join(clientDir, '..', '_headers.json'), 'utf8')) as {
      pathname: string;
      headers: { key: string; value: string }[];
    }[];
    const page = entries.find((e) => e.pathname === '/500/') ?? entries[0];
    return page?.headers.find((h) => h.key.toLowerCase() === 'content-security-policy')?.value ?? STRICT_CSP;
  } catch {
    return STRICT_CSP;
  }
}
const CSP = siteCsp();

/** The 500 page (prerendered from src/pages/500.astro), kept in memory: it must not depend on anything failing. */
const ERROR_PAGE = (() => {
  try {
    return readFileSync(path.join(clientDir, '500', 'index.html'));
  } catch {
    return Buffer.from('<!doctype html><title>500</title><p>Er ging iets mis. Bel bij gevaar 112.</p>');
  }
})();

/** A short name for an error in the log: its code, never its message (which may quote a request). */
const errorCode = (error: unknown): string => {
  const e = error as { code?: unknown; name?: unknown } | null;
  return typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'unknown';
};

function resetHeaders(res: ServerResponse, pathname: string): void {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  for (const [key, value] of baseHeaders(pathname, CSP)) res.setHeader(key, value);
}

function plain(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(req.method === 'HEAD' ? undefined : `${body}\n`);
}

function methodNotAllowed(req: IncomingMessage, res: ServerResponse, target: Target): void {
  const allow = allowHeader(target.methods);
  if (target.route?.type === 'endpoint') {
    res.statusCode = 405;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Allow', allow);
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ error: 'method-not-allowed', allow }));
    return;
  }
  plain(req, res, 405, `405 Method Not Allowed. Allow: ${allow}`, { Allow: allow });
}

/** The last resort: 500 with the page frame, the error's code in the log, and the server goes on. */
function lastResort(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  console.error(`request failed: ${errorCode(error)}`);
  try {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    resetHeaders(res, '/');
    res.statusCode = 500;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(req.method === 'HEAD' ? undefined : ERROR_PAGE);
  } catch {
    res.destroy();
  }
}

function guard(req: IncomingMessage, res: ServerResponse): void {
  let raw = req.url ?? '/';
  // absolute-form (`GET http://host/path`): serve its path.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      raw = `${url.pathname}${url.search}`;
    } catch {
      raw = '';
    }
  }
  const cut = raw.search(/[?#]/);
  const pathname = cut >= 0 ? raw.slice(0, cut) : raw;
  const query = cut >= 0 && raw[cut] === '?' ? raw.slice(cut).replace(/#.*$/s, '') : '';
  for (const [key, value] of baseHeaders(pathname, CSP)) res.setHeader(key, value);

  if (raw === '*' && req.method === 'OPTIONS') {
    res.statusCode = 204;
    res.setHeader('Allow', 'GET, HEAD, POST, OPTIONS');
    res.end();
    return;
  }
  const canonical = pathname.startsWith('/') ? canonicalPath(pathname) : null;
  const decoded = canonical === null ? null : decodePath(canonical);
  if (canonical === null || decoded === null || decoded.includes('\0')) {
    plain(req, res, 400, '400 Bad Request');
    return;
  }
  const target = site.resolve(decoded);
  if (req.method === 'OPTIONS') {
    res.statusCode = 204;
    res.setHeader('Allow', allowHeader(target.methods));
    res.setHeader('Cache-Control', 'no-store');
    res.end();
    return;
  }
  if (!target.methods.includes(req.method ?? '')) {
    methodNotAllowed(req, res, target);
    return;
  }
  let wanted = canonical;
  if (target.slash === true && !wanted.endsWith('/')) wanted += '/';
  if (target.slash === false && wanted.length > 1 && wanted.endsWith('/')) wanted = wanted.slice(0, -1);
  if (wanted !== pathname) {
    res.statusCode = 308;
    res.setHeader('Location', safeLocation(wanted) + safeLocation(query));
    res.setHeader('Cache-Control', 'no-store');
    res.end();
    return;
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && decoded.endsWith('/search/')) {
    searchFirst(req, res, decoded, query, raw);
    return;
  }
  if (req.method === 'POST' && decoded === '/api/referrals') {
    referralApi(req, res, raw);
    return;
  }
  // The error page is not a page of its own: its address is an unknown one.
  req.url = decoded === '/500/' ? '/404' : raw;
  astroHandler(req, res);
}

/**
 * The site search, answered here when its frame is kept (src/features/search/shell.server.ts):
 * Astro's pipeline would cost more than the search. Otherwise, and for anything but a search
 * page, the adapter answers.
 */
function searchFirst(req: IncomingMessage, res: ServerResponse, pathname: string, query: string, raw: string): void {
  fastSearch(pathname, query).then(
    (answer) => {
      if (!answer) {
        req.url = raw;
        astroHandler(req, res);
        return;
      }
      for (const [key, value] of answer.headers) res.setHeader(key, value);
      res.statusCode = answer.status;
      const body = Buffer.from(answer.html);
      res.setHeader('Content-Length', body.length);
      res.end(req.method === 'HEAD' ? undefined : body);
    },
    (error: unknown) => lastResort(req, res, error),
  );
}

/**
 * POST /api/referrals, answered here (src/features/referral/api.server.ts): the referral API is the
 * busiest on-demand address during a campaign, and Astro's pipeline (a web Request with a streamed
 * body, the middleware, a web Response) costs more than storing the referral. The request's origin
 * and client address are Astro's own (`createRequestFromNodeRequest`, with the configuration's
 * allowedDomains), so the cross-site check and the rate limit see what the pipeline would.
 */
function referralApi(req: IncomingMessage, res: ServerResponse, raw: string): void {
  let request: Request;
  try {
    request = createRequestFromNodeRequest(req, { skipBody: true, allowedDomains, port: options.port });
  } catch {
    // A Host header Astro cannot make an address of: its own answer.
    req.url = raw;
    astroHandler(req, res);
    return;
  }
  getAbortControllerCleanup(req)?.();
  const url = new URL(request.url);
  const lang = url.searchParams.get('lang');
  const headers = request.headers;
  const answered = (answer: ApiAnswer) => {
    res.statusCode = answer.status;
    for (const [key, value] of Object.entries(answer.headers)) res.setHeader(key, value);
    const body = Buffer.from(answer.body);
    res.setHeader('Content-Length', body.length);
    res.end(body);
  };
  if (isCrossSite({ method: 'POST', headers }, [url.origin, ...SITE_ORIGINS])) {
    answered(crossSiteAnswer(apiLocale(lang, headers.get('accept-language'))));
    return;
  }
  const client = (Reflect.get(request, Symbol.for('astro.clientAddress')) as string | undefined) ?? '';
  answerReferralApi({ headers, lang, client, body: (limit) => readNodeBytes(req, limit) }).then(answered, (error) =>
    lastResort(req, res, error),
  );
}

/** A guarded handler: the same signature as the adapter's, for the preview server too. */
export function handler(req: IncomingMessage, res: ServerResponse): void {
  try {
    guard(req, res);
  } catch (error) {
    lastResort(req, res, error);
  }
}

/** A response written straight to the socket, for requests node:http cannot hand to `handler`. */
function rawAnswer(socket: Socket, status: number, reason: string, extra: Record<string, string> = {}): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${status} ${reason}\n`;
  const headers: [string, string][] = [
    ...baseHeaders('/', CSP),
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['Content-Length', String(Buffer.byteLength(body))],
    ['Cache-Control', 'no-store'],
    ['Connection', 'close'],
    ...Object.entries(extra),
  ];
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
}

/** Malformed requests: node:http's own answers would lack the header set. */
function onClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): void {
  try {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
      socket.destroy();
      return;
    }
    if (error.code === 'HPE_INVALID_METHOD') {
      // A method token node:http does not know (lowercase, made up): 405 with what the path allows.
      const line = /^\S*\s+(\S+)/.exec(error.rawPacket?.toString('latin1') ?? '');
      const canonical = line ? canonicalPath(line[1]!.split('?')[0]!) : null;
      const decoded = canonical ? decodePath(canonical) : null;
      const methods = decoded ? site.resolve(decoded).methods : ['GET', 'HEAD'];
      rawAnswer(socket, 405, 'Method Not Allowed', { Allow: allowHeader(methods) });
      return;
    }
    if (error.code === 'HPE_HEADER_OVERFLOW') rawAnswer(socket, 431, 'Request Header Fields Too Large');
    else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') rawAnswer(socket, 408, 'Request Timeout');
    else rawAnswer(socket, 400, 'Bad Request');
  } catch {
    socket.destroy();
  }
}

export function startServer() {
  const port = process.env.PORT ? Number(process.env.PORT) : options.port;
  const host =
    process.env.HOST ?? (typeof options.host === 'boolean' ? (options.host ? '0.0.0.0' : 'localhost') : options.host);
  const server =
    process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH
      ? https.createServer(
          { key: readFileSync(process.env.SERVER_KEY_PATH), cert: readFileSync(process.env.SERVER_CERT_PATH) },
          handler,
        )
      : http.createServer(handler);
  server.on('clientError', onClientError);
  // CONNECT never reaches `handler`; without this listener node:http would drop the connection.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const canonical = canonicalPath((req.url ?? '/').startsWith('/') ? req.url! : '/');
    const decoded = canonical ? decodePath(canonical) : null;
    rawAnswer(socket, 405, 'Method Not Allowed', {
      Allow: allowHeader(decoded ? site.resolve(decoded).methods : ['GET', 'HEAD']),
    });
  });
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(`server: cannot listen on ${host}:${port} (${error.code ?? error.name})`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const address = server.address();
    const shown = typeof address === 'object' && address ? address.port : port;
    console.info(`server listening on http${server instanceof https.Server ? 's' : ''}://${host}:${shown}/`);
    // From here on, an error that escapes every handler is logged by its code and the server
    // keeps serving: nothing a request does may end the process.
    process.on('uncaughtException', (error) => console.error(`uncaught exception: ${errorCode(error)}`));
    process.on('unhandledRejection', (error) => console.error(`unhandled rejection: ${errorCode(error)}`));
  });
  process.once('SIGTERM', () => void stopGracefully(server, 'SIGTERM'));
  process.once('SIGINT', () => void stopGracefully(server, 'SIGINT'));
  return server;
}

/** How long a stop waits for requests under way and a send in progress before it cuts them. */
const STOP_DEADLINE_MS = 20_000;

/**
 * SIGTERM (a deploy, systemd, a container stop) or SIGINT: no new connections; the requests under
 * way are answered (a referral being stored gets its 202 after its commit, not a reset); idle
 * keep-alive connections are closed; then delivery stops, leased referrals not yet sent are given
 * back so another server sends them at once, and the store is closed. Exit 0; 1 when the
 * deadline cut something. A second signal is ignored: the deadline holds.
 */
async function stopGracefully(server: http.Server | https.Server, signal: string): Promise<void> {
  console.info(`server: ${signal}: answering the requests under way, then stopping`);
  const deadline = setTimeout(() => {
    console.error(`server: still busy after ${STOP_DEADLINE_MS / 1000} s: stopping anyway`);
    process.exit(1);
  }, STOP_DEADLINE_MS);
  deadline.unref();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A connection that was busy when the stop came is idle once answered: close it then.
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  await closed;
  clearInterval(idle);
  try {
    await stopReferralService();
  } catch (error) {
    console.error(`server: closing the referral store failed (${errorCode(error)})`);
  }
  console.info('server: stopped');
  process.exit(0);
}

export { options };

if (autostart) startServer();
