import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startCli } from "../harness/commands";
import { adminUrl, testBackend } from "../harness/databases";
import { DatabaseConnectionError, openDatabases } from "../src/db";

// A database URL's password, as user:password@ or as ?password= (pg reads both), shows in no message:
// not in the configuration's errors, a connection's, a command's output, nor the log.

const onPostgres = testBackend === "postgres" ? describe : describe.skip;

const password = "hunter2-Secret";
/** The URL of `database` on `server` (host:port) with the password given both ways, as a user may. */
const urls = (server: string, database: string) => [
  `postgresql://app:${password}@${server}/${database}`,
  `postgresql://app@${server}/${database}?password=${password}&sslmode=disable`,
  `postgres://${server}/${database}?user=app&password=${password}`,
];

describe("a database URL's password", () => {
  it.each(urls("127.0.0.1:1", "peloton_workouts"))("is hidden when the server cannot be reached: %s", async (url) => {
    const open = openDatabases({ kind: "postgres", workoutsUrl: url, detailedUrl: url.replace("peloton_workouts", "peloton_detailed") });
    const error = await open.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseConnectionError);
    expect((error as Error).message).toMatch(/^Cannot connect to the workouts database at postgres(ql)?:\/\/.*\*\*\*\*.*\(WORKOUTS_DATABASE_URL\)/);
    expect((error as Error).message).not.toContain(password);
  });

  it("is hidden in a command's error and its log file, whether the URL is malformed or the server away", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pmc-passwords-"));
    try {
      const logFile = path.join(dir, "catalogue.log");
      const [userinfo, query] = urls("127.0.0.1:1", "w");
      const cases = [
        {
          command: "sync",
          WORKOUTS_DATABASE_URL: `postgresql://app:${password}@db.example:port/w`,
          DETAILED_DATABASE_URL: "postgresql://127.0.0.1:1/d",
          expected: /WORKOUTS_DATABASE_URL: must be a PostgreSQL URL/,
        },
        {
          command: "sync",
          WORKOUTS_DATABASE_URL: `mysql://db.example/w?password=${password}`,
          DETAILED_DATABASE_URL: "postgresql://127.0.0.1:1/d",
          expected: /WORKOUTS_DATABASE_URL: must be a PostgreSQL URL/,
        },
        {
          command: "sync",
          WORKOUTS_DATABASE_URL: query!,
          DETAILED_DATABASE_URL: query!.replace("/w", "/d"),
          expected: /Cannot connect to the workouts database/,
        },
        {
          command: "backup",
          WORKOUTS_DATABASE_URL: userinfo!,
          DETAILED_DATABASE_URL: userinfo!.replace("/w", "/d"),
          expected: /Cannot connect to the workouts database/,
        },
      ] as const;
      for (const { command, expected, ...env } of cases) {
        const cli = startCli(command, [], { ...env, DATA_DIR: dir, BACKUP_DIR: path.join(dir, "backups"), LOG_FILE: logFile, LOG_LEVEL: "trace" }, dir);
        const { code } = await cli.exited;
        expect({ command, env, code }).toEqual({ command, env, code: 1 });
        expect(cli.stderr()).toMatch(expected);
        expect(`${cli.stdout()}${cli.stderr()}`).not.toContain(password);
      }
      expect(await readFile(logFile, "utf8").catch(() => "")).not.toContain(password);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

onPostgres("a database URL's password, on a server that answers", () => {
  it.each(urls(new URL(adminUrl).host, "pmc_no_such_database"))("is hidden when the server refuses the login or database: %s", async (url) => {
    const error = await openDatabases({ kind: "postgres", workoutsUrl: url, detailedUrl: url.replace("pmc_no_such_database", "pmc_no_such_database_d") }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatabaseConnectionError);
    expect((error as Error).message).toMatch(/role "app" does not exist|does not exist/);
    expect((error as Error).message).not.toContain(password);
  });
});
