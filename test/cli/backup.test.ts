import { execFileSync } from "node:child_process";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type CliCommand, type Scratch, startCli, useCliFixture } from "../../harness/commands";
import { emptyDatabases, testBackend, withDatabases } from "../../harness/databases";
import { parseRestoreArguments } from "../../src/cli/restore";
import { openDatabases } from "../../src/db";
import { catalogueSnapshot, ingestCatalogue, vouchFor } from "../backup/support";
import { useCleanups } from "../support/cleanups";

const { cleanups, tempDir } = useCleanups("pmc-backup-cli-");

/** Runs a command to its end. */
async function run(command: CliCommand, args: string[], env: Record<string, string>, cwd?: string) {
  const cli = startCli(command, args, { LOG_LEVEL: "warn", ...env }, cwd);
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

describe("npm run backup, backups and restore", () => {
  const fixture = useCliFixture();
  const inScratch = (command: CliCommand, db: Scratch, args: string[] = []) => run(command, args, db.env, db.dataDir);

  it("back up, list the backup with its sizes and how to restore it, and restore it over a catalogue only with --yes", async () => {
    const sim = await fixture.startSimulator({ classes: 20, disciplines: ["cycling"] });
    const db = await fixture.scratch();
    await ingestCatalogue(db.config, sim);
    const expected = await catalogueSnapshot(db.config);

    const backup = await inScratch("backup", db);
    expect(backup).toMatchObject({ code: 0, stderr: "" });
    const timestamp = /npm run restore -- (\d{8}T\d{6}Z)/.exec(backup.stdout)![1]!;
    const size = "[\\d.]+ (B|KiB|MiB)";
    expect(backup.stdout).toMatch(
      new RegExp(
        `^Backed up both databases to ${path.join(db.dataDir, "backups")}:\n` +
          `  peloton_workouts_${timestamp}\\.sql  ${size}\n  peloton_detailed_${timestamp}\\.sql  ${size}\n  checksums: peloton_${timestamp}\\.sha256\n  restore: npm run restore -- ${timestamp}\n`,
      ),
    );

    const listing = await inScratch("backups", db);
    expect(listing).toMatchObject({ code: 0, stderr: "" });
    const takenAt = timestamp.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3 $4:$5:$6 UTC");
    expect(listing.stdout).toContain(`Backups in ${path.join(db.dataDir, "backups")}, newest first:\n\n${timestamp}  taken ${takenAt}  `);
    expect(listing.stdout).toMatch(
      new RegExp(
        `  ${size} in all\n  peloton_workouts_${timestamp}\\.sql  ${size}\n  peloton_detailed_${timestamp}\\.sql  ${size}\n  checksums: peloton_${timestamp}\\.sha256\n  restore: npm run restore -- ${timestamp}\n`,
      ),
    );
    if (testBackend === "postgres")
      expect(listing.stdout).toContain("  or with psql, which runs whatever the files hold (only for files you trust), on PostgreSQL ");
    const backupDir = path.join(db.dataDir, "backups");
    expect((await stat(backupDir)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(backupDir)) expect([name, (await stat(path.join(backupDir, name))).mode & 0o777]).toEqual([name, 0o600]);
    const psqlCommands = listing.stdout.split("\n").filter((line) => line.startsWith("    psql "));
    expect(psqlCommands).toEqual(
      testBackend === "postgres"
        ? ["WORKOUTS", "DETAILED"].map(
            (name) =>
              `    psql -X -v ON_ERROR_STOP=1 --single-transaction -d "$${name}_DATABASE_URL" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' ` +
              `-f backups/peloton_${name.toLowerCase()}_${timestamp}.sql`,
          )
        : [],
    );

    const refused = await inScratch("restore", db, [timestamp]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^Not restoring: the workouts database has 2 rows in ingest_runs, 1 row in sync_checkpoints, 20 rows in workouts; the detailed database has /,
    );
    expect(refused.stderr).toContain(`To go ahead: npm run restore -- ${timestamp} --yes\n`);
    expect(refused.stderr).not.toMatch(/^\s+at /m);

    await withDatabases(db.config, (databases) => databases.detailed.album.create({ data: { id: "since-the-backup", name: "New" } }));
    const restored = await inScratch("restore", db, [timestamp, "--yes"]);
    expect(restored).toMatchObject({ code: 0, stderr: "" });
    expect(restored.stdout).toMatch(new RegExp(`^Restored the (embedded|PostgreSQL) databases .*from the backup ${timestamp} `));
    expect(await catalogueSnapshot(db.config)).toEqual(expected);

    if (db.config.kind === "postgres") {
      // the psql commands the listing prints do the same
      await withDatabases(db.config, (databases) => databases.detailed.album.create({ data: { id: "since-the-backup", name: "New" } }));
      const env = { ...process.env, WORKOUTS_DATABASE_URL: db.config.workoutsUrl, DETAILED_DATABASE_URL: db.config.detailedUrl };
      for (const command of psqlCommands) execFileSync("/bin/sh", ["-c", command], { cwd: db.dataDir, env, stdio: "pipe" });
      expect(await catalogueSnapshot(db.config)).toEqual(expected);
    }
  });

  it("restore refuses a tampered backup in one line naming the statement's line, even with its manifest rewritten", async () => {
    await fixture.startSimulator({ classes: 1 });
    const db = await fixture.scratch();
    const backup = await inScratch("backup", db);
    expect(backup.code).toBe(0);
    const timestamp = /npm run restore -- (\d{8}T\d{6}Z)/.exec(backup.stdout)![1]!;
    const dir = path.join(db.dataDir, "backups");
    const file = path.join(dir, `peloton_workouts_${timestamp}.sql`);
    const dump = await readFile(file, "utf8");
    const at = dump.indexOf("SET statement_timeout = 0;");
    await writeFile(
      file,
      `${dump.slice(0, at)}SET statement_timeout = 0; COPY (SELECT 1) TO PROGRAM 'id';${dump.slice(at + "SET statement_timeout = 0;".length)}`,
    );

    const changed = await inScratch("restore", db, [timestamp, "--yes"]);
    expect(changed).toEqual({
      code: 1,
      stdout: "",
      stderr: `peloton_workouts_${timestamp}.sql does not match its checksum in peloton_${timestamp}.sha256: it changed after the backup was taken. Nothing was restored.\n`,
    });
    await vouchFor(dir, timestamp);
    const refused = await inScratch("restore", db, [timestamp, "--yes"]);
    const line = dump.slice(0, at).split("\n").length;
    expect(refused).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `Refusing to restore peloton_workouts_${timestamp}.sql: line ${line} is not a statement our backups contain ` +
        `(a COPY), and nothing was restored: COPY (SELECT 1) TO PROGRAM 'id';\n`,
    });
  });

  it("flag a backup missing a file, which restore refuses, and files left by a stopped backup", async () => {
    const dir = await tempDir();
    const env = { BACKUP_DIR: dir, DATA_DIR: await tempDir() };
    expect(await run("backups", [], env)).toEqual({ code: 0, stdout: `No backups in ${dir} yet: \`npm run backup\` takes one.\n`, stderr: "" });

    await writeFile(path.join(dir, "peloton_workouts_20260101T000000Z.sql"), "-- a dump\n");
    await writeFile(path.join(dir, "peloton_detailed_20260102T000000Z.sql.partial"), "-- half a dump\n");
    expect((await run("backups", [], env)).stdout).toBe(
      `Backups in ${dir}, newest first:\n\n` +
        "20260101T000000Z  taken 2026-01-01 00:00:00 UTC  10 B in all  INCOMPLETE: peloton_detailed_20260101T000000Z.sql is missing, so it cannot be restored\n" +
        "  peloton_workouts_20260101T000000Z.sql  10 B\n\n" +
        "Files of a backup still being written, or of one that was stopped (delete them if no backup is running):\n" +
        "  peloton_detailed_20260102T000000Z.sql.partial\n",
    );
    const restore = await run("restore", ["20260101T000000Z"], env);
    expect(restore).toEqual({
      code: 1,
      stdout: "",
      stderr: `The backup 20260101T000000Z in ${dir} is incomplete: peloton_detailed_20260101T000000Z.sql is missing, so it cannot be restored.\n`,
    });
  });

  it("say what is wrong with the arguments, with exit code 2", async () => {
    expect(parseRestoreArguments(["20261124T054019Z"])).toEqual({ timestamp: "20261124T054019Z", overwrite: false });
    expect(parseRestoreArguments(["-y", "20261124T054019Z"])).toEqual({ timestamp: "20261124T054019Z", overwrite: true });
    expect(parseRestoreArguments(["--help"])).toBe("help");
    expect(() => parseRestoreArguments(["20261124T054019Z", "20261125T054019Z"])).toThrow("One backup at a time, got 20261124T054019Z 20261125T054019Z");
    expect(() => parseRestoreArguments(["2026-11-24"])).toThrow('"2026-11-24" is not a backup\'s timestamp, such as 20261124T054019Z');
    expect(() => parseRestoreArguments(["20261399T000000Z"])).toThrow("is not a backup's timestamp");
    expect(await run("restore", [], {})).toEqual({
      code: 2,
      stdout: "",
      stderr: "Which backup? Give its timestamp, e.g. npm run restore -- 20261124T054019Z (`npm run backups` lists them) (--help lists the options)\n",
    });
    expect(await run("backup", ["--full"], {})).toMatchObject({ code: 2, stderr: "Unknown option '--full' (--help lists the options)\n" });
    expect(await run("backups", ["--help"], {})).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: npm run backups -- \[options\]\n/) });
  });

  it("without pg_dump on PATH, a PostgreSQL backup says what to install", async () => {
    const { config, remove } = await emptyDatabases("postgres");
    cleanups.push(remove);
    const backupDir = await tempDir();
    const env = { WORKOUTS_DATABASE_URL: config.workoutsUrl, DETAILED_DATABASE_URL: config.detailedUrl, BACKUP_DIR: backupDir, PATH: "/nonexistent" };
    const backup = await run("backup", [], env);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toMatch(
      /^Backing up PostgreSQL needs pg_dump, and pg_dump was not found on PATH\. .*`sudo apt-get install postgresql-client` \(or postgresql-client-15 /,
    );
    expect(backup.stderr).not.toMatch(/^\s+at /m);
  });

  (testBackend === "embedded" ? it : it.skip)("refuse to back up embedded databases that another process holds", async () => {
    await fixture.startSimulator({ classes: 1 });
    const db = await fixture.scratch();
    const holder = await openDatabases(db.config); // this process, as `npm start` would
    try {
      const backup = await inScratch("backup", db);
      expect(backup.code).toBe(1);
      expect(backup.stderr).toMatch(new RegExp(`^The embedded databases in .+ are in use by another process: pid ${process.pid} on `));
    } finally {
      await holder.close();
    }
  });
});
