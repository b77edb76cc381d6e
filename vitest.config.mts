import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native addon: forks keep each test file in its own process.
    pool: 'forks',
  },
});
