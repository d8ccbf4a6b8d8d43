// The real built server (`node dist/server/entry.mjs`) on loopback, for the integration tests,
// the benchmarks and the film weights: one way to start it, wait for it and stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
  readonly port: number;
  readonly env: Record<string, string>;
  // Plain fields, not parameter properties: scripts run this file with Node's type stripping.
  constructor(port: number, env: Record<string, string>) {
    this.port = port;
    this.env = env;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const child = spawn(process.execPath, ['dist/server/entry.mjs'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        NODE_ENV: 'test',
        HEALTHZ_TOKEN,
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (d) => (this.log += d));
    child.stderr!.on('data', (d) => (this.log += d));
    // 'close' comes after the process has ended and its output has all been read: `log` is complete.
    this.exit = new Promise((resolve) => child.on('close', (code) => resolve(code)));
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
