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
  testTimeout: 60_000,
  slowTestThreshold: 30,
}
