import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { databaseNames, migrationsDir } from "../../src/db";
import { applyMigrations, type Migration, MigrationError, readMigrations } from "../../src/db/migrate";
import { silentLogger } from "../../src/log";
import { type EmptyDatabase, openEmptyDatabase } from "../support/empty-database";

const migration = (name: string, sql: string): Migration => ({
  name,
  sql,
  checksum: createHash("sha256").update(sql).digest("hex"),
});
const options = { database: "workouts", logger: silentLogger };

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  logs: string | null;
  applied_steps_count: number;
}

let db: EmptyDatabase;
const history = () => db.session.query<HistoryRow>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
const tableExists = async (name: string) =>
  (await db.session.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [name]))[0]?.found === name;

beforeAll(async () => {
  db = await openEmptyDatabase();
});
afterAll(() => db.close());
afterEach(() => db.wipe());

describe.each(databaseNames)("the %s migrations", (name) => {
  it("are applied once, recorded as Prisma Migrate records them, and a second start applies nothing", async () => {
    const migrations = await readMigrations(migrationsDir(name));
    expect(migrations.length).toBeGreaterThan(0);

    const applied = await applyMigrations(db.session, migrations, { database: name, logger: silentLogger });
    expect(applied).toEqual(migrations.map((m) => m.name));

    const rows = await history();
    expect(rows).toHaveLength(migrations.length);
    for (const [i, row] of rows.entries()) {
      const sql = await readFile(path.join(migrationsDir(name), migrations[i]!.name, "migration.sql"));
      expect(row).toMatchObject({
        migration_name: migrations[i]!.name,
        checksum: createHash("sha256").update(sql).digest("hex"),
        applied_steps_count: 1,
        logs: null,
        rolled_back_at: null,
      });
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
    }

    expect(await applyMigrations(db.session, migrations, { database: name, logger: silentLogger })).toEqual([]);
    expect(await history()).toEqual(rows);
  });
});

describe("a failing migration", () => {
  const good = migration("20260101000000_good", `CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);`);
  const bad = migration("20260102000000_bad", `CREATE TABLE "b" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "no_such_table" VALUES (1);`);

  it("is reported, rolled back whole, and blocks later starts until resolved", async () => {
    await expect(applyMigrations(db.session, [good, bad], options)).rejects.toThrow(
      /Migration 20260102000000_bad failed on the workouts database and was rolled back: .*no_such_table/,
    );
    expect(await tableExists("a")).toBe(true);
    expect(await tableExists("b")).toBe(false); // its first statement did not survive

    const failed = (await history()).find((row) => row.migration_name === bad.name)!;
    expect(failed.finished_at).toBeNull();
    expect(failed.logs).toMatch(/no_such_table/);

    // a fixed migration is not applied over a failed record: someone must look first
    const fixed = migration(bad.name, `CREATE TABLE "b" ("id" INTEGER PRIMARY KEY);`);
    const refusal = applyMigrations(db.session, [good, fixed], options);
    await expect(refusal).rejects.toThrow(MigrationError);
    await expect(refusal).rejects.toThrow(/failed migration, 20260102000000_bad:\n.*no_such_table[\s\S]*--rolled-back 20260102000000_bad/);

    await db.session.exec(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE finished_at IS NULL`);
    expect(await applyMigrations(db.session, [good, fixed], options)).toEqual([fixed.name]);
    expect(await tableExists("b")).toBe(true);
  });

  it("interrupted before it could record anything is applied again on the next start", async () => {
    await applyMigrations(db.session, [good], options);
    // what a process killed mid-migration leaves: a started row, no logs, and (the transaction
    // having died with it) none of the script's effects
    await db.session.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES (gen_random_uuid(), $1, $2)`, [
      bad.checksum,
      "20260102000000_next",
    ]);
    const next = migration("20260102000000_next", `CREATE TABLE "c" ("id" INTEGER PRIMARY KEY);`);
    expect(await applyMigrations(db.session, [good, next], options)).toEqual([next.name]);
    expect(await tableExists("c")).toBe(true);
  });
});

describe("the migration history", () => {
  const first = migration("20260101000000_first", `CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);`);

  it("refuses a migration edited after it was applied", async () => {
    await applyMigrations(db.session, [first], options);
    const edited = migration(first.name, `CREATE TABLE "a" ("id" BIGINT PRIMARY KEY);`);
    await expect(applyMigrations(db.session, [edited], options)).rejects.toThrow(
      /Migration 20260101000000_first was edited after it was applied to the workouts database/,
    );
  });

  it("refuses a database migrated by a newer version", async () => {
    const newer = migration("20260201000000_newer", `CREATE TABLE "n" ("id" INTEGER PRIMARY KEY);`);
    await applyMigrations(db.session, [first, newer], options);
    await expect(applyMigrations(db.session, [first], options)).rejects.toThrow(/has migrations this version does not know \(20260201000000_newer\)/);
  });
});
