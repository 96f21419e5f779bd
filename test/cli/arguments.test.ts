import os from "node:os";
import { startCli } from "../../harness/commands";
import { parseDetailsArguments } from "../../src/cli/details";
import { parseSyncArguments } from "../../src/cli/sync";

describe("npm run sync arguments", () => {
  it("reads every option, with repeatable comma-separated categories", () => {
    expect(parseSyncArguments(["--category", "cycling,strength", "--category", "yoga", "--full", "--max-pages", "4", "--save-pages"])).toEqual({
      categories: ["cycling", "strength", "yoga"],
      full: true,
      maxPages: 4,
      savePages: true,
    });
    expect(parseSyncArguments(["--category", "all"])).toMatchObject({ categories: ["all"] });
    expect(parseSyncArguments([])).toEqual({ categories: undefined, full: false, maxPages: undefined, savePages: false });
    expect(parseSyncArguments(["-h"])).toBe("help");
  });

  it("names what is wrong", () => {
    expect(() => parseSyncArguments(["--max-pages", "0"])).toThrow('--max-pages must be a whole number of at least 1, got "0"');
    expect(() => parseSyncArguments(["--max-pages", "2.5"])).toThrow("--max-pages must be a whole number");
    expect(() => parseSyncArguments(["--category", "cycling,"])).toThrow("--category has an empty item");
    expect(() => parseSyncArguments(["--full=yes"])).toThrow("Option '--full' does not take an argument");
    expect(() => parseSyncArguments(["cycling"])).toThrow("Unexpected argument 'cycling'");
  });
});

describe("npm run details arguments", () => {
  it("reads every option, with the stage's defaults", () => {
    expect(parseDetailsArguments([])).toEqual({ batchSize: 100, concurrency: 1, force: false, ids: undefined });
    expect(parseDetailsArguments(["--force", "--batch-size", "0", "--concurrency", "4", "--ids", "a1,b2", "--ids", "c3"])).toEqual({
      batchSize: 0,
      concurrency: 4,
      force: true,
      ids: ["a1", "b2", "c3"],
    });
  });

  it("names what is wrong", () => {
    expect(() => parseDetailsArguments(["--batch-size", "abc"])).toThrow('--batch-size must be a whole number of at least 0, got "abc"');
    expect(() => parseDetailsArguments(["--concurrency", "0"])).toThrow('--concurrency must be a whole number of at least 1, got "0"');
    expect(() => parseDetailsArguments(["--batch-size=-1"])).toThrow("--batch-size must be a whole number");
    expect(() => parseDetailsArguments(["--batch-size", "-1"])).toThrow(/^Option '--batch-size' argument is ambiguous$/);
    expect(() => parseDetailsArguments(["--ids"])).toThrow("Option '--ids <value>' argument missing");
  });
});

describe("the commands' command lines", () => {
  it.each([
    ["sync", ["--category", "--full", "--max-pages", "--save-pages", "--help"]],
    ["details", ["--batch-size", "--concurrency", "--force", "--ids", "--help"]],
  ] as const)("npm run %s -- --help documents every option and its default", async (command, options) => {
    const cli = startCli(command, ["--help"]);
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(new RegExp(`^Usage: npm run ${command} -- \\[options\\]`));
    for (const option of options) expect(cli.stdout()).toMatch(new RegExp(`^ {2}(-h, )?${option}\\b`, "m"));
    const optionLines = cli.stdout().split("\n").filter((line) => /^ {2}-/.test(line));
    expect(optionLines).toHaveLength(options.length);
    // every option but --help and the flags that are simply off says its default
    expect(cli.stdout().match(/\(default/g)?.length).toBeGreaterThanOrEqual(options.length - 1);
  });

  it.each([
    ["details", ["--batch-size", "abc"], '--batch-size must be a whole number of at least 0, got "abc"'],
    ["sync", ["--colour"], "Unknown option '--colour'"],
  ] as const)("npm run %s -- %s exits 2 with one clear line", async (command, args, message) => {
    const cli = startCli(command, [...args]);
    expect(await cli.exited).toEqual({ code: 2, signal: null });
    expect(cli.stderr()).toBe(`${message} (--help lists the options)\n`);
    expect(cli.stdout()).toBe("");
  });
});

it("a LOG_FILE that cannot be written is a configuration error, not a crash", async () => {
  const cli = startCli("sync", [], { LOG_FILE: os.tmpdir() });
  expect(await cli.exited).toEqual({ code: 1, signal: null });
  expect(cli.stderr().trim()).toBe(`Invalid configuration:\n  LOG_FILE: cannot write to ${os.tmpdir()} (EISDIR: illegal operation on a directory, open '${os.tmpdir()}')`);
});
