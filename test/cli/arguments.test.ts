import os from "node:os";
import { startCli } from "../../harness/commands";
import { parseStageArguments } from "../../src/cli/stage-command";
import { processDetailsStage } from "../../src/ingest/process-details";
import { syncWorkoutsStage } from "../../src/ingest/sync-workouts";

const sync = (argv: string[]) => parseStageArguments(syncWorkoutsStage, argv);
const details = (argv: string[]) => parseStageArguments(processDetailsStage, argv);

describe("npm run sync arguments", () => {
  it("reads every option, with repeatable comma-separated categories", () => {
    expect(sync(["--category", "cycling,strength", "--category", "yoga", "--full", "--max-pages", "4", "--save-pages"])).toEqual({
      categories: ["cycling", "strength", "yoga"],
      full: true,
      maxPages: 4,
      savePages: true,
    });
    expect(sync(["--category", "all"])).toEqual({ categories: ["all"] });
    expect(sync([])).toEqual({});
    expect(sync(["-h"])).toBe("help");
  });

  it("names what is wrong", () => {
    expect(() => sync(["--max-pages", "0"])).toThrow('--max-pages must be a whole number of at least 1, got "0"');
    expect(() => sync(["--max-pages", "2.5"])).toThrow('--max-pages must be a whole number of at least 1, got "2.5"');
    expect(() => sync(["--max-pages", "1", "--max-pages", "2"])).toThrow("--max-pages is given 2 times");
    expect(() => sync(["--category", "cycling,"])).toThrow("--category has an empty item");
    expect(() => sync(["--category", "cycling;drop"])).toThrow('--category must be a category slug such as cycling, or all, got "cycling;drop"');
    expect(() => sync(["--full=yes"])).toThrow("Option '--full' does not take an argument");
    expect(() => sync(["cycling"])).toThrow("Unexpected argument 'cycling'");
  });
});

describe("npm run details arguments", () => {
  it("reads every option, and the original scripts' --concurrent", () => {
    expect(details([])).toEqual({});
    expect(details(["--force", "--batch-size", "0", "--concurrency", "4"])).toEqual({ batchSize: 0, concurrency: 4, force: true });
    expect(details(["--ids", "a1,b2", "--ids", "c3"])).toEqual({ ids: ["a1", "b2", "c3"] });
    expect(details(["--concurrent", "3"])).toEqual({ concurrency: 3 });
  });

  it("names what is wrong, every problem at once", () => {
    expect(() => details(["--batch-size", "abc"])).toThrow('--batch-size must be a whole number of at least 0, got "abc"');
    expect(() => details(["--concurrency", "0"])).toThrow('--concurrency must be a whole number from 1 to 16, got "0"');
    expect(() => details(["--concurrent", "17"])).toThrow('--concurrency must be a whole number from 1 to 16, got "17"');
    expect(() => details(["--batch-size=-1"])).toThrow('--batch-size must be a whole number of at least 0, got "-1"');
    expect(() => details(["--batch-size=-1", "--concurrency=0"])).toThrow(
      '--batch-size must be a whole number of at least 0, got "-1"; --concurrency must be a whole number from 1 to 16, got "0"',
    );
    expect(() => details(["--ids"])).toThrow("Option '--ids <value>' argument missing");
    expect(() => details(["--max-attempts", "2"])).toThrow("Unknown option '--max-attempts'");
    expect(() => details(["--ids", "a1", "--batch-size", "5"])).toThrow("--batch-size does not apply with ids");
  });
});

describe("the commands' command lines", () => {
  it.each([
    ["sync", ["--category", "--full", "--max-pages", "--save-pages", "--data-dir", "--help"]],
    ["details", ["--batch-size", "--concurrency", "--force", "--ids", "--data-dir", "--help"]],
  ] as const)("npm run %s -- --help documents every option and its default", async (command, options) => {
    const cli = startCli(command, ["--help"]);
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(new RegExp(`^Usage: npm run ${command} -- \\[options\\]`));
    for (const option of options) expect(cli.stdout()).toMatch(new RegExp(`^ {2}(-h, )?${option}\\b`, "m"));
    const optionLines = cli
      .stdout()
      .split("\n")
      .filter((line) => /^ {2}-/.test(line));
    expect(optionLines).toHaveLength(options.length);
    // every option but --help and the flags that are simply off says its default
    expect(
      cli
        .stdout()
        .replace(/\n {3,}/g, " ")
        .match(/(\(|; )default /g)?.length,
    ).toBeGreaterThanOrEqual(options.length - 1);
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
  expect(cli.stderr().trim()).toBe(
    `Invalid configuration:\n  LOG_FILE: cannot write to ${os.tmpdir()} (EISDIR: illegal operation on a directory, open '${os.tmpdir()}')`,
  );
});
