/** Jest: the whole suite (`npm test`). TypeScript through ts-jest in CommonJS mode only. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, which needs the network and Node-only deps.
    '^office-addin-manifest$': '<rootDir>/test/support/office-addin-manifest-stub.ts',
  },
  setupFiles: ['<rootDir>/test/support/jsdom-setup.ts'],
  testTimeout: 60000,
};
