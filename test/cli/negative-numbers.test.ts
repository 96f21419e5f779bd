import { buildDist, startNpm } from "./npm-run";

beforeAll(buildDist, 120_000);

it.each([
  ["details", "--batch-size", "-5", '--batch-size must be a whole number of at least 0, got "-5"'],
  ["sync", "--max-pages", "-3", '--max-pages must be a whole number of at least 1, got "-3"'],
])("npm run %s -- %s %s says what is wrong with the number, and exits 2", async (command, option, value, message) => {
  const cli = startNpm(command, [option, value], {});
  expect(await cli.exited).toEqual({ code: 2, signal: null });
  expect(cli.stderr()).toBe(`${message} (--help lists the options)\n`);
});
