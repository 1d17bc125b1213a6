import os from 'node:os'

/** Tests are TypeScript ESM, compiled by swc; API tests start the real server in a child process. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/tests/helpers/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/helpers/globalTeardown.ts',
  // The browser tests (tests/e2e) run after everything else.
  testSequencer: '<rootDir>/tests/helpers/testSequencer.js',
  reporters: ['default', '<rootDir>/tests/helpers/slowestFilesReporter.js'],
  // Test files mostly wait on servers of their own (one port and database each): one worker more than
  // the cores keeps them busy; four at most keeps a shared PostgreSQL within its connections.
  maxWorkers: Math.min(os.availableParallelism() + 1, 4),
  testTimeout: 60_000,
  slowTestThreshold: 30,
}
