import { defineConfig } from 'vitest/config';

// In CI every test name is printed, so the log shows each suite ran on PGlite and PostgreSQL.
// Every test fails on a 5xx answer it did not declare, each printed as a `5xx answer:` line
// (src/test-support/server-errors.ts).
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['verbose'] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    setupFiles: ['./src/test-support/server-errors.ts'],
  },
});
