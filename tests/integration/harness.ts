import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export { BuiltServer, HEALTHZ_TOKEN, freePort, sleep, tempDir } from '../../tools/built-server.ts';
import { sleep } from '../../tools/built-server.ts';

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
  /** `host`: where it listens (loopback unless a test needs a mail server "on another machine"). */
  constructor(
    readonly port: number,
    readonly host = '127.0.0.1',
  ) {}

  async start(): Promise<this> {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // Servers keep SMTP connections open (a pool): at the end of a test, do not wait 30 s for them.
      closeTimeout: 500,
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
    await new Promise<void>((resolve) => this.#server!.listen(this.port, this.host, resolve));
    return this;
  }

  async stop(): Promise<void> {
    if (!this.#server) return;
    await new Promise<void>((resolve) => this.#server!.close(() => resolve()));
    this.#server = null;
  }

  to = (address: string) => this.received.filter((m) => m.to.includes(address));
}

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
