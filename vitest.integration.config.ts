import { defineConfig } from 'vitest/config';

// Integration tests run against the built server (`npm run build` first), a real SMTP server
// on loopback and real files: one file at a time, since each starts its own processes. A
// throw-away PostgreSQL cluster serves the tests that run on both backends (postgres-global.ts).
export default defineConfig({
  test: {
    include: ['tests/integration/**/*.test.ts'],
    globalSetup: ['tests/integration/postgres-global.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
