/** Jest runs the TypeScript sources directly; tsconfig sets isolatedModules, so ts-jest only transpiles; type-checking is done by `tsc --noEmit` in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 120000,
};
