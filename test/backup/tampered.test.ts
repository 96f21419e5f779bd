import { cp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { scratchDatabases, testBackend, withAdmin } from "../../harness/databases";
import { backupDatabases } from "../../src/backup/backup";
import { type Backup, BackupError } from "../../src/backup/files";
import { restoreBackup } from "../../src/backup/restore";
import type { DatabaseConfig } from "../../src/config";
import { startSimulator } from "../../src/simulator";
import { useCleanups } from "../support/cleanups";
import { ingestCatalogue, rowsIn, vouchFor } from "./support";

const { cleanups, tempDir } = useCleanups("pmc-tampered-", afterAll);

// what the hostile statements would leave behind if they ran
const marker = path.join(os.tmpdir(), `pmc-tampered-ran-${process.pid}`);
const role = `pmc_tampered_${process.pid}`;

let backupDir: string;
let backup: Backup;
let target: DatabaseConfig;

beforeAll(async () => {
  const sim = await startSimulator({ classes: 5, disciplines: ["cycling"] });
  const source = await scratchDatabases();
  cleanups.push(source.remove, () => sim.close());
  await ingestCatalogue(source.config, sim);
  backupDir = await tempDir();
  backup = await backupDatabases({ database: source.config, backupDir: path.join(backupDir, "new", "backups") });
  backupDir = path.join(backupDir, "new", "backups");
  const empty = await scratchDatabases();
  cleanups.push(empty.remove);
  target = empty.config;
});
afterAll(async () => {
  await rm(marker, { force: true });
  if (testBackend === "postgres") await withAdmin((admin) => admin.query(`DROP ROLE IF EXISTS ${role}`));
});

/** A copy of the backup with `statement` put before the workouts dump's first row, and the manifest rewritten to match. */
async function tampered(statement: string): Promise<{ dir: string; line: number }> {
  const dir = await tempDir();
  await cp(backupDir, dir, { recursive: true });
  const file = path.join(dir, path.basename(backup.files.workouts!.path));
  const dump = await readFile(file, "utf8");
  const at = dump.indexOf("INSERT INTO public.");
  await writeFile(file, `${dump.slice(0, at)}${statement}\n${dump.slice(at)}`);
  await vouchFor(dir, backup.timestamp);
  return { dir, line: dump.slice(0, at).split("\n").length };
}

const hostile: [string, string, RegExp?][] = [
  ["COPY to a program", `COPY public.workouts TO PROGRAM 'touch ${marker}';`],
  ["a superuser role", `CREATE ROLE ${role} SUPERUSER LOGIN;`],
  ["ALTER SYSTEM", "ALTER SYSTEM SET shared_preload_libraries = 'evil';"],
  ["a DO block", `DO $$ BEGIN EXECUTE 'CREATE ROLE ${role} SUPERUSER'; END $$;`],
  ["a function", "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';"],
  ["a statement after a semicolon in an allowed line", `SET lock_timeout = 0; CREATE ROLE ${role} SUPERUSER;`, /CREATE ROLE/],
  ["a dollar-quoted value", `INSERT INTO public.sync_checkpoints VALUES ($a$x'); CREATE ROLE ${role} SUPERUSER; --$a$, NULL, NULL, '2026-01-01', false);`],
  ["an E'' string", `INSERT INTO public.sync_checkpoints VALUES (E'x\\'', NULL, NULL, '2026-01-01', false);`],
  ["a comment hiding a newline", `SET lock_timeout = 0 /* a comment\n*/;`],
  ["a line comment inside a statement", `INSERT INTO public.sync_checkpoints VALUES ('x', -- a comment\nNULL, NULL, '2026-01-01', false);`],
  ["a psql shell escape", `\\! touch ${marker}`],
  ["a psql \\copy", `\\copy public.workouts to program 'touch ${marker}'`],
  ["a psql include", "\\i /etc/passwd"],
  ["a \\restrict with more on its line", `\\restrict abc \\! touch ${marker}`],
  ["a function call as a value", `INSERT INTO public.sync_checkpoints VALUES (pg_read_file('/etc/passwd'), NULL, NULL, '2026-01-01', false);`],
  ["a SELECT for its rows", "INSERT INTO public.sync_checkpoints SELECT rolname, NULL, NULL, now(), false FROM pg_roles;"],
  ["rows for a catalog table", "INSERT INTO pg_catalog.pg_authid VALUES ('x');"],
  ["a table not of our schema", "CREATE TABLE public.evil (id text);"],
  ["a column default calling a function", "CREATE TABLE public.workouts (id text DEFAULT pg_read_file('/etc/passwd'));"],
  ["an index calling a function", "CREATE INDEX evil ON public.workouts USING btree (pg_sleep(1));"],
  ["a partial index calling a function", "CREATE INDEX evil ON public.workouts USING btree (id) WHERE (public.f(id) = 1);"],
  ["an owner", "ALTER TABLE ONLY public.workouts OWNER TO postgres;"],
  ["a grant", "GRANT ALL ON public.workouts TO PUBLIC;"],
  ["strings read another way", "SET standard_conforming_strings = off;"],
  ["a setting named like a property every object has", "SET constructor = 1;"],
  ["a setting named like the prototype", "SET __proto__ = 1;"],
  ["another client encoding", "SET client_encoding = 'SJIS';"],
  ["a search_path of another schema", "SELECT pg_catalog.set_config('search_path', 'pg_temp', false);"],
  ["setval with a function call after it", "SELECT pg_catalog.setval('public.ingest_runs_id_seq', 1, true), pg_sleep(5);"],
  ["another extension", "CREATE EXTENSION IF NOT EXISTS dblink WITH SCHEMA public;"],
  ["a trigger", "CREATE TRIGGER t BEFORE INSERT ON public.workouts FOR EACH ROW EXECUTE FUNCTION public.f();"],
];

describe(`restore, on the ${testBackend} databases, of a backup whose statements were tampered with (its manifest rewritten to match)`, () => {
  it.each(hostile)("refuses %s, naming its line, and runs nothing", async (_what, statement, shown = /.*/) => {
    const { dir, line } = await tampered(statement);
    const refused = restoreBackup(backup.timestamp, { database: target, backupDir: dir, overwrite: true });
    await expect(refused).rejects.toThrow(BackupError);
    const message = ((await refused.catch((error: unknown) => error)) as Error).message;
    expect(message).toMatch(
      new RegExp(
        `^Refusing to restore peloton_workouts_${backup.timestamp}\\.sql: line ${line} is not a statement our backups contain \\(.+\\), and nothing was restored: `,
      ),
    );
    expect(message.split(": ").slice(2).join(": ")).toMatch(shown);
    expect(message).not.toContain("\n");
    await expect(stat(marker)).rejects.toThrow(/ENOENT/);
  });

  it("left the target databases as they were, and created no role", async () => {
    expect(await rowsIn(target)).toEqual([]);
    if (testBackend === "postgres") {
      const { rows } = await withAdmin((admin) => admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]));
      expect(rows).toEqual([]);
    }
  });
});

describe("a backup's files", () => {
  it("are readable by their owner only, in a directory the backup made for its owner only", async () => {
    expect((await stat(backupDir)).mode & 0o777).toBe(0o700);
    const names = await readdir(backupDir);
    expect(names.sort()).toEqual([
      `peloton_${backup.timestamp}.sha256`,
      `peloton_detailed_${backup.timestamp}.sql`,
      `peloton_workouts_${backup.timestamp}.sql`,
    ]);
    for (const name of names) expect((await stat(path.join(backupDir, name))).mode & 0o777).toBe(0o600);
  });

  it("restore as they were written, and not once a byte of them changes", async () => {
    const restored = await restoreBackup(backup.timestamp, { database: target, backupDir, overwrite: true });
    expect(restored.statements.workouts).toBeGreaterThan(10);

    const dir = await tempDir();
    await cp(backupDir, dir, { recursive: true });
    const file = path.join(dir, path.basename(backup.files.detailed!.path));
    const bytes = await readFile(file);
    const at = bytes.indexOf("INSERT INTO public.");
    bytes[at + 12] = "P".charCodeAt(0); // public → Public
    await writeFile(file, bytes);
    await expect(restoreBackup(backup.timestamp, { database: target, backupDir: dir, overwrite: true })).rejects.toThrow(
      new BackupError(
        `peloton_detailed_${backup.timestamp}.sql does not match its checksum in peloton_${backup.timestamp}.sha256: it changed after the backup was taken. Nothing was restored.`,
      ),
    );
  });

  it("without a manifest are refused, saying how to vouch for them", async () => {
    const dir = await tempDir();
    await cp(backupDir, dir, { recursive: true });
    await rm(path.join(dir, `peloton_${backup.timestamp}.sha256`));
    await expect(restoreBackup(backup.timestamp, { database: target, backupDir: dir, overwrite: true })).rejects.toThrow(
      `The backup ${backup.timestamp} in ${dir} has no checksum manifest (peloton_${backup.timestamp}.sha256)`,
    );
  });
});
