import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../log";
import { isPermissionDenied } from "./errors";
import type { SqlSession } from "./sql";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * A database that holds tables the catalogue would create but has no migration history: someone else's
 * (the original scripts', most likely), which migrating would fail on or write beside. Nothing was written.
 */
export class ForeignTablesError extends MigrationError {
  override name = "ForeignTablesError";
  constructor(
    message: string,
    readonly database: string,
    readonly tables: string[],
  ) {
    super(message);
  }
}

// The key Prisma Migrate locks with, so that our runner and `prisma migrate deploy` never overlap.
const PRISMA_ADVISORY_LOCK = 72707369;

/** Reads a Prisma migrations folder: one `<timestamp>_<name>/migration.sql` per migration, in name order. */
export async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

interface AppliedRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

/**
 * Applies the pending migrations, each in its own transaction, and records them in `_prisma_migrations`
 * exactly as Prisma Migrate does, so that `prisma migrate status` agrees. Returns the names applied.
 */
export async function applyMigrations(
  session: SqlSession,
  migrations: Migration[],
  { database, logger }: { database: string; logger: Logger },
): Promise<string[]> {
  try {
    return await migrate(session, migrations, { database, logger });
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
    throw await permissionError(session, database, error);
  }
}

async function migrate(session: SqlSession, migrations: Migration[], { database, logger }: { database: string; logger: Logger }): Promise<string[]> {
  await session.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
  try {
    await session.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const rows = await session.query<AppliedRow>(
      `SELECT id, migration_name, checksum, finished_at, rolled_back_at, logs
         FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const pending = await checkHistory(session, migrations, rows, database);
    for (const migration of pending) {
      await applyOne(session, migration, database);
      logger.info({ database, migration: migration.name }, "applied migration");
    }
    return pending.map((migration) => migration.name);
  } finally {
    await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
  }
}

async function checkHistory(session: SqlSession, migrations: Migration[], rows: AppliedRow[], database: string) {
  for (const row of rows.filter((r) => r.finished_at === null)) {
    if (row.logs === null) {
      // Interrupted (killed) while applying: our scripts run in a transaction, so nothing of it
      // was kept; mark it rolled back and apply it again.
      await session.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [row.id]);
      continue;
    }
    throw new MigrationError(
      `The ${database} database has a failed migration, ${row.migration_name}:\n${row.logs}\n` +
        `Nothing of it was applied. Fix the cause, then mark it rolled back with ` +
        `\`npx prisma migrate resolve --rolled-back ${row.migration_name} --config prisma/${database}/prisma.config.ts\` ` +
        `(or UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${row.migration_name}' AND finished_at IS NULL) and start again.`,
    );
  }
  const applied = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]));
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new MigrationError(
      `The ${database} database has migrations this version does not know (${unknown.join(", ")}): ` +
        `it was migrated by a newer version of peloton-music-catalogue. Upgrade, or point the app at another database.`,
    );
  }
  for (const migration of migrations) {
    const row = applied.get(migration.name);
    if (row && row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was edited after it was applied to the ${database} database. ` +
          `Restore prisma/${database}/migrations/${migration.name}/migration.sql; changes belong in a new migration.`,
      );
    }
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

async function applyOne(session: SqlSession, migration: Migration, database: string) {
  const id = randomUUID();
  await session.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await session.exec("BEGIN");
    await session.exec(migration.sql);
    await session.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await session.exec("COMMIT");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // If the connection is gone this cannot be recorded; the row then reads as interrupted, is
    // retried at the next start, and the database has rolled the transaction back by itself.
    // A privilege the role lacks is fixed outside the migration: it is not recorded as failed (which
    // would ask for `migrate resolve` first), only forgotten, and applied again once the role may.
    await session
      .exec("ROLLBACK")
      .then(() =>
        isPermissionDenied(error)
          ? session.query(`DELETE FROM "_prisma_migrations" WHERE id = $1`, [id])
          : session.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]),
      )
      .catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed on the ${database} database and was rolled back: ${message}`, { cause: error });
  }
}

/**
 * The database exists but the role may not make the catalogue's tables in it (a database another role
 * owns, made with a plain `createdb`): which role, which database, and how to let it. Owning the database
 * is the one fix that covers every step: creating in schema public, and the pg_trgm extension (which
 * needs CREATE on the database itself).
 */
async function permissionError(session: SqlSession, database: string, error: unknown): Promise<MigrationError> {
  const [who] = await session
    .query<{ role: string; name: string }>("SELECT current_user AS role, current_database() AS name")
    .catch(() => [] as { role: string; name: string }[]);
  const role = who?.role ?? "this role";
  const name = who?.name ?? `the ${database} database`;
  const cause = error instanceof Error ? error.message : String(error);
  return new MigrationError(
    `The role ${role} may not create the catalogue's tables in the ${database} database ${name} (${cause}). ` +
      `Give the role its databases, as a superuser or their owner: \`ALTER DATABASE "${name}" OWNER TO "${role}"\` ` +
      `(and the same for the other catalogue database if another role owns it too); then run the command again.`,
    { cause: error },
  );
}

// CREATE TABLE [IF NOT EXISTS] [public.]name, the name quoted (as Prisma writes it) or not (folded to lower case)
const createTable = /\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:(?:"public"|public)\s*\.\s*)?(?:"((?:[^"]|"")+)"|([A-Za-z_][\w$]*))/gi;

/** The tables that migrations create, read from their CREATE TABLE statements, each once. */
export function tablesCreatedBy(migrations: Migration[]): string[] {
  const names = migrations.flatMap(({ sql }) =>
    [...sql.matchAll(createTable)].map(([, quoted, bare]) => (quoted === undefined ? bare!.toLowerCase() : quoted.replaceAll('""', '"'))),
  );
  return [...new Set(names)];
}

/**
 * Of `tables`, those a database holds in schema public while it has no migration history
 * (`_prisma_migrations`): tables someone else made. Empty for a database the catalogue migrated, and
 * for a new one. The runner makes `_prisma_migrations` before any table of ours, so a catalogue being
 * migrated by another process at this moment never reads as someone else's.
 */
export async function foreignTables(session: SqlSession, tables: string[]): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname = ANY($1::text[])
        AND to_regclass('public._prisma_migrations') IS NULL
      ORDER BY c.relname`,
    [tables],
  );
  return rows.map((row) => row.name);
}
