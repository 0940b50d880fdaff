import { defineConfig } from 'vitest/config';

// In CI every test name is printed, so the log shows each suite ran on PGlite and PostgreSQL.
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['verbose'] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
