import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type LineProcess, scriptArgs, startLineProcess } from "../../harness/processes";
import { DataDirLockedError, lockDataDir } from "../../src/db/lock";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "pmc-lock-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lock = () => path.join(dir, "catalogue.lock");
const ownerOf = async () => JSON.parse(await readFile(path.join(lock(), "owner.json"), "utf8"));
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!; // a process that has exited

/** Leaves a lock in the format lockDataDir writes, as if held by `owner`. */
async function placeLock(owner: object) {
  await mkdir(lock());
  await writeFile(path.join(lock(), "owner.json"), JSON.stringify(owner));
}

describe("lockDataDir", () => {
  it("records the owner and refuses a second holder, naming the first", async () => {
    const held = await lockDataDir(dir);
    expect(await ownerOf()).toMatchObject({ pid: process.pid, hostname: os.hostname() });

    const second = lockDataDir(dir);
    await expect(second).rejects.toThrow(DataDirLockedError);
    await expect(second).rejects.toThrow(new RegExp(`in use by another process: pid ${process.pid} on `));
    await expect(second).rejects.toThrow(/WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL/);

    await held.release();
    await (await lockDataDir(dir)).release();
    expect(await readdir(dir)).toEqual([]); // nothing left behind
  });

  it("takes over a lock whose owner has died", async () => {
    await placeLock({ pid: deadPid(), hostname: os.hostname(), command: "npm start", startedAt: "x", id: "dead-holder" });
    const held = await lockDataDir(dir);
    expect((await ownerOf()).pid).toBe(process.pid);
    await held.release();
  });

  it("takes over the lock file of an older version whose owner has died", async () => {
    await writeFile(lock(), JSON.stringify({ pid: deadPid(), hostname: os.hostname(), command: "npm start", startedAt: "x" }));
    const held = await lockDataDir(dir);
    expect((await ownerOf()).pid).toBe(process.pid);
    await held.release();
  });

  it("does not take over a lock that does not say who holds it (an older version's, caught half-written)", async () => {
    await writeFile(lock(), "");
    await expect(lockDataDir(dir)).rejects.toThrow(/does not say which process holds it .*delete .*catalogue\.lock/);
    await writeFile(lock(), '{"pid": 12');
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirLockedError);
    expect(await readFile(lock(), "utf8")).toBe('{"pid": 12');
  });

  it("does not guess about a lock held from another machine", async () => {
    await placeLock({ pid: deadPid(), hostname: "another-host", command: "npm start", startedAt: "x", id: "remote" });
    await expect(lockDataDir(dir)).rejects.toThrow(/on another-host .*If no such process is running, delete .*catalogue\.lock/);
  });

  it("release leaves a lock that someone else has since taken", async () => {
    const held = await lockDataDir(dir);
    await rm(lock(), { recursive: true });
    const other = { pid: process.pid + 1, hostname: os.hostname(), command: "other", startedAt: "y", id: "other" };
    await placeLock(other);
    await held.release();
    expect(await ownerOf()).toEqual(other);
  });
});

const contenderScript = "harness/lock-contender.ts";

describe("lockDataDir in many processes at once", () => {
  const contenders: LineProcess[] = [];
  afterAll(() => {
    for (const contender of contenders) contender.child.kill();
  });

  // 8 processes told to lock at the same moment, 20 times on a lock left by a process that died and 20 times on none
  it("lets exactly one of them hold it, every time", async () => {
    for (let i = 0; i < 8; i++) contenders.push(startLineProcess(contenderScript, [dir]));
    const outcomes: string[] = [];
    for (let round = 0; round < 40; round++) {
      const stale = round % 2 === 0;
      if (stale) {
        const abandon = spawnSync(process.execPath, scriptArgs(contenderScript, [dir, "--abandon"]), { encoding: "utf8" });
        expect(abandon.stderr).toBe("");
      }
      const answers = await Promise.all(contenders.map((contender) => contender.ask("lock")));
      const winners = answers.filter((answer) => answer === "won").length;
      const refused = answers.filter((answer) => /^locked The embedded databases in .* are in use by another process: pid \d+/.test(answer)).length;
      outcomes.push(`${stale ? "stale lock" : "no lock"}: ${winners} won, ${refused} refused`);
      if (winners + refused !== answers.length) outcomes.push(...answers);
      await Promise.all(contenders.map((contender) => contender.ask("release")));
      await rm(dir, { recursive: true, force: true });
    }
    const expected = Array.from({ length: 40 }, (_, round) => `${round % 2 === 0 ? "stale lock" : "no lock"}: 1 won, 7 refused`);
    expect(outcomes).toEqual(expected);
  });
});
