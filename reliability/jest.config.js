// The reliability suite (npm run test:reliability, reliability/run.ts): the main suite's transform and
// template databases (TEST_DATABASE=embedded|postgres), its own tests, one file at a time so that the
// load and memory measurements do not share the machine with another test file.
const main = require("../jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...main,
  rootDir: "..",
  roots: ["<rootDir>/reliability"],
  testMatch: ["<rootDir>/reliability/*.test.ts"],
  maxWorkers: 1,
  testTimeout: 300_000,
};
