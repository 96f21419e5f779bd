import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DataDirLockedError, lockDataDir } from "../../src/db/lock";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "pmc-lock-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lockFile = () => path.join(dir, "catalogue.lock");
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!; // a process that has exited

describe("lockDataDir", () => {
  it("records the owner and refuses a second holder, naming the first", async () => {
    const lock = await lockDataDir(dir);
    expect(JSON.parse(await readFile(lockFile(), "utf8"))).toMatchObject({ pid: process.pid, hostname: os.hostname() });

    const second = lockDataDir(dir);
    await expect(second).rejects.toThrow(DataDirLockedError);
    await expect(second).rejects.toThrow(new RegExp(`in use by another process: pid ${process.pid} on `));
    await expect(second).rejects.toThrow(/WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL/);

    await lock.release();
    await (await lockDataDir(dir)).release();
  });

  it("takes over a lock whose owner has died", async () => {
    const pid = deadPid();
    await writeFile(lockFile(), JSON.stringify({ pid, hostname: os.hostname(), command: "npm start", startedAt: "x" }));
    const lock = await lockDataDir(dir);
    expect(JSON.parse(await readFile(lockFile(), "utf8")).pid).toBe(process.pid);
    await lock.release();
  });

  it("takes over a lock file that is empty or unreadable", async () => {
    await writeFile(lockFile(), "");
    await (await lockDataDir(dir)).release();
  });

  it("does not guess about a lock held from another machine", async () => {
    const holder = { pid: deadPid(), hostname: "another-host", command: "npm start", startedAt: "x" };
    await writeFile(lockFile(), JSON.stringify(holder));
    await expect(lockDataDir(dir)).rejects.toThrow(/on another-host .*If no such process is running, delete .*catalogue\.lock/);
  });

  it("release leaves a lock that someone else has since taken", async () => {
    const lock = await lockDataDir(dir);
    const other = JSON.stringify({ pid: process.pid + 1, hostname: os.hostname(), command: "other", startedAt: "y" });
    await writeFile(lockFile(), other);
    await lock.release();
    expect(await readFile(lockFile(), "utf8")).toBe(other);
  });
});
