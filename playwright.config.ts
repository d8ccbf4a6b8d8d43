import { defineConfig, devices } from '@playwright/test';

// The built server (`node dist/server/entry.mjs`) on a port of its own, driven by the system
// Chromium: Playwright cannot download browsers here. CHROMIUM_PATH points elsewhere if needed.
const port = Number(process.env.E2E_PORT ?? 4329);
export const baseURL = `http://127.0.0.1:${port}`;
export const E2E_INBOX = 'var/e2e/inbox';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'off',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node dist/server/entry.mjs',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'test',
      // Referrals go to a stand-in intake mailbox the tests read; no rate limit for the suite.
      DATA_DIR: 'var/e2e/data',
      INTAKE_INBOX_DIR: E2E_INBOX,
      REFERRAL_RATE_LIMIT: '0',
      RECEIPT_RATE_LIMIT: '0',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
