import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { startCli } from "../../harness/commands";
import { adminUrl, databaseUrl, dropPostgresPair, postgresPair, scratchDatabases, scratchName, testBackend, withAdmin } from "../../harness/databases";
import { loadConfig } from "../../src/config";
import { DatabaseConnectionError, foreignTablesIn, openDatabases, openSqlSessions } from "../../src/db";
import { ForeignTablesError, MigrationError } from "../../src/db/migrate";
import { createLogger } from "../../src/log";
import { useCleanups } from "../support/cleanups";

// The original scripts' users configure the catalogue with DB_USER, DB_HOST, DB_PASSWORD and DB_PORT:
// its databases are created on that server when missing, and a database holding their tables is
// refused, untouched.

const onPostgres = testBackend === "postgres" ? describe : describe.skip;
const { cleanups, tempDir } = useCleanups("pmc-db-settings-");

const server = new URL(adminUrl);
const host = server.hostname;
const port = server.port || "5432";
const superuser = decodeURIComponent(server.username) || "postgres";
const socketDir = "/var/run/postgresql";
/** A password the test server (trust authentication) ignores, with every character a URL must encode. */
const password = "hunter2-@:/%#?&";

/** The environment of the original scripts' `.env`, naming the pair `<name>_workouts` and `<name>_detailed`. */
const dbEnv = (name: string, user = superuser): Record<string, string> => ({
  DB_USER: user,
  DB_HOST: host,
  DB_PASSWORD: password,
  DB_PORT: port,
  DB_WORKOUTS_NAME: `${name}_workouts`,
  DB_DETAILED_NAME: `${name}_detailed`,
});

/** A pair's names that do not exist yet, dropped after the test. */
function scratchPair(): string {
  const name = scratchName();
  cleanups.push(() => dropPostgresPair(name));
  return name;
}

const existing = (name: string) =>
  withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname", [`${name}\\_%`]);
    return rows.map((row) => row.datname);
  });

/** A logger whose lines the test reads. */
function recordingLogger() {
  const lines: { msg: string; [key: string]: unknown }[] = [];
  const logger = createLogger("info", { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** Runs `sql` in database `database` of the test server. */
const inDatabase = <T>(database: string, fn: Parameters<typeof withAdmin<T>>[0]) => withAdmin(fn, databaseUrl(database));

// the original scripts' own DDL (peloton-node's saveWorkouts.js and db.js)
const legacyWorkouts = `CREATE TABLE workouts (id TEXT PRIMARY KEY, title TEXT, instructor_name TEXT, created_at TIMESTAMP, difficulty NUMERIC,
  length INTEGER, processed BOOLEAN DEFAULT false, processed_at TIMESTAMP);
  INSERT INTO workouts (id, title, instructor_name, created_at, difficulty, length) VALUES
    ('a1', '20 min Pop Ride', 'Jordan Vale', '2024-01-02 10:00', 7.5, 1200),
    ('b2', '30 min Rock Ride', 'Sam Reyes', '2024-01-03 11:00', 8.1, 1800)`;
const legacyDetailed = `CREATE TABLE instructors (id TEXT PRIMARY KEY, name TEXT, image_url TEXT);
  CREATE TABLE detailed_workouts (id TEXT PRIMARY KEY, title TEXT, instructor_id TEXT, duration INTEGER, scheduled_time TIMESTAMP,
    difficulty_rating_avg NUMERIC, description TEXT, fitness_discipline TEXT, image_url TEXT, full_details JSONB);
  CREATE TABLE songs (id SERIAL PRIMARY KEY, workout_id TEXT, title TEXT, artist_names TEXT, image_url TEXT, playlist_order INTEGER);
  INSERT INTO instructors VALUES ('i1', 'Jordan Vale', NULL)`;

/** Every row of every table in schema public, and whether the migration history is there: what "untouched" compares. */
const contents = (database: string) =>
  inDatabase(database, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const rows: Record<string, unknown[]> = {};
    for (const { name } of tables) rows[name] = (await client.query(`SELECT * FROM "${name}" ORDER BY 1`)).rows;
    return rows;
  });

onPostgres("the DB_* settings on PostgreSQL", () => {
  it("create both databases when they do not exist, saying so, and then find them there", async () => {
    const name = scratchPair();
    const { database } = loadConfig(dbEnv(name));
    const { logger, lines } = recordingLogger();
    const databases = await openDatabases(database, { logger });
    await databases.detailed.instructor.create({ data: { id: "i1", name: "Jordan Vale" } });
    await databases.close();

    expect(await existing(name)).toEqual([`${name}_detailed`, `${name}_workouts`]);
    const created = lines.filter((line) => line.msg.startsWith("created the"));
    expect(created).toEqual([
      expect.objectContaining({
        level: 30,
        msg: `created the workouts database ${name}_workouts, which did not exist`,
        server: `postgresql://${superuser}@${host}:${port}`,
      }),
      expect.objectContaining({ level: 30, msg: `created the detailed database ${name}_detailed, which did not exist` }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("hunter2");

    const again = recordingLogger();
    const reopened = await openDatabases(database, { logger: again.logger });
    expect(await reopened.detailed.instructor.findUnique({ where: { id: "i1" } })).toMatchObject({ name: "Jordan Vale" });
    await reopened.close();
    expect(again.lines.filter((line) => line.msg.startsWith("created the"))).toEqual([]);
  });

  it("create a missing database once when three openings race for it", async () => {
    const name = scratchPair();
    const { database } = loadConfig(dbEnv(name));
    const opened = await Promise.all([openDatabases(database), openDatabases(database), openDatabases(database)]);
    await Promise.all(opened.map((databases) => databases.close()));
    expect(await existing(name)).toEqual([`${name}_detailed`, `${name}_workouts`]);
  });

  // only where the test server has its socket in the usual directory
  (existsSync(`${socketDir}/.s.PGSQL.${port}`) ? it : it.skip)("reach the server through its socket directory when DB_HOST names one", async () => {
    const name = scratchPair();
    const databases = await openDatabases(loadConfig({ ...dbEnv(name), DB_HOST: socketDir }).database);
    await databases.close();
    expect(await existing(name)).toEqual([`${name}_detailed`, `${name}_workouts`]);
  });

  it("say, for a role that may not create databases, which do not exist where and the two ways to make them; and create nothing", async () => {
    const role = `pmc_nocreate_${randomBytes(4).toString("hex")}`;
    const name = scratchName();
    await withAdmin((admin) => admin.query(`CREATE ROLE ${role} LOGIN NOCREATEDB`));
    cleanups.push(async () => {
      await dropPostgresPair(name);
      await withAdmin((admin) => admin.query(`DROP ROLE IF EXISTS ${role}`));
    });
    const { database } = loadConfig(dbEnv(name, role));

    const error = await openDatabases(database).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseConnectionError);
    expect((error as Error).message).toBe(
      `The workouts database ${name}_workouts and the detailed database ${name}_detailed do not exist on postgresql://${role}@${host}:${port}, ` +
        `and the role ${role} may not create databases. Create them as a superuser with ` +
        `\`createdb -O ${role} ${name}_workouts && createdb -O ${role} ${name}_detailed\`, or let the role create databases with ` +
        `\`ALTER ROLE ${role} CREATEDB\`; then run the command again.`,
    );
    expect(await existing(name)).toEqual([]);

    // the second fix the message gives works
    await withAdmin((admin) => admin.query(`ALTER ROLE ${role} CREATEDB`));
    const databases = await openDatabases(database);
    expect(await databases.workouts.workout.count()).toBe(0);
    await databases.close();
    const owners = await withAdmin(
      async (admin) =>
        (
          await admin.query<{ owner: string }>("SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname IN ($1, $2)", [
            `${name}_workouts`,
            `${name}_detailed`,
          ])
        ).rows,
    );
    expect(owners).toEqual([{ owner: role }, { owner: role }]);
  });

  it("say, for databases another role owns where this one may not create tables, which role, which database and the fix; then migrate after it", async () => {
    const role = `pmc_noschema_${randomBytes(4).toString("hex")}`;
    const name = scratchPair();
    await withAdmin(async (admin) => {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      // as a DBA's plain createdb makes them: owned by the superuser, schema public closed to others (PostgreSQL 15+)
      await admin.query(`CREATE DATABASE "${name}_workouts"`);
      await admin.query(`CREATE DATABASE "${name}_detailed"`);
    });
    cleanups.push(async () => {
      await dropPostgresPair(name);
      await withAdmin((admin) => admin.query(`DROP ROLE IF EXISTS ${role}`));
    });
    await inDatabase(`${name}_workouts`, (client) => client.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC"));
    const { database } = loadConfig(dbEnv(name, role));

    const error = await openDatabases(database).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationError); // printed without a stack trace
    expect((error as Error).message).toBe(
      `The role ${role} may not create the catalogue's tables in the workouts database ${name}_workouts (permission denied for schema public). ` +
        `Give the role its databases, as a superuser or their owner: \`ALTER DATABASE "${name}_workouts" OWNER TO "${role}"\` ` +
        "(and the same for the other catalogue database if another role owns it too); then run the command again.",
    );

    // half a fix: creating in schema public, not the extension (CREATE on the database); the migration it stops at is not left failed
    for (const suffix of ["workouts", "detailed"]) {
      await inDatabase(`${name}_${suffix}`, (client) => client.query(`GRANT CREATE ON SCHEMA public TO "${role}"`));
    }
    const second = await openDatabases(database).catch((caught: unknown) => caught);
    expect(second).toBeInstanceOf(MigrationError);
    expect((second as Error).message).toContain(`The role ${role} may not create the catalogue's tables in the detailed database ${name}_detailed (`);
    expect((second as Error).message).toContain("permission denied to create extension");

    // the fix the message gives works, for each database in turn
    for (const suffix of ["workouts", "detailed"]) {
      await withAdmin((admin) => admin.query(`ALTER DATABASE "${name}_${suffix}" OWNER TO "${role}"`));
    }
    const databases = await openDatabases(database);
    expect(await databases.detailed.song.count()).toBe(0);
    await databases.close();
  });

  it("refuse a database holding the original scripts' workouts table, before writing anything anywhere", async () => {
    const name = scratchPair();
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}_workouts"`));
    await inDatabase(`${name}_workouts`, (client) => client.query(legacyWorkouts));
    const before = await contents(`${name}_workouts`);

    const error = await openDatabases(loadConfig(dbEnv(name)).database).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForeignTablesError);
    expect(error).toBeInstanceOf(MigrationError); // printed without a stack trace
    expect((error as Error).message).toBe(
      `The workouts database ${name}_workouts at postgresql://${superuser}@${host}:${port} already holds tables the catalogue did not make (workouts): ` +
        "the original scripts' tables, it seems. The catalogue never writes over them. Bring their classes in with `npm run import-legacy` " +
        "(it reads them, leaves them as they are, and gives the catalogue databases of its own), or name other databases with DB_WORKOUTS_NAME and DB_DETAILED_NAME.",
    );
    expect(await contents(`${name}_workouts`)).toEqual(before);
    expect(Object.keys(before)).toEqual(["workouts"]); // no _prisma_migrations
    expect(await existing(name)).toEqual([`${name}_workouts`]); // the missing detailed database was not created either
  });

  it("refuse, with URL settings too, the original scripts' detailed database, leaving the other one unmigrated", async () => {
    const name = scratchPair();
    await withAdmin(async (admin) => {
      await admin.query(`CREATE DATABASE "${name}_workouts"`);
      await admin.query(`CREATE DATABASE "${name}_detailed"`);
    });
    await inDatabase(`${name}_detailed`, (client) => client.query(legacyDetailed));
    const before = await contents(`${name}_detailed`);

    const open = openDatabases(postgresPair(name));
    await expect(open).rejects.toThrow(
      new RegExp(
        `^The detailed database ${name}_detailed at postgresql://${superuser}@${host}:${port} already holds tables the catalogue did not make ` +
          "\\(detailed_workouts, instructors, songs\\): .* or name other databases with WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL\\.$",
      ),
    );
    expect(await contents(`${name}_detailed`)).toEqual(before);
    expect(await contents(`${name}_workouts`)).toEqual({}); // looked at first, migrated never
  });

  it("refuse backups and restores of such a database too: a restore empties a database whole", async () => {
    const name = scratchPair();
    await withAdmin(async (admin) => {
      await admin.query(`CREATE DATABASE "${name}_workouts"`);
      await admin.query(`CREATE DATABASE "${name}_detailed"`);
    });
    await inDatabase(`${name}_workouts`, (client) => client.query(legacyWorkouts));
    await expect(openSqlSessions(loadConfig(dbEnv(name)).database)).rejects.toThrow(ForeignTablesError);
  });

  it("foreignTablesIn answers, for a pg connection or a session, which tables are someone else's", async () => {
    const name = scratchPair();
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}_workouts"`));
    expect(await inDatabase(`${name}_workouts`, (client) => foreignTablesIn(client))).toEqual([]);
    await inDatabase(`${name}_workouts`, (client) => client.query(`${legacyWorkouts}; ${legacyDetailed}; CREATE TABLE notes (id TEXT)`));
    expect(await inDatabase(`${name}_workouts`, (client) => foreignTablesIn(client))).toEqual(["detailed_workouts", "instructors", "songs", "workouts"]);

    const ours = await scratchDatabases(); // migrated: its tables are the catalogue's own
    cleanups.push(() => ours.remove());
    const sessions = await openSqlSessions(ours.config);
    try {
      expect(await foreignTablesIn(sessions.workouts)).toEqual([]);
      expect(await foreignTablesIn(sessions.detailed)).toEqual([]);
    } finally {
      await sessions.close();
    }
  });

  it("a command's first line names the server and the databases, never the password", async () => {
    const name = scratchPair();
    const cli = startCli("migrate", [], { ...dbEnv(name), DATA_DIR: await tempDir() });
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    const [first, ...rest] = cli.stderr().trim().split("\n");
    expect(JSON.parse(first!)).toMatchObject({
      level: 30,
      msg: `Catalogue: PostgreSQL at postgresql://${superuser}@${host}:${port}, databases ${name}_workouts and ${name}_detailed`,
    });
    expect(rest.map((line) => JSON.parse(line).msg)).toEqual(expect.arrayContaining([`created the workouts database ${name}_workouts, which did not exist`]));
    expect(cli.stdout()).toBe(
      `Migrated and up to date: PostgreSQL at postgresql://${superuser}@${host}:${port}, databases ${name}_workouts and ${name}_detailed.\n`,
    );
    expect(`${cli.stdout()}${cli.stderr()}`).not.toContain("hunter2");
  });
});

describe("a command's first line", () => {
  it("names the embedded databases' directory", async () => {
    const dataDir = await tempDir();
    const cli = startCli("migrate", [], { DATA_DIR: dataDir });
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    const [first] = cli.stderr().split("\n");
    expect(JSON.parse(first!)).toMatchObject({ level: 30, msg: `Catalogue: the embedded databases in ${dataDir}` });
  });
});
