import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Electron stand-in's own tests sit with it under e2e/standin; some read the built preload and shell.
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/standin/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native addon: forks keep each test file in its own process.
    pool: 'forks',
    // Main checks every answer against its channel's output schema (src/main/app.ts); the CLI's tests pass it on.
    env: { LEXDESK_CHECK_OUTPUTS: '1' },
  },
});
