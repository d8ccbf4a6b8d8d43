import { describe, expect, it } from 'vitest';
import {
  SiteMap,
  allowHeader,
  baseHeaders,
  canonicalPath,
  safeLocation,
  type RouteEntry,
} from '../../src/server/guard';
import { endpointMethods, pageMethods } from '../../src/integrations/request-guard';
import {
  findDuplicateKey,
  isUtf8Charset,
  mediaType,
  parseForm,
  parseJsonStrict,
  DuplicateKey,
  InvalidEncoding,
} from '../../src/lib/body';
import { referralSchema, isOneLine, isCleanText } from '../../src/features/referral/schema';
import { ambiguousFields } from '../../src/features/referral/form';
import { readFileSync } from 'node:fs';

describe('canonical paths', () => {
  it.each([
    ['/nl/about/', '/nl/about/'],
    ['/nl//about/', '/nl/about/'],
    ['/nl/./about/', '/nl/about/'],
    ['/nl/x/../about/', '/nl/about/'],
    ['/../../etc/passwd', '/etc/passwd'],
    ['/nl/safety/index.html', '/nl/safety/'],
    ['/nl/%61bout/', '/nl/about/'],
    ['/nl/%2e%2E/fr/', '/fr/'],
    ['/a%2fb', '/a%2Fb'],
    ['/nl/..', '/'],
    ['/nl/.', '/nl/'],
    ['/', '/'],
  ])('%s → %s', (path, canonical) => expect(canonicalPath(path)).toBe(canonical));

  it('refuses a broken escape', () => {
    expect(canonicalPath('/nl/%zz/')).toBeNull();
    expect(canonicalPath('/nl/%')).toBeNull();
  });

  it('never gives a Location another host could be read from', () => {
    expect(safeLocation('/\\evil.example/')).toBe('/%5Cevil.example/');
    expect(safeLocation('/é')).toBe('/%C3%A9');
    expect(canonicalPath('//evil.example/')).toBe('/evil.example/');
  });
});

describe('the route table', () => {
  const routes: RouteEntry[] = [
    {
      pattern: '^\\/api\\/referrals\\/?$',
      route: '/api/referrals',
      type: 'endpoint',
      prerendered: false,
      methods: ['POST'],
    },
    {
      pattern: '^\\/([^/]+?)\\/search\\/?$',
      route: '/[lang]/search',
      type: 'page',
      prerendered: false,
      methods: ['GET', 'HEAD'],
    },
    {
      pattern: '^\\/([^/]+?)(?:\\/(.*?))?\\/?$',
      route: '/[lang]/[...page]',
      type: 'page',
      prerendered: true,
      methods: ['GET', 'HEAD'],
    },
  ];
  const site = new SiteMap(new Set(['/favicon.svg', '/nl/about/index.html']), routes);

  it('knows files, prerendered pages, on-demand routes (a new one too) and unknown paths', () => {
    expect(site.resolve('/favicon.svg')).toMatchObject({ kind: 'file', methods: ['GET', 'HEAD'], slash: false });
    expect(site.resolve('/nl/about')).toMatchObject({ kind: 'prerendered-page', slash: true });
    expect(site.resolve('/api/referrals')).toMatchObject({ kind: 'route', methods: ['POST'], slash: false });
    expect(site.resolve('/nl/search')).toMatchObject({ kind: 'route', methods: ['GET', 'HEAD'], slash: true });
    expect(site.resolve('/nl/nope/')).toMatchObject({ kind: 'unknown', methods: ['GET', 'HEAD'] });
    expect(allowHeader(['POST'])).toBe('POST, OPTIONS');
  });

  it('reads the methods from the route sources', () => {
    expect(endpointMethods('export const GET: APIRoute = () => x;')).toEqual(['GET', 'HEAD']);
    expect(endpointMethods('export const POST = a; export const ALL = b;')).toEqual(['POST']);
    expect(endpointMethods('export async function DELETE() {}\nexport { handler as PUT }')).toEqual(['PUT', 'DELETE']);
    expect(endpointMethods(readFileSync('src/pages/api/referrals.ts', 'utf8'))).toEqual(['POST']);
    expect(pageMethods(readFileSync('src/pages/[lang]/referral/index.astro', 'utf8'))).toEqual(['GET', 'HEAD', 'POST']);
    expect(pageMethods(readFileSync('src/pages/[lang]/centres.astro', 'utf8'))).toEqual(['GET', 'HEAD']);
  });

  it('gives every response the header set, the player its framing', () => {
    const page = new Map(baseHeaders('/nl/'));
    expect(page.get('X-Frame-Options')).toBe('DENY');
    expect(page.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    const embed = new Map(baseHeaders('/embed/videos/families/nl/'));
    expect(embed.has('X-Frame-Options')).toBe(false);
    expect(embed.get('Content-Security-Policy')).toContain('frame-ancestors *');
  });
});

describe('strict bodies', () => {
  it('reads media type and charset', () => {
    expect(mediaType('application/json; charset="UTF-8"')).toEqual({ type: 'application/json', charset: 'utf-8' });
    expect(mediaType(null)).toEqual({ type: '', charset: null });
    expect(isUtf8Charset('iso-8859-1')).toBe(false);
    expect(isUtf8Charset(null)).toBe(true);
  });

  it('finds a repeated key at any depth, and only a repeated one', () => {
    expect(findDuplicateKey('{"safety":{"acuteDanger":"yes","acuteDanger":"no"}}')).toBe('safety.acuteDanger');
    expect(findDuplicateKey('{"a":1,"a":2}')).toBe('a');
    expect(findDuplicateKey('{"a":{"b":1},"c":{"b":1},"d":[{"x":1},{"x":2}]}')).toBeNull();
    expect(findDuplicateKey('{"k\\"":"\\"a\\":1,","k\\"":2}')).toBe('k"');
    expect(findDuplicateKey('{"\\u0061":1,"a":2}')).toBe('a');
    expect(() => parseJsonStrict('{"a":1,"a":1}')).toThrow(DuplicateKey);
    expect(() => parseJsonStrict('{"a":')).toThrow(SyntaxError);
  });

  it('finds the first repeated key in generated JSON, escapes and strings that look like JSON included', () => {
    // A seeded generator writes JSON text and notes the first key repeated within one object, in text order.
    let seed = 7; // mulberry32
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
    };
    // Each key with the spellings that decode to it.
    const keys: [string, string[]][] = [
      ['a', ['"a"', '"\\u0061"']],
      ['k"', ['"k\\""']],
      ['b\\', ['"b\\\\"']],
      ['name', ['"name"', '"n\\u0061me"']],
    ];
    const strings = ['"x"', '"{\\"a\\":1,"', '"\\\\"', '"[,]"', '""'];
    let first: string | null;
    const value = (path: string[], depth: number): string => {
      const r = rand(depth > 2 ? 3 : 5);
      if (r === 0) return String(rand(100));
      if (r === 1 || r === 2) return strings[rand(strings.length)]!;
      if (r === 3) return `[${Array.from({ length: rand(3) }, () => value(path, depth + 1)).join(',')}]`;
      const seen = new Set<string>();
      const members = Array.from({ length: rand(4) }, () => {
        const [key, spellings] = keys[rand(keys.length)]!;
        if (seen.has(key)) first ??= [...path, key].join('.');
        seen.add(key);
        return `${spellings[rand(spellings.length)]}:${value([...path, key], depth + 1)}`;
      });
      return `{${members.join(',')}}`;
    };
    let withDuplicate = 0;
    for (let n = 0; n < 2000; n++) {
      first = null;
      const text = `{"x":${value(['x'], 1)},"y":${value(['y'], 1)}}`;
      JSON.parse(text); // valid JSON
      expect(findDuplicateKey(text), text).toBe(first);
      if (first !== null) withDuplicate++;
    }
    expect(withDuplicate).toBeGreaterThan(200); // both kinds were tried
    expect(withDuplicate).toBeLessThan(1800);
  });

  it('refuses form escapes that are not UTF-8', () => {
    expect(() => parseForm('a=%E9')).toThrow(InvalidEncoding);
    expect(parseForm('a=%C3%A9&b=x+y').get('b')).toBe('x y');
  });

  it('finds a one-answer field sent twice with different values', () => {
    const form = new URLSearchParams(
      'safety.acuteDanger=yes&safety.acuteDanger=no&lifeDomains=debts&lifeDomains=housing&family.location=Gent&family.location=Gent',
    );
    expect(ambiguousFields(form, ['safety.acuteDanger', 'lifeDomains', 'family.location'])).toEqual([
      { field: 'safety.acuteDanger', code: 'ambiguous' },
    ]);
  });
});

describe('one-line fields', () => {
  const example = () => JSON.parse(readFileSync('docs/referral.example.json', 'utf8'));

  it.each(['a\nb', 'a\rb', 'a\tb', 'a\u0000b', 'a\u001bb', 'a\u202eb', 'a\u2066b', 'a\u2028b', 'a\u0085b', 'a\ud800b'])(
    'refuses %j',
    (v) => {
      expect(isOneLine(v)).toBe(false);
    },
  );

  it('keeps line breaks in free text but not hidden characters', () => {
    expect(isCleanText('one\r\ntwo\n\nthree')).toBe(true);
    expect(isCleanText('one\u202etwo')).toBe(false);
    expect(isOneLine('Mechelen – 2800, ‘t Stad; ɣ ḥ ṛ, مرحبا')).toBe(true);
  });

  it('gives a field error for the forged heading of the issue', () => {
    const body = example();
    body.referrer.callbackTimes = 'werkdagen 9-12\n\nHET GEZIN\nGemeente of postcode waar het gezin woont: Gent';
    const result = referralSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      'referrer.callbackTimes',
      'controlChars',
    ]);
    const ok = example();
    ok.description = 'Eerste alinea.\n\nTweede alinea.';
    expect(referralSchema.safeParse(ok).success).toBe(true);
  });
});
