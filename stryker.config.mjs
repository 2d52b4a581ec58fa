// Mutation testing of the simulator's model (StrykerJS, vitest runner): `npm run mutation`.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: ['simulators/model/*.ts', '!simulators/model/*.test.ts', '!simulators/model/test-support.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/out/mutation.json' },
  concurrency: 2,
  timeoutMS: 60000,
  // TypeScript 7 (the native compiler) has no JS API for Stryker's tsconfig rewriting; vitest needs no tsconfig.
  tsconfigFile: 'tsconfig.stryker-none.json',
  tempDirName: '.cache/stryker-tmp',
  cleanTempDir: 'always',
};
