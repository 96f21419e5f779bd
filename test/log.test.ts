import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createLogger, type Logger } from "../src/log";

/** A logger at every level into an array of parsed lines, and the lines' raw sizes. */
function capture() {
  const raw: string[] = [];
  const logger = createLogger("trace", { write: (line: string) => void raw.push(line) });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const mb = "x".repeat(1_000_000);

describe("log lines", () => {
  it("cut a long string wherever it is, saying how much was left out", () => {
    const { logger, raw, lines } = capture();
    logger.info({ body: mb }, "one string");
    logger.info({ request: { variables: { search: mb, nested: [[{ deeper: mb }]] } } }, "nested strings");
    logger.info(`a long message ${mb}`);
    logger.info("formatted %s", mb);
    for (const line of raw) expect(line.length).toBeLessThan(8_000);
    expect(raw[0]!.length).toBeLessThan(3_000);
    const [first] = lines();
    expect(first!.body).toMatch(/^x+…\(998000 more characters\)…x+$/);
    expect(first!.msg).toBe("one string");
  });

  it("cut an error's message and stack, as the error itself, under err, or within another value", () => {
    const { logger, raw, lines } = capture();
    const error = new Error(`Variable "$search" got invalid value "${mb}"`);
    logger.error(error);
    logger.error({ err: error }, "request failed");
    logger.error({ err: new Error("outer", { cause: error }) }, "with a cause");
    logger.warn({ errors: [error, error], detail: { error } }, "within other values");
    for (const line of raw.slice(0, 3)) expect(line.length).toBeLessThan(8_000);
    // three errors' messages and stacks: within the line's allowance of 16,000 characters of text
    expect(raw[3]!.length).toBeLessThan(18_000);
    const [asItself, underErr] = lines() as { msg: string; err: { type: string; message: string; stack: string } }[];
    expect(asItself!.err.type).toBe("Error");
    expect(asItself!.err.message).toMatch(/^Variable "\$search" got invalid value "x+…\(\d+ more characters\)…x+"$/);
    expect(asItself!.msg).toMatch(/more characters/);
    // the stack keeps its end: where the error was thrown is still there
    expect(underErr!.err.stack).toMatch(/log\.test\.ts:\d+/);
  });

  it("shorten long lists, wide objects and deep nesting", () => {
    const { logger, raw, lines } = capture();
    let deep: unknown = new Error("at the bottom");
    for (let i = 0; i < 10_000; i++) deep = { deep };
    // an error at each depth, the deepest the line keeps among them
    const errors = Array.from({ length: 12 }, (_, depth) => {
      let nested: unknown = new Error(`at depth ${depth}`);
      for (let i = 0; i < depth; i++) nested = { nested };
      return nested;
    });
    const circular: Record<string, unknown> = { name: "loop" };
    circular.self = circular;
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`key${i}`, i]));
    logger.info(
      { list: Array.from({ length: 100_000 }, () => "item"), wide, deep, errors, circular, manyStrings: Array.from({ length: 50 }, () => mb) },
      "large",
    );
    expect(raw[0]!.length).toBeLessThan(24_000);
    const [line] = lines() as { list: string[]; wide: Record<string, unknown> }[];
    expect(line!.list).toHaveLength(51);
    expect(line!.list[50]).toBe("…(99950 more items)");
    expect(line!.wide["…"]).toBe("99950 more keys");
  });

  it("keep what fits as it is", () => {
    const { logger, lines } = capture();
    const at = new Date("2026-01-02T03:04:05.000Z");
    logger.info({ run: { id: "r1", count: 3, ok: true, none: null, at, tags: ["a", "b"] } }, "run finished");
    expect(lines()[0]).toMatchObject({ msg: "run finished", run: { id: "r1", count: 3, ok: true, none: null, at: at.toISOString(), tags: ["a", "b"] } });
  });
});

describe("database passwords in log lines", () => {
  const urls = [
    "postgresql://app:hunter2@db.example:5432/workouts",
    "postgres://app:hunter2@db.example/detailed?sslmode=require",
    "postgresql://db.example/workouts?user=app&password=hunter2",
    "postgresql://app@db.example/workouts?sslpassword=hunter2&password=hunter2",
    "postgresql://app:hun@ter2@db.example/workouts",
    // quotes, backticks and spaces are all a password may hold
    "postgresql://app:hun'ter2@db.example/workouts",
    'postgresql://app:hun"ter2@db.example/workouts',
    "postgresql://app:hun`ter2@db.example/workouts",
    "host=db.example user=app password='hun ter2' dbname=workouts",
    "host=db.example user=app password='hun\\'ter2' dbname=workouts",
  ];

  it("are hidden in messages, values and errors", () => {
    const { logger, raw } = capture();
    for (const url of urls) {
      logger.warn(`Cannot connect to ${url}: refused`);
      logger.warn({ url, config: { database: { workoutsUrl: url } } }, "opening");
      logger.error(new Error(`connect ECONNREFUSED (${url})`));
      logger.error({ err: new Error("wrapped", { cause: new Error(`at ${url}`) }) }, "failed");
    }
    expect(raw.length).toBe(urls.length * 4);
    for (const line of raw) {
      expect(line).not.toMatch(/hunter2|ter2/);
      expect(line).toMatch(/\*\*\*\*/);
    }
  });

  it("are hidden even in a string too long to log whole", () => {
    const { logger, raw } = capture();
    logger.warn({ text: `${"y".repeat(1_990)}postgresql://app:hunter2@db/x ${"z".repeat(10_000)}` }, "cut");
    expect(raw[0]).not.toMatch(/hunter|hunt/);
  });
});

describe("the log file", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "pmc-log-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  // the file is opened in the background: wait for the line to be in it
  async function written(logger: Logger, file: string, text: string) {
    logger.flush();
    for (let i = 0; i < 200; i++) {
      if ((await readFile(file, "utf8").catch(() => "")).includes(text)) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${file} never received "${text}"`);
  }

  it("is created readable and writable by its owner only", async () => {
    const file = path.join(dir, "logs", "api.log");
    const logger = createLogger("info", file);
    logger.info("first line");
    await written(logger, file, "first line");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("is made so when it already exists readable by others", async () => {
    const file = path.join(dir, "api.log");
    await writeFile(file, "", { mode: 0o644 });
    const logger = createLogger("info", file);
    logger.info("appended");
    await written(logger, file, "appended");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
