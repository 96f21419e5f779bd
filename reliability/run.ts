// npm run test:reliability: the reliability suite (reliability/*.test.ts) under jest, on the backend
// TEST_DATABASE names, ending with one line "N passed, N failed"; the exit code is 0 only when nothing
// failed. Arguments go to jest (a test name pattern, -t, --ci...); --outputFile=<path> keeps jest's JSON
// results there (CI adds them to its own summary), otherwise they go to a temporary file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

const args = process.argv.slice(2);
const outputArg = args.find((arg) => arg.startsWith("--outputFile="));
const scratch = outputArg ? undefined : mkdtempSync(path.join(os.tmpdir(), "pmc-reliability-"));
const outputFile = outputArg ? path.resolve(outputArg.slice("--outputFile=".length)) : path.join(scratch!, "results.json");
const jestArgs = args.filter((arg) => arg !== outputArg && arg !== "--json");

if (outputArg) rmSync(outputFile, { force: true }); // a file left by an earlier run must not pass for this one's
const jest = spawnSync(
  process.execPath,
  [require.resolve("jest/bin/jest"), "--config", path.join(__dirname, "jest.config.js"), "--json", `--outputFile=${outputFile}`, ...jestArgs],
  { stdio: "inherit" },
);

let passed = 0;
let failed = 1; // no results at all: jest itself failed
if (existsSync(outputFile)) {
  const results = JSON.parse(readFileSync(outputFile, "utf8")) as JestResults;
  const skipped = results.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status === "pending" || test.status === "skipped"));
  for (const test of skipped) process.stdout.write(`skipped: ${test.fullName}\n`);
  passed = results.numPassedTests;
  // a test file that could not run (a syntax error, a failing beforeAll) counts as one failure
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
}
if (jest.status !== 0 && failed === 0) failed = 1; // jest failed outside any test (its setup, a crash)
if (scratch) rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
