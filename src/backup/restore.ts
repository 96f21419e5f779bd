import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DatabaseConfig } from "../config";
import { type DatabaseName, databaseNames, migrationsDir, openSqlSessions } from "../db";
import type { SqlSession } from "../db/sql";
import { type Logger, silentLogger } from "../log";
import { checkStatement, newScriptState, ourSchema, Refusal } from "./allowed-statements";
import { type Backup, BackupError, findBackup } from "./files";
import { verifyManifest } from "./manifest";
import { splitSqlScript } from "./sql-script";

export interface RestoreOptions {
  database: DatabaseConfig;
  backupDir: string;
  logger?: Logger;
  /** replace databases that hold rows (`--yes`); without it, such a restore is refused */
  overwrite?: boolean;
}

export interface RestoreResult {
  backup: Backup;
  /** how many of each dump's statements ran */
  statements: Record<DatabaseName, number>;
}

const dumpTrailer = "-- PostgreSQL database dump complete";

// Schema public emptied, and made again as PostgreSQL 15 and later create it (the dumps leave it out).
// Strings are read as the statements were checked, whatever the server's default.
const emptySchema = `SET LOCAL client_min_messages = warning;
  SET LOCAL standard_conforming_strings = on;
  DROP SCHEMA public CASCADE;
  CREATE SCHEMA public AUTHORIZATION pg_database_owner;
  COMMENT ON SCHEMA public IS 'standard public schema';
  GRANT USAGE ON SCHEMA public TO PUBLIC;`;

/**
 * Replaces both databases with the backup taken at `timestamp`, on either backend: each database is
 * emptied (schema public dropped and created again) and its dump's statements run, in one transaction
 * per database, committed once both dumps have run. A restore that fails changes nothing. Before
 * anything runs, the dumps must match the backup's manifest and every statement must be one our
 * backups contain (see allowed-statements.ts); otherwise nothing runs at all.
 */
export async function restoreBackup(
  timestamp: string,
  { database, backupDir, logger = silentLogger, overwrite = false }: RestoreOptions,
): Promise<RestoreResult> {
  const backup = await findBackup(backupDir, timestamp);
  const scripts = await readScripts(backup, backupDir);
  const sessions = await openSqlSessions(database);
  try {
    if (!overwrite) await refuseToReplaceRows(sessions, timestamp);
    const statements = { workouts: 0, detailed: 0 };
    await Promise.all(databaseNames.map((name) => sessions[name].exec("BEGIN")));
    try {
      for (const name of databaseNames) {
        await sessions[name].exec(emptySchema);
        statements[name] = await runScript(sessions[name], scripts[name], backup.files[name]!.path, logger);
      }
      for (const name of databaseNames) await sessions[name].exec("COMMIT");
    } catch (error) {
      await Promise.all(databaseNames.map((name) => sessions[name].exec("ROLLBACK").catch(() => undefined)));
      throw error;
    }
    logger.info({ timestamp, statements }, "restored backup");
    return { backup, statements };
  } finally {
    await sessions.close();
  }
}

/** Each dump's text, once the files match the manifest and every statement is one our backups contain. */
async function readScripts(backup: Backup, backupDir: string): Promise<Record<DatabaseName, string>> {
  const dumps = await Promise.all(
    databaseNames.map(async (name) => ({ name, path: backup.files[name]!.path, bytes: await readFile(backup.files[name]!.path) })),
  );
  await verifyManifest(backupDir, backup.timestamp, dumps);
  const scripts = { workouts: "", detailed: "" };
  for (const { name, path: file, bytes } of dumps) {
    let script: string;
    try {
      script = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new BackupError(`${file} is not UTF-8 text, as our backups are. Nothing was restored.`);
    }
    if (!script.slice(-500).includes(`\n${dumpTrailer}\n`)) {
      throw new BackupError(`${file} lacks pg_dump's closing "${dumpTrailer}" line: it was cut short, or it is not a backup. Nothing was restored.`);
    }
    const state = newScriptState(await ourSchema(migrationsDir(name)));
    for (const statement of splitSqlScript(script)) {
      try {
        checkStatement(statement, state);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        throw new BackupError(
          `Refusing to restore ${path.basename(file)}: line ${statement.line} is not a statement our backups contain (${error.message}), and nothing was restored: ${excerpt(statement.sql)}`,
        );
      }
    }
    scripts[name] = script;
  }
  return scripts;
}

async function refuseToReplaceRows(sessions: Record<DatabaseName, SqlSession>, timestamp: string) {
  const contents: string[] = [];
  for (const name of databaseNames) {
    const tables = await tablesWithRows(sessions[name]);
    if (tables.length > 0)
      contents.push(`the ${name} database has ${tables.map(({ table, rows }) => `${rows} ${rows === 1 ? "row" : "rows"} in ${table}`).join(", ")}`);
  }
  if (contents.length > 0) {
    throw new BackupError(
      `Not restoring: ${contents.join("; ")}. Restoring the backup ${timestamp} replaces both databases whole, and all of that would be lost. ` +
        `To go ahead: npm run restore -- ${timestamp} --yes`,
    );
  }
}

/** The tables of schema public that hold rows, but the migration history. */
async function tablesWithRows(session: SqlSession): Promise<{ table: string; rows: number }[]> {
  const counts = await session.query<{ sql: string }>(
    `SELECT format('SELECT %L AS "table", count(*)::int AS rows FROM public.%I', tablename, tablename) AS sql
       FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (counts.length === 0) return [];
  const tables = await session.query<{ table: string; rows: number }>(counts.map((row) => row.sql).join(" UNION ALL "));
  return tables.filter((table) => table.rows > 0).sort((a, b) => a.table.localeCompare(b.table));
}

/**
 * Runs a pg_dump script statement by statement, so that a failure names its line. What psql would do
 * that a server cannot is skipped: pg_dump's \restrict and \unrestrict lines, and SET of a parameter
 * this server lacks (a newer pg_dump writes `SET transaction_timeout = 0;`, unknown before PostgreSQL 17).
 */
async function runScript(session: SqlSession, script: string, file: string, logger: Logger): Promise<number> {
  const settings = new Set((await session.query<{ name: string }>("SELECT name FROM pg_settings")).map((row) => row.name));
  let count = 0;
  for (const statement of splitSqlScript(script)) {
    const where = `${path.basename(file)}, line ${statement.line}`;
    if (statement.metaCommand) continue; // only \restrict and \unrestrict pass the check: psql's, nothing for a server
    const parameter = /^SET\s+(?:SESSION\s+)?(\w+)\s*(?:=|TO\s)/i.exec(statement.sql)?.[1]?.toLowerCase();
    if (parameter && !settings.has(parameter)) {
      logger.info({ file, line: statement.line, parameter }, "skipped a setting this server does not have");
      continue;
    }
    try {
      await session.exec(statement.sql);
    } catch (error) {
      throw new BackupError(`Restoring failed at ${where}, and nothing was restored: ${(error as Error).message}\n  ${excerpt(statement.sql)}`);
    }
    count++;
  }
  return count;
}

const excerpt = (sql: string) => {
  const line = sql.replace(/\s+/g, " ");
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
};
