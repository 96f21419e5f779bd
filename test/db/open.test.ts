import { once } from "node:events";
import { adminUrl, dropPostgresPair, postgresPair, scratchDatabases, scratchName, testBackend, withAdmin, withDatabases } from "../../harness/databases";
import { type StartedProcess, startScript, waitForOutput } from "../../harness/processes";
import { loadConfig } from "../../src/config";
import { DatabaseConnectionError, openDatabases, preparedStatementNames } from "../../src/db";
import { DataDirLockedError } from "../../src/db/lock";

const onEmbedded = testBackend === "embedded" ? describe : describe.skip;
const onPostgres = testBackend === "postgres" ? describe : describe.skip;

describe("openDatabases", () => {
  it("reopens migrated databases without migrating again, data intact", async () => {
    const { config, remove } = await scratchDatabases();
    try {
      const first = await openDatabases(config);
      const history = await first.workouts.$queryRawUnsafe(`SELECT id, finished_at FROM "_prisma_migrations"`);
      await first.detailed.instructor.create({ data: { id: "i1", name: "Jordan Vale" } });
      await first.close();

      const second = await openDatabases(config);
      expect(await second.workouts.$queryRawUnsafe(`SELECT id, finished_at FROM "_prisma_migrations"`)).toEqual(history);
      expect(await second.detailed.instructor.findUnique({ where: { id: "i1" } })).toMatchObject({ name: "Jordan Vale" });
      await second.close();
    } finally {
      await remove();
    }
  });

  it("explains an unreachable PostgreSQL server, naming the variable and hiding the password", async () => {
    const open = openDatabases({
      kind: "postgres",
      workoutsUrl: "postgresql://app:hunter2@127.0.0.1:1/peloton_workouts",
      detailedUrl: "postgresql://app:hunter2@127.0.0.1:1/peloton_detailed",
    });
    await expect(open).rejects.toThrow(DatabaseConnectionError);
    await expect(open).rejects.toThrow(
      /^Cannot connect to the workouts database at postgresql:\/\/app:\*\*\*\*@127\.0\.0\.1:1\/peloton_workouts \(WORKOUTS_DATABASE_URL\): .*ECONNREFUSED.*Is PostgreSQL running there/,
    );
  });

  it("names the DB_* settings, not the URLs, when those configure the databases", async () => {
    const open = openDatabases(loadConfig({ DB_USER: "app", DB_HOST: "127.0.0.1", DB_PASSWORD: "hunter2", DB_PORT: "1" }).database);
    await expect(open).rejects.toThrow(DatabaseConnectionError);
    await expect(open).rejects.toThrow(
      /^Cannot connect to the workouts database at postgresql:\/\/app:\*\*\*\*@127\.0\.0\.1:1\/peloton_workouts \(DB_HOST, DB_PORT, DB_USER, DB_PASSWORD and DB_WORKOUTS_NAME\): .*ECONNREFUSED.*Is PostgreSQL running there, and are DB_HOST and DB_PORT right\?$/,
    );
  });
});

onPostgres("openDatabases on PostgreSQL", () => {
  it("creates the databases that do not exist, then migrates them", async () => {
    const name = scratchName();
    const config = postgresPair(name);
    try {
      await withDatabases(config, async (databases) => expect(await databases.workouts.workout.count()).toBe(0));
      const created = await withAdmin(async (admin) => {
        const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname", [`${name}_%`]);
        return rows.map((row) => row.datname);
      });
      expect(created).toEqual([`${name}_detailed`, `${name}_workouts`]);
    } finally {
      await dropPostgresPair(name);
    }
  });

  it("says which settings to check when the server refuses the login", async () => {
    const open = openDatabases(
      loadConfig({ DB_USER: "pmc_no_such_role", DB_HOST: "127.0.0.1", DB_PASSWORD: "", DB_PORT: new URL(adminUrl).port || "5432" }).database,
    );
    await expect(open).rejects.toThrow(
      /^Cannot connect to the workouts database at postgresql:\/\/pmc_no_such_role@127\.0\.0\.1:\d+\/peloton_workouts \(DB_HOST, DB_PORT, DB_USER, DB_PASSWORD and DB_WORKOUTS_NAME\): .*role "pmc_no_such_role" does not exist\. Check DB_USER and DB_PASSWORD\.$/,
    );
  });
});

onPostgres("statements on PostgreSQL", () => {
  it("are prepared once per connection and reused, under a bounded number of names", async () => {
    const { config, remove } = await scratchDatabases();
    const databases = await openDatabases(config);
    try {
      // every pooled connection the reads land on prepares the statements it runs, by name
      const rows = await Promise.all(
        Array.from({ length: 5 }, () => databases.detailed.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pg_prepared_statements`)),
      );
      for (const names of rows) expect(names.map((row) => row.name)).toContainEqual(expect.stringMatching(/^prisma_\d+$/));
    } finally {
      await databases.close();
      await remove();
    }
  });

  it("are named until the limit, then run unnamed", () => {
    const name = preparedStatementNames(2);
    expect([name({ sql: "SELECT 1" }), name({ sql: "SELECT 2" }), name({ sql: "SELECT 1" }), name({ sql: "SELECT 3" })]).toEqual([
      "prisma_0",
      "prisma_1",
      "prisma_0",
      "",
    ]);
  });
});

onEmbedded("the embedded databases across processes", () => {
  let holder: StartedProcess | undefined;
  afterEach(() => holder?.child.kill("SIGKILL"));

  it("refuse a second process while one holds them, and survive the holder being killed", async () => {
    const { config, remove } = await scratchDatabases();
    try {
      holder = startScript("test/support/hold-databases.ts", [JSON.stringify(config)]);
      await waitForOutput(holder, /^ready$/m, "the holder to open the databases");
      const { child } = holder;

      const refused = openDatabases(config);
      await expect(refused).rejects.toThrow(DataDirLockedError);
      await expect(refused).rejects.toThrow(new RegExp(`in use by another process: pid ${child.pid} on `));

      child.kill("SIGKILL");
      await once(child, "exit");
      const databases = await openDatabases(config); // the dead holder's lock is stale
      expect(await databases.workouts.workout.count()).toBe(0);
      await databases.close();
    } finally {
      await remove();
    }
  });
});
