// The test files StrykerJS runs against each mutant of the simulator model (`npm run mutation`): the model's own.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['simulators/model/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
