import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { RouteEntry } from '../server/guard';

/**
 * Build side of the request guard (`src/server/entry.ts`):
 * - the route table, as the virtual module `virtual:co3/routes` (with `allowedDomains`, the
 *   configuration's `security.allowedDomains`): each route's pattern, whether
 *   it is prerendered, and the methods it answers, read from its source (an endpoint's exported
 *   handlers; a page answers GET and HEAD, and POST when it reads `Astro.request.method === 'POST'`);
 * - `guardedAdapter()`: the node adapter with `src/server/entry.ts` as its server entry, so
 *   `node dist/server/entry.mjs` starts the guarded server.
 */

const VIRTUAL = 'virtual:co3/routes';
const RESOLVED = `\0${VIRTUAL}`;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The HTTP methods an endpoint module exports (`ALL` answers its own 405 and adds none). */
export function endpointMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b/g))
    found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of m[1]!.split(','))
      found.add(
        name
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  if (found.has('GET')) found.add('HEAD');
  return METHODS.filter((method) => found.has(method));
}

/** A page answers GET and HEAD; POST only when it handles one. */
export function pageMethods(source: string): string[] {
  return /Astro\.request\.method\s*===?\s*['"]POST['"]/.test(source) ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'];
}

export function requestGuard(): AstroIntegration {
  let table: RouteEntry[] = [];
  let root: URL;
  let allowedDomains: unknown[] = [];
  return {
    name: 'co3:request-guard',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        root = config.root;
        // The hosts whose X-Forwarded-For Astro trusts for `clientAddress`: the guarded server's own answers trust the same.
        allowedDomains = config.security?.allowedDomains ?? [];
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'co3:route-table',
                resolveId: (id: string) => (id === VIRTUAL ? RESOLVED : undefined),
                load: (id: string) =>
                  id === RESOLVED
                    ? `export default ${JSON.stringify(table)};\nexport const allowedDomains = ${JSON.stringify(allowedDomains)};`
                    : undefined,
              },
            ],
          },
        });
      },
      'astro:routes:resolved': ({ routes }) => {
        table = routes.map((r) => {
          let methods: string[] = ['GET', 'HEAD'];
          if (!r.isPrerendered) {
            try {
              const source = readFileSync(new URL(r.entrypoint, root), 'utf8');
              methods = r.type === 'endpoint' ? endpointMethods(source) : pageMethods(source);
            } catch {
              // an internal route whose source is not where we look: read-only
            }
          }
          return {
            pattern: r.patternRegex.source,
            route: r.pattern,
            type: r.type,
            prerendered: r.isPrerendered,
            methods,
          };
        });
      },
    },
  };
}

/** The node adapter integration, with the guarded server as its server entry. */
export function guardedAdapter(integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:config:done'];
  if (!done) throw new Error('guardedAdapter: the adapter has no astro:config:done hook');
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:config:done': (params) => {
        const entry = fileURLToPath(new URL('src/server/entry.ts', params.config.root));
        return done({ ...params, setAdapter: (adapter) => params.setAdapter({ ...adapter, serverEntrypoint: entry }) });
      },
    },
  };
}
