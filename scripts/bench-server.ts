import { rmSync } from 'node:fs';
import path from 'node:path';
import { BuiltServer, tempDir } from '../tools/built-server.ts';

/**
 * The built server for a benchmark: loopback only, a throw-away outbox and inbox, no rate
 * limit; `env` adds settings (DATABASE_URL, REFERRAL_KEY for servers sharing a database).
 * Resolves once `/healthz` answers; `stop()` ends it and removes its files.
 */
/** The /healthz token of the bench server: its counts are the benchmark's proof that nothing was lost. */
export const BENCH_HEALTHZ_TOKEN = 'bench-healthz-token-0123456789';

export async function startBenchServer(
  port: number,
  env: Record<string, string> = {},
): Promise<{ base: string; stop: () => void }> {
  const dir = tempDir('bench');
  const server = await new BuiltServer(port, {
    DATA_DIR: path.join(dir, 'data'),
    INTAKE_INBOX_DIR: path.join(dir, 'inbox'),
    REFERRAL_RATE_LIMIT: '0',
    HEALTHZ_TOKEN: BENCH_HEALTHZ_TOKEN,
    ...env,
  }).start();
  const stop = () => {
    void server.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  return { base: server.url, stop };
}
