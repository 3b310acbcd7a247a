/** Jest runs the TypeScript sources directly; tsconfig sets isolatedModules, so ts-jest only transpiles; type-checking is done by `tsc --noEmit` in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  // Sources import './x.js' (nodenext style); under jest the file behind it is './x.ts'.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // office-addin-mock 4 requires office-addin-manifest, whose ESM-only dependencies jest cannot load; the mock only needs its OfficeApp enum.
    '^office-addin-manifest$': '<rootDir>/test/helpers/office-addin-manifest.cjs',
  },
  testTimeout: 120000,
};
