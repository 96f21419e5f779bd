import { execFile } from "node:child_process";
import { chmod, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { PGlite } from "@electric-sql/pglite";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import { type DatabaseConfig, redactSecrets } from "../config";
import { type DatabaseName, databaseNames, openSqlSessions, type SqlSessions } from "../db";
import { type Logger, silentLogger } from "../log";
import { type Backup, BackupError, backupFileName, backupTimestamp, findBackup, manifestFileName, partialSuffix } from "./files";
import { writeManifest } from "./manifest";

export interface BackupOptions {
  database: DatabaseConfig;
  backupDir: string;
  logger?: Logger;
  /** the pg_dump program for PostgreSQL (default: pg_dump on PATH) */
  pgDumpPath?: string;
}

// Plain SQL that any role can restore, rows as multi-row INSERTs: restoring needs neither psql nor COPY.
const dumpArguments = ["--no-owner", "--no-privileges", "--encoding=UTF8", "--inserts", "--rows-per-insert=100"];

type DumpDatabase = (database: DatabaseName, file: string) => Promise<void>;

/**
 * Dumps both databases into `backupDir` as peloton_<database>_<timestamp>.sql, sharing one timestamp,
 * with their checksums in peloton_<timestamp>.sha256. The files are readable by their owner only (the
 * directory too, when this creates it). Each file is written under a temporary name and renamed when
 * complete; if either dump fails, no file is left.
 */
export async function backupDatabases({ database, backupDir, logger = silentLogger, pgDumpPath = "pg_dump" }: BackupOptions): Promise<Backup> {
  const timestamp = backupTimestamp(new Date());
  const files = databaseNames.map((name) => path.join(backupDir, backupFileName(name, timestamp)));
  await mkdir(backupDir, { recursive: true, mode: 0o700 });
  for (const file of [...files, path.join(backupDir, manifestFileName(timestamp))]) {
    if (await stat(file).catch(() => null)) throw new BackupError(`${file} already exists: a backup was taken this second. Try again.`);
  }
  const sessions = await openSqlSessions(database);
  const written: string[] = [];
  try {
    const dump = database.kind === "postgres" ? await dumpPostgres(database, sessions, pgDumpPath) : dumpEmbedded(sessions.pglite!);
    for (const [index, name] of databaseNames.entries()) {
      const file = files[index]!;
      const partial = file + partialSuffix;
      try {
        // created here, for the owner only, before the dump fills it (pg_dump would make it readable by all)
        await writeFile(partial, "", { mode: 0o600 });
        await dump(name, partial);
        await chmod(partial, 0o600);
        await rename(partial, file);
      } finally {
        await rm(partial, { force: true });
      }
      written.push(file);
      logger.info({ database: name, file }, "backed up database");
    }
    written.push(await writeManifest(backupDir, timestamp, files));
  } catch (error) {
    await Promise.all(written.map((file) => rm(file, { force: true })));
    throw error;
  } finally {
    await sessions.close();
  }
  return findBackup(backupDir, timestamp);
}

/** PGlite's own pg_dump, compiled to WebAssembly, talking to the instance in this process. */
function dumpEmbedded(instances: Record<DatabaseName, PGlite>): DumpDatabase {
  return async (name, file) => {
    const dump = await pgDump({ pg: instances[name], args: dumpArguments });
    await writeFile(file, await dump.text(), { mode: 0o600 });
  };
}

/** The pg_dump on PATH, once it is known to be as new as each server (an older one refuses, or leaves things out). */
async function dumpPostgres(config: Extract<DatabaseConfig, { kind: "postgres" }>, sessions: SqlSessions, pgDumpPath: string): Promise<DumpDatabase> {
  const servers = await Promise.all(databaseNames.map((name) => serverVersion(sessions[name])));
  const newest = Math.max(...servers.map((server) => server.major));
  const version = await pgDumpVersion(pgDumpPath, newest);
  for (const [index, name] of databaseNames.entries()) {
    const server = servers[index]!;
    if (majorOf(version) < server.major) {
      throw new BackupError(
        `${pgDumpPath} is version ${version}, older than the ${name} database's server (PostgreSQL ${server.version}): pg_dump must be ` +
          `the server's major version or newer. Install postgresql-client-${server.major} (Debian and Ubuntu; apt.postgresql.org has every ` +
          `version) and put its pg_dump first on PATH (e.g. /usr/lib/postgresql/${server.major}/bin).`,
      );
    }
  }
  const urls = { workouts: config.workoutsUrl, detailed: config.detailedUrl };
  return async (name, file) => {
    // the password goes in the environment, not on a command line other users can read
    const url = new URL(urls[name]);
    const password = url.searchParams.get("password") ?? decodeURIComponent(url.password);
    url.password = "";
    url.searchParams.delete("password");
    try {
      await run(pgDumpPath, [...dumpArguments, `--file=${file}`, `--dbname=${url}`], password ? { PGPASSWORD: password } : {});
    } catch (error) {
      const { stderr, message } = error as { stderr?: string; message: string };
      throw new BackupError(`pg_dump failed on the ${name} database: ${redactSecrets((stderr || message).trim())}`);
    }
  };
}

const execFileAsync = promisify(execFile);
const run = (program: string, args: string[], env: Record<string, string> = {}) =>
  execFileAsync(program, args, { env: { ...process.env, ...env }, encoding: "utf8" });

const majorOf = (version: string) => Number.parseInt(version, 10);

async function serverVersion(session: SqlSessions[DatabaseName]) {
  const [row] = await session.query<{ version: string }>("SELECT current_setting('server_version') AS version");
  const version = row!.version.split(" ")[0]!;
  return { version, major: majorOf(version) };
}

/** "15.20 (Debian 15.20-0+deb12u1)" from `pg_dump --version`; a BackupError naming the package to install if there is none. */
async function pgDumpVersion(pgDumpPath: string, serverMajor: number): Promise<string> {
  try {
    const { stdout } = await run(pgDumpPath, ["--version"]);
    const version = /^pg_dump \(PostgreSQL\) (\d.*)$/m.exec(stdout)?.[1];
    if (!version) throw new BackupError(`${pgDumpPath} does not look like pg_dump: \`${pgDumpPath} --version\` printed "${stdout.trim()}".`);
    return version.trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new BackupError(
      `Backing up PostgreSQL needs pg_dump, and ${pgDumpPath} was not found${pgDumpPath.includes("/") ? "" : " on PATH"}. Install ` +
        `PostgreSQL's client programs, version ${serverMajor} or newer: on Debian and Ubuntu, \`sudo apt-get install postgresql-client\` ` +
        `(or postgresql-client-${serverMajor} from apt.postgresql.org).`,
    );
  }
}
