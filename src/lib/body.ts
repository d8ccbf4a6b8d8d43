/** The body was larger than allowed: answer 413. */
export class BodyTooLarge extends Error {
  constructor() {
    super('body too large');
    this.name = 'BodyTooLarge';
  }
}

/** The body is not valid UTF-8 (or a form escape decodes to invalid UTF-8): answer 400. */
export class InvalidEncoding extends Error {
  constructor() {
    super('body is not valid UTF-8');
    this.name = 'InvalidEncoding';
  }
}

/** A JSON object names the same key twice: answer 400; the answer would be ambiguous. */
export class DuplicateKey extends Error {
  constructor(readonly key: string) {
    super('duplicate key');
    this.name = 'DuplicateKey';
  }
}

/**
 * The media type and charset of a Content-Type header, lower-cased; `type` is '' when absent.
 * @example mediaType('application/json; charset="UTF-8"') // => { type: 'application/json', charset: 'utf-8' }
 */
export function mediaType(header: string | null): { type: string; charset: string | null } {
  if (!header) return { type: '', charset: null };
  const [type, ...params] = header.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(param);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { type: type!.trim().toLowerCase(), charset };
}

/** No charset, or UTF-8 by one of its names: the only encoding the portal reads. */
export const isUtf8Charset = (charset: string | null) => charset === null || charset === 'utf-8' || charset === 'utf8';

/**
 * Read a request body as bytes, stopping at `limit` bytes: a declared Content-Length over the
 * limit is refused before reading, and every body is counted as it streams in (a chunked body
 * has no Content-Length, and one that has may lie).
 */
export async function readBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new BodyTooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The same for a node:http request (the guarded server's own answers): a declared length over the
 * limit is refused before reading, and reading stops as soon as the count passes it. The rest is
 * left unread: the answer then closes the connection (TOO_LARGE_HEADERS).
 */
export function readNodeBytes(
  request: NodeJS.ReadableStream & { headers: Record<string, string | string[] | undefined> },
  limit: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? '0') > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      request.removeListener('data', onData);
      request.removeListener('end', onEnd);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        finish(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    request.on('data', onData);
    request.on('end', onEnd);
    // Kept after the end too: a connection reset later must not become an uncaught error.
    request.on('error', (error) => finish(error));
    request.on('close', () => finish(settled ? undefined : new Error('request closed before its end')));
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as UTF-8, refusing anything that is not (never a silent U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InvalidEncoding();
  }
}

/** Read a request body as UTF-8 text, within `limit` bytes. */
export async function readBody(request: Request, limit: number): Promise<string> {
  return decodeUtf8(await readBytes(request, limit));
}

/**
 * An `application/x-www-form-urlencoded` body, refusing escapes that decode to invalid UTF-8
 * (URLSearchParams would turn them into U+FFFD).
 */
export function parseForm(text: string): URLSearchParams {
  for (const part of text.split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      throw new InvalidEncoding();
    }
  }
  return new URLSearchParams(text);
}

/**
 * JSON.parse, refusing an object that names a key twice (`{"a":1,"a":2}`: JSON.parse keeps the
 * last silently). Throws SyntaxError for invalid JSON and DuplicateKey with the key's path.
 */
export function parseJsonStrict(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null) throw new DuplicateKey(duplicate);
  return value;
}

/**
 * The dotted path of the first key repeated within one object of a valid JSON text, or null.
 * @example findDuplicateKey('{"safety":{"acuteDanger":"yes","acuteDanger":"no"}}') // => 'safety.acuteDanger'
 */
export function findDuplicateKey(text: string): string | null {
  // One frame per open object or array: its keys so far (null for an array), whether the next
  // string is a key, the last key read, and the frame's own name. Called on text JSON.parse has
  // accepted, so it only needs to find strings and structure; it runs on every referral, hence
  // char codes and indexOf rather than a character at a time.
  const stack: { keys: Set<string> | null; expectKey: boolean; lastKey: string; name: string }[] = [];
  const path = (key: string) => [...stack.slice(1).map((f) => f.name), key].filter(Boolean).join('.');
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // The closing quote: the next one not escaped (preceded by an even number of backslashes).
      let j = text.indexOf('"', i + 1);
      for (;;) {
        let backslashes = 0;
        while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i + 1, j);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.keys.has(key)) return path(key);
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      const name = parent?.keys ? parent.lastKey : '';
      stack.push({ keys: c === 0x7b ? new Set() : null, expectKey: c === 0x7b, lastKey: '', name });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    }
  }
  return null;
}
