import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The built server for a benchmark: loopback only, a throw-away outbox and inbox, no rate
 * limit; `env` adds settings (DATABASE_URL, REFERRAL_KEY for servers sharing a database). Resolves once `/healthz` answers; `stop()` ends it and removes its files.
 */
/** The /healthz token of the bench server: its counts are the benchmark's proof that nothing was lost. */
export const BENCH_HEALTHZ_TOKEN = 'bench-healthz-token-0123456789';

export async function startBenchServer(port: number, env: Record<string, string> = {}): Promise<{ base: string; stop: () => void }> {
  const base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'co3-bench-'));
  const server = spawn(process.execPath, ['dist/server/entry.mjs'], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(dir, 'data'),
      INTAKE_INBOX_DIR: path.join(dir, 'inbox'),
      REFERRAL_RATE_LIMIT: '0',
      HEALTHZ_TOKEN: BENCH_HEALTHZ_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return { base, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error('server did not start');
}
