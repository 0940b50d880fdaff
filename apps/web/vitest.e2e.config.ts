import { defineConfig } from 'vitest/config';

// Browser tests against the built server (see tests/e2e/server.ts); one file at a time,
// because each starts a server and a Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    // A first server start (demo data) on a shared 2-core machine can take minutes (server.ts).
    hookTimeout: 300_000,
    fileParallelism: false,
    reporters: process.env.CI ? ['verbose'] : ['default'],
  },
});
