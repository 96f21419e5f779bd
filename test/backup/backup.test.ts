import { chmod, cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { emptyDatabases, scratchDatabases, testBackend, withDatabases } from "../../harness/databases";
import { backupDatabases } from "../../src/backup/backup";
import { type Backup, BackupError, listBackups } from "../../src/backup/files";
import { restoreBackup } from "../../src/backup/restore";
import type { DatabaseConfig } from "../../src/config";
import { type Simulator, startSimulator } from "../../src/simulator";
import { useCleanups } from "../support/cleanups";
import { type CatalogueSnapshot, catalogueSnapshot, ingestCatalogue, rowsIn, vouchFor } from "./support";

const { cleanups, tempDir } = useCleanups("pmc-backup-", afterAll);
const scratch = async () => {
  const { config, remove } = await scratchDatabases();
  cleanups.push(remove);
  return config;
};
const postgres = async () => {
  const { config, remove } = await emptyDatabases("postgres");
  cleanups.push(remove);
  return config;
};

let sim: Simulator;
let source: DatabaseConfig;
let expected: CatalogueSnapshot;
let backupDir: string;
let backup: Backup;

beforeAll(async () => {
  sim = await startSimulator({ classes: 40, disciplines: ["cycling"] });
  source = await scratch();
  await ingestCatalogue(source, sim);
  expected = await catalogueSnapshot(source);
  backupDir = await tempDir();
  backup = await backupDatabases({ database: source, backupDir });
});
afterAll(async () => {
  await sim?.close();
});

describe(`backups on the ${testBackend} databases`, () => {
  it("dumps both databases under one timestamp, as plain SQL with multi-row INSERTs, and lists them", async () => {
    expect(expected.rows.detailed).toMatchObject({ detailed_workouts: 40, songs: expect.any(Number), _prisma_migrations: expect.any(Number) });
    const search = expected.answers.find((answer) => "songs" in (answer as object)) as { songs: { totalCount: number } };
    expect(search.songs.totalCount).toBeGreaterThan(0); // the trigram search finds something to compare
    expect(expected.answers).toContainEqual(
      expect.objectContaining({ workouts: expect.objectContaining({ totalCount: 40, pageInfo: { hasNextPage: false, endCursor: expect.any(String) } }) }),
    );
    expect(backup.timestamp).toMatch(/^\d{8}T\d{6}Z$/);
    expect(await readdir(backupDir)).toEqual([
      `peloton_${backup.timestamp}.sha256`,
      `peloton_detailed_${backup.timestamp}.sql`,
      `peloton_workouts_${backup.timestamp}.sql`,
    ]);
    expect(backup.missing).toEqual([]);
    const detailed = await readFile(backup.files.detailed!.path, "utf8");
    expect(detailed).toMatch(/^INSERT INTO public\.songs VALUES\n\t\(.*\),\n\t\(/m);
    expect(detailed).not.toMatch(/^COPY /m);
    expect(detailed).not.toMatch(/OWNER TO|^GRANT /m);
    expect(backup.bytes).toBe(backup.files.workouts!.bytes + backup.files.detailed!.bytes);
    expect(await listBackups(backupDir)).toEqual({ backups: [backup], unfinished: [] });
  });

  it("restores into empty databases: the same rows, and the same answers from the API", async () => {
    const target = await scratch(); // migrated, no rows
    const { statements } = await restoreBackup(backup.timestamp, { database: target, backupDir });
    expect(statements.detailed).toBeGreaterThan(10);
    expect(await catalogueSnapshot(target)).toEqual(expected);
  });

  it("refuses to replace a catalogue that holds rows unless told to, then replaces it whole", async () => {
    const target = await scratch();
    await withDatabases(target, async (databases) => {
      await databases.workouts.syncCheckpoint.create({ data: { category: "yoga" } });
      await databases.detailed.album.create({ data: { id: "not-in-the-backup", name: "Extra" } });
    });
    const refused = restoreBackup(backup.timestamp, { database: target, backupDir });
    await expect(refused).rejects.toThrow(BackupError);
    await expect(refused).rejects.toThrow(
      `Not restoring: the workouts database has 1 row in sync_checkpoints; the detailed database has 1 row in albums. Restoring the backup ` +
        `${backup.timestamp} replaces both databases whole, and all of that would be lost. To go ahead: npm run restore -- ${backup.timestamp} --yes`,
    );
    await restoreBackup(backup.timestamp, { database: target, backupDir, overwrite: true });
    expect(await catalogueSnapshot(target)).toEqual(expected);
  });

  it("names the statement that failed, and then changes neither database", async () => {
    const brokenDir = await tempDir();
    await cp(backupDir, brokenDir, { recursive: true });
    const file = path.join(brokenDir, path.basename(backup.files.detailed!.path));
    const dump = await readFile(file, "utf8");
    // a statement of the allowed form that the database refuses: a text where a date goes
    const insert = dump.indexOf("INSERT INTO public.songs VALUES");
    const created = /, '(\d{4}-\d\d-\d\d [\d:.]+\+00)'/.exec(dump.slice(insert))!;
    await writeFile(file, dump.slice(0, insert) + dump.slice(insert).replace(created[0], ", 'not a date'"));
    await vouchFor(brokenDir, backup.timestamp);
    const line = dump.slice(0, insert).split("\n").length;

    const target = await scratch();
    const failed = restoreBackup(backup.timestamp, { database: target, backupDir: brokenDir });
    await expect(failed).rejects.toThrow(
      `Restoring failed at peloton_detailed_${backup.timestamp}.sql, line ${line}, and nothing was restored: invalid input syntax for type timestamp with time zone: "not a date"`,
    );
    expect(await rowsIn(target)).toEqual([]);
  });

  it("refuses a backup that is missing a file, or cut short", async () => {
    const dir = await tempDir();
    await cp(backup.files.workouts!.path, path.join(dir, path.basename(backup.files.workouts!.path)));
    await expect(restoreBackup(backup.timestamp, { database: source, backupDir: dir })).rejects.toThrow(
      `The backup ${backup.timestamp} in ${dir} is incomplete: peloton_detailed_${backup.timestamp}.sql is missing, so it cannot be restored.`,
    );
    const detailed = await readFile(backup.files.detailed!.path, "utf8");
    await writeFile(path.join(dir, path.basename(backup.files.detailed!.path)), detailed.slice(0, detailed.length / 2));
    await cp(path.join(backupDir, `peloton_${backup.timestamp}.sha256`), path.join(dir, `peloton_${backup.timestamp}.sha256`));
    await expect(restoreBackup(backup.timestamp, { database: source, backupDir: dir })).rejects.toThrow(
      `peloton_detailed_${backup.timestamp}.sql does not match its checksum in peloton_${backup.timestamp}.sha256: it changed after the backup was taken. Nothing was restored.`,
    );
    await vouchFor(dir, backup.timestamp); // even with the manifest rewritten, a dump cut short is refused
    await expect(restoreBackup(backup.timestamp, { database: source, backupDir: dir })).rejects.toThrow(/it was cut short, or it is not a backup/);
    await expect(restoreBackup("20000101T000000Z", { database: source, backupDir: dir })).rejects.toThrow(`There is no backup 20000101T000000Z in ${dir}.`);
  });
});

describe("across backends", () => {
  /** The suite's backup if it was taken on `kind`, or a new catalogue there, backed up. */
  const backupOn = async (kind: DatabaseConfig["kind"]) => {
    if (source.kind === kind) return { dir: backupDir, backup, expected };
    const config: DatabaseConfig = kind === "embedded" ? { kind, dataDir: await tempDir() } : await postgres();
    await ingestCatalogue(config, sim);
    const dir = await tempDir();
    return { dir, backup: await backupDatabases({ database: config, backupDir: dir }), expected: await catalogueSnapshot(config) };
  };

  it("an embedded backup restores into PostgreSQL, whose server (15) lacks settings PGlite's newer pg_dump writes", async () => {
    const embedded = await backupOn("embedded");
    expect(await readFile(embedded.backup.files.workouts!.path, "utf8")).toContain("SET transaction_timeout = 0;");
    const target = await postgres(); // empty: not even migrated
    await restoreBackup(embedded.backup.timestamp, { database: target, backupDir: embedded.dir });
    expect(await catalogueSnapshot(target)).toEqual(embedded.expected);
  });

  it("a PostgreSQL backup, with pg_dump's \\restrict lines, restores into the embedded databases", async () => {
    const postgresBackup = await backupOn("postgres");
    expect(await readFile(postgresBackup.backup.files.detailed!.path, "utf8")).toMatch(/^\\restrict \w+$/m);
    const target: DatabaseConfig = { kind: "embedded", dataDir: await tempDir() }; // no databases there yet
    await restoreBackup(postgresBackup.backup.timestamp, { database: target, backupDir: postgresBackup.dir });
    expect(await catalogueSnapshot(target)).toEqual(postgresBackup.expected);
  });
});

describe("pg_dump", () => {
  const fakePgDump = async (script: string) => {
    const file = path.join(await tempDir(), "pg_dump");
    await writeFile(file, `#!/bin/sh\n${script}\n`);
    await chmod(file, 0o755);
    return file;
  };

  it("missing, or older than the server, is refused with what to install", async () => {
    const database = await postgres();
    const dir = await tempDir();
    await expect(backupDatabases({ database, backupDir: dir, pgDumpPath: "/nowhere/pg_dump" })).rejects.toThrow(
      /^Backing up PostgreSQL needs pg_dump, and \/nowhere\/pg_dump was not found\. .*`sudo apt-get install postgresql-client`/,
    );
    const old = await fakePgDump('echo "pg_dump (PostgreSQL) 14.9"');
    await expect(backupDatabases({ database, backupDir: dir, pgDumpPath: old })).rejects.toThrow(
      /is version 14\.9, older than the workouts database's server \(PostgreSQL 15\.\d+\).*Install postgresql-client-15/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it("failing on the second database leaves no file of the first", async () => {
    const database = await postgres();
    await withDatabases(database, async () => undefined); // migrated, so that there is something to dump
    const dir = await tempDir();
    const failsOnDetailed = await fakePgDump(
      `case "$*" in *_detailed*) echo partial > "$(echo "$*" | sed 's/.*--file=\\([^ ]*\\).*/\\1/')"; echo "connection lost" >&2; exit 1;; esac\nexec pg_dump "$@"`,
    );
    await expect(backupDatabases({ database, backupDir: dir, pgDumpPath: failsOnDetailed })).rejects.toThrow(
      "pg_dump failed on the detailed database: connection lost",
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
