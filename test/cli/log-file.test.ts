import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startCli } from "../../harness/commands";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "pmc-log-file-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const mode = async (file: string) => (await stat(file)).mode & 0o777;

// the logger makes an existing log file 0600 too (test/log.test.ts); this is the file a command creates first
describe("LOG_FILE", () => {
  it("is created readable and writable by its owner only, in a directory of the owner's", async () => {
    const logFile = path.join(dir, "logs", "catalogue.log");
    const cli = startCli("backups", [], { LOG_FILE: logFile, LOG_LEVEL: "info", BACKUP_DIR: path.join(dir, "backups"), DATA_DIR: path.join(dir, "data") });
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(await mode(logFile)).toBe(0o600);
    expect(await mode(path.dirname(logFile))).toBe(0o700);
  });
});
