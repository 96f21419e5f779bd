/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": "@swc/jest",
    // PGlite's CommonJS build (and pglite-tools' pg_dump) calls import(): let swc rewrite it so jest needs no VM-modules flag
    "/node_modules/@electric-sql/pglite(-tools)?/dist/.+\\.cjs$": "@swc/jest",
  },
  transformIgnorePatterns: ["/node_modules/(?!@electric-sql/pglite(-tools)?/)"],
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  testTimeout: 60_000,
};
