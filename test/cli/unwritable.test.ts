import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type CliCommand, startCli, useCliFixture } from "../../harness/commands";
import { testBackend } from "../../harness/databases";
import { useCleanups } from "../support/cleanups";

// A DATA_DIR or BACKUP_DIR that cannot be written (read-only, full, under a file) stops a
// command with one line naming the variable, never a stack trace.

const { cleanups, tempDir } = useCleanups("pmc-unwritable-");
/** A path under a regular file: not writable by anyone, root included (ENOTDIR). */
const underAFile = async () => {
  const file = path.join(await tempDir(), "a-file");
  await writeFile(file, "");
  return { file, dir: path.join(file, "x") };
};

async function run(command: CliCommand, args: string[], env: Record<string, string>, cwd?: string) {
  const cli = startCli(command, args, { LOG_LEVEL: "silent", ...env }, cwd);
  cleanups.push(async () => cli.child.kill("SIGKILL"));
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr().trim() };
}

const isRoot = process.getuid?.() === 0;

/** Runs a command as a user who may not write what root made read-only: nobody, when the tests run as root. */
async function runUnprivileged(command: CliCommand, env: Record<string, string>) {
  const cli = startCli(command, [], { HOME: os.tmpdir(), LOG_LEVEL: "silent", ...env }, undefined, isRoot ? { uid: 65534, gid: 65534 } : {});
  const { code } = await cli.exited;
  return { code, stderr: cli.stderr().trim() };
}

const oneLine = (line: string) => expect.objectContaining({ code: 1, stderr: line });

describe("a DATA_DIR that cannot be written", () => {
  const fixture = useCliFixture();

  (testBackend === "embedded" ? it : it.skip)("under a file: every command that opens the embedded databases says so in one line", async () => {
    await fixture.startSimulator({ classes: 5 });
    const db = await fixture.scratch();
    const backupDir = path.join(db.dataDir, "backups");
    const backup = await run("backup", [], { ...db.env, BACKUP_DIR: backupDir }, db.dataDir);
    const timestamp = /npm run restore -- (\d{8}T\d{6}Z)/.exec(backup.stdout)![1]!;

    const { file, dir } = await underAFile();
    const env = { ...db.env, DATA_DIR: dir, BACKUP_DIR: backupDir, PORT: "0" };
    const expected = oneLine(`DATA_DIR: cannot write to ${dir} (${file} is not a directory)`);
    for (const command of ["migrate", "start", "sync", "details", "backup"] as const) {
      expect([command, await run(command, [], env)]).toEqual([command, expected]);
    }
    expect(["restore", await run("restore", [timestamp, "--yes"], env)]).toEqual(["restore", expected]);
  });

  (testBackend === "postgres" ? it : it.skip)("under a file, with the databases on PostgreSQL: sync and details say so in one line, at once", async () => {
    await fixture.startSimulator({ classes: 5 });
    const db = await fixture.scratch();
    const { file, dir } = await underAFile();
    // the session file is the first thing written there: failing to save it is not Peloton failing, and is not retried
    for (const command of ["sync", "details"] as const) {
      const output = await run(command, [], { ...db.env, DATA_DIR: dir, PELOTON_RETRY_BASE_MS: "60000" });
      expect([command, output]).toEqual([command, oneLine(`DATA_DIR: cannot write to ${dir} (${file} is not a directory)`)]);
    }
  });

  it("under a file: the demo says so in one line", async () => {
    const { file, dir } = await underAFile();
    const demo = await run("demo", ["--classes", "5"], { DATA_DIR: dir, PORT: "0" });
    expect(demo).toEqual(oneLine(`DATA_DIR: cannot write to ${path.join(dir, "demo")} (${file} is not a directory)`));
  });

  it("a file where an embedded database's directory goes (PGlite's own error names no file)", async () => {
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, "workouts"), "");
    expect(await run("migrate", [], { DATA_DIR: dataDir })).toEqual(
      oneLine(`DATA_DIR: cannot write to ${path.join(dataDir, "workouts")} (it is not a directory)`),
    );
  });

  it("read-only, or with a database directory that is read-only", async () => {
    const parent = await tempDir();
    await chmod(parent, 0o755);
    const readOnly = path.join(parent, "read-only");
    await mkdir(readOnly, { mode: 0o555 });
    await chmod(readOnly, 0o555);
    expect(await runUnprivileged("migrate", { DATA_DIR: readOnly })).toEqual(oneLine(`DATA_DIR: cannot write to ${readOnly} (permission denied)`));

    // the data directory may be written, PGlite's may not: PGlite says only that it "failed to initialize"
    const writable = path.join(parent, "writable");
    await mkdir(path.join(writable, "workouts"), { recursive: true });
    await chmod(writable, 0o777);
    await chmod(path.join(writable, "workouts"), 0o555);
    expect(await runUnprivileged("migrate", { DATA_DIR: writable })).toEqual(
      oneLine(`DATA_DIR: cannot write to ${path.join(writable, "workouts")} (permission denied)`),
    );
  });
});

describe("a BACKUP_DIR under a file", () => {
  const fixture = useCliFixture();

  it("backup and backups say so in one line", async () => {
    await fixture.startSimulator({ classes: 5 });
    const db = await fixture.scratch();
    const { file, dir } = await underAFile();
    const env = { ...db.env, BACKUP_DIR: dir };
    expect(await run("backup", [], env, db.dataDir)).toEqual(oneLine(`BACKUP_DIR: cannot write to ${dir} (${file} is not a directory)`));
    expect(await run("backups", [], env, db.dataDir)).toEqual(oneLine(`BACKUP_DIR: cannot read ${dir} (${file} is not a directory)`));
  });
});

// A read-only or full file system can only be had by mounting one (root, with the right to mount): a small tmpfs of our own.
async function mountTmpfs(options: string): Promise<string | undefined> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pmc-unwritable-mount-"));
  const mounted = isRoot && spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "ignore" }).status === 0;
  cleanups.push(async () => {
    if (mounted) spawnSync("umount", ["--lazy", dir]);
    await rm(dir, { recursive: true, force: true });
  });
  return mounted ? dir : undefined;
}
const canMount = (() => {
  if (!isRoot) return false;
  const dir = mkdtempSync(path.join(os.tmpdir(), "pmc-unwritable-mount-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=4k", "tmpfs", dir], { stdio: "ignore" }).status === 0;
  if (mounted) spawnSync("umount", [dir]);
  rmSync(dir, { recursive: true, force: true });
  return mounted;
})();

(canMount ? describe : describe.skip)("on a read-only or full file system (a tmpfs mounted for the test)", () => {
  const fixture = useCliFixture();

  it("a read-only DATA_DIR", async () => {
    const mount = (await mountTmpfs("ro,size=64k"))!;
    const demo = await run("demo", ["--classes", "5"], { DATA_DIR: path.join(mount, "data"), PORT: "0" });
    expect(demo).toEqual(oneLine(`DATA_DIR: cannot write to ${mount} (read-only file system)`));
  });

  it("a full DATA_DIR", async () => {
    const mount = (await mountTmpfs("size=1m"))!;
    const demo = await run("demo", ["--classes", "5"], { DATA_DIR: mount, PORT: "0" });
    expect(demo).toEqual(oneLine(`DATA_DIR: cannot write to ${mount} (no space left on device)`));
  });

  it("a full BACKUP_DIR", async () => {
    await fixture.startSimulator({ classes: 5 });
    const db = await fixture.scratch();
    const mount = (await mountTmpfs("size=64k"))!;
    spawnSync("dd", ["if=/dev/zero", `of=${path.join(mount, "filler")}`, "bs=4k"], { stdio: "ignore" });
    const backup = await run("backup", [], { ...db.env, BACKUP_DIR: mount }, db.dataDir);
    if (testBackend === "embedded") expect(backup).toEqual(oneLine(`BACKUP_DIR: cannot write to ${mount} (no space left on device)`));
    // on PostgreSQL pg_dump writes the file itself, and says so in its own words
    else expect(backup).toMatchObject({ code: 1, stderr: expect.stringMatching(/^pg_dump failed on the workouts database: .*No space left on device$/) });
  });
});
