// Test-runner configuration: which files are tests and how long a slow one may take.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.cache/**', 'load/scripts/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/no-orphan-jvm.ts'],
    // Pact's verifier and mock server otherwise report usage over the network: nothing leaves the machine.
    env: { PACT_DO_NOT_TRACK: 'true' },
    reporters: ['default'],
  },
});
