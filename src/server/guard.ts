import { SECURITY_HEADERS, frameableHeaders, isFrameable } from '../lib/security-headers';

/**
 * The request guard's rules, as pure functions: which methods a path accepts, its canonical
 * spelling, and the header set every response starts with. `src/server/entry.ts` applies them
 * in front of the adapter; the route table comes from the build (`src/integrations/request-guard.ts`),
 * so a new route gets the same rules without a change here.
 */

/** One route of the site, as the build saw it. */
export interface RouteEntry {
  /** The route's regular expression source (Astro's `patternRegex`). */
  pattern: string;
  /** `/[lang]/centres`, for messages and tests. */
  route: string;
  type: 'page' | 'endpoint' | 'redirect' | 'fallback';
  prerendered: boolean;
  /** The methods it answers (GET implies HEAD); OPTIONS is answered by the guard everywhere. */
  methods: string[];
}

/** What a path points at. `slash`: its canonical spelling ends with `/` (a page); false: it does not (a file, an endpoint). */
export interface Target {
  kind: 'file' | 'prerendered-page' | 'route' | 'unknown';
  methods: string[];
  slash: boolean | null;
  route: RouteEntry | null;
}

export const READ_ONLY = ['GET', 'HEAD'] as const;

/** The Allow header for a target: its methods and OPTIONS. */
export const allowHeader = (methods: readonly string[]) => [...methods, 'OPTIONS'].join(', ');

const HEX = /^[0-9A-Fa-f]{2}$/;
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * The canonical spelling of a request path (RFC 3986 §6.2.2): percent-encodings of unreserved
 * characters decoded and the others upper-cased, `//` collapsed, `.` and `..` segments removed,
 * a final `index.html` dropped. `null` when the path is not a valid path (a broken `%` escape).
 * @example canonicalPath('/nl//./about/index.html') // => '/nl/about/'
 */
export function canonicalPath(path: string): string | null {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const hex = path.slice(i + 1, i + 3);
    if (!HEX.test(hex)) return null;
    const ch = String.fromCharCode(parseInt(hex, 16));
    out += UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
    i += 2;
  }
  if (!out.startsWith('/')) out = `/${out}`;
  out = out.replace(/\/{2,}/g, '/');
  const segments = out.split('/').slice(1);
  const stack: string[] = [];
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..') stack.pop();
      if (last) stack.push('');
      continue;
    }
    stack.push(segment);
  }
  if (stack.at(-1) === 'index.html') stack[stack.length - 1] = '';
  return `/${stack.join('/')}`;
}

/** A path as it may go into a Location header: nothing outside visible ASCII, no backslash (`/\host` is `//host` to browsers). */
export function safeLocation(path: string): string {
  return path.replace(/[^\x21-\x7e]|\\/gu, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Decode a canonical path for matching files and routes (`%20` → space). Null when it does not decode. */
export function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * The site as the guard sees it: the files of `dist/client` and the route table.
 * `files` holds every file's path (`/favicon.svg`, `/nl/about/index.html`).
 */
export class SiteMap {
  readonly #routes: { entry: RouteEntry; regex: RegExp }[];
  constructor(
    readonly files: ReadonlySet<string>,
    routes: readonly RouteEntry[],
  ) {
    this.#routes = routes.map((entry) => ({ entry, regex: new RegExp(entry.pattern) }));
  }

  /** What a decoded, canonical path points at. */
  resolve(path: string): Target {
    if (!path.endsWith('/') && this.files.has(path))
      return { kind: 'file', methods: [...READ_ONLY], slash: false, route: null };
    const dir = path.endsWith('/') ? path : `${path}/`;
    if (this.files.has(`${dir}index.html`))
      return { kind: 'prerendered-page', methods: [...READ_ONLY], slash: true, route: null };
    for (const { entry, regex } of this.#routes) {
      if (!regex.test(path)) continue;
      // A prerendered route without a file for this path: its pages are all in `files`, so this is a 404.
      if (entry.prerendered) break;
      return { kind: 'route', methods: entry.methods, slash: entry.type === 'page', route: entry };
    }
    return { kind: 'unknown', methods: [...READ_ONLY], slash: null, route: null };
  }
}

/** For responses whose page CSP is not known: allows nothing. */
export const STRICT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The site's header set, set on every response before anything else: the security headers and
 * a CSP (`csp`: the site's page policy, from the build). Pages, files and the framework's own
 * answers keep these unless they set their own. The embeddable player may be framed.
 */
export function baseHeaders(path: string, csp: string = STRICT_CSP): [string, string][] {
  const headers = [...Object.entries(SECURITY_HEADERS), ['Content-Security-Policy', csp]].map(([key, value]) => ({
    key: key!,
    value: value!,
  }));
  return (isFrameable(path) ? frameableHeaders(headers) : headers).map((h) => [h.key, h.value]);
}
