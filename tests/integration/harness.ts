import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The /healthz token the tests' servers run with: the counts are given only with it. */
export const HEALTHZ_TOKEN = 'integration-healthz-token-0123';

export const tempDir = (name: string) => mkdtempSync(path.join(tmpdir(), `co3-${name}-`));

/** The real built server (`node dist/server/entry.mjs`), with its output kept for the privacy checks. */
export class BuiltServer {
  child: ChildProcess | null = null;
  log = '';
  exit: Promise<number | null> = Promise.resolve(null);
  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const child = spawn(process.execPath, ['dist/server/entry.mjs'], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(this.port), NODE_ENV: 'test', HEALTHZ_TOKEN, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (d) => (this.log += d));
    child.stderr!.on('data', (d) => (this.log += d));
    this.exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${this.log}`);
      try {
        const r = await fetch(`${this.url}/healthz`);
        if (r.ok) return this;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`server did not start:\n${this.log}`);
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill(signal);
    await this.exit;
  }

  health = async () =>
    (await (await fetch(`${this.url}/healthz`, { headers: { authorization: `Bearer ${HEALTHZ_TOKEN}` } })).json()) as {
      status: string;
      reason: string | null;
      referrals: { pending: number; delivered: number; dead: number };
    };

  post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${this.url}/api/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

/**
 * A real SMTP server on loopback (`smtp-server`). `reject` makes it refuse recipients with a
 * given code, to play a mailbox that is full (4xx) or gone (5xx).
 */
export class Mailbox {
  received: ReceivedMail[] = [];
  reject: ((to: string) => number | null) | null = null;
  #server: SMTPServer | null = null;
  constructor(readonly port: number) {}

  async start(): Promise<this> {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const code = this.reject?.(address.address) ?? null;
        if (code) {
          const error = new Error(`rejected ${code}`) as Error & { responseCode: number };
          error.responseCode = code;
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          callback();
        });
      },
    });
    // A sending server that dies mid-message (SIGKILL) resets its connection: the SMTP server goes on.
    this.#server.on('error', () => {});
    await new Promise<void>((resolve) => this.#server!.listen(this.port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    if (!this.#server) return;
    await new Promise<void>((resolve) => this.#server!.close(() => resolve()));
    this.#server = null;
  }

  to = (address: string) => this.received.filter((m) => m.to.includes(address));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Every file under a folder, as bytes (the database, its WAL, the key…). */
export function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...filesUnder(file));
    else out.push({ file, bytes: readFileSync(file) });
  }
  return out;
}

export const example = () => JSON.parse(readFileSync('docs/referral.example.json', 'utf8')) as Record<string, any>;
