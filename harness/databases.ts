import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseConfig } from "../src/config";
import { type Databases, openDatabases } from "../src/db";

export type Backend = DatabaseConfig["kind"];
type PostgresConfig = Extract<DatabaseConfig, { kind: "postgres" }>;

/** Which database backend the suites run on: TEST_DATABASE=embedded (default) or TEST_DATABASE=postgres. */
export const testBackend: Backend = (() => {
  const value = process.env.TEST_DATABASE ?? "embedded";
  if (value !== "embedded" && value !== "postgres") {
    throw new Error(`TEST_DATABASE must be "embedded" or "postgres" (got "${value}")`);
  }
  return value;
})();

/** A server the suites may create and drop databases on. */
export const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** The URL of `database` on the server `serverUrl` points at. */
export const databaseUrl = (database: string, serverUrl = adminUrl) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>, serverUrl = adminUrl): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The catalogue's two databases on a PostgreSQL server: `<name>_workouts` and `<name>_detailed`. */
export const postgresPair = (name: string, serverUrl = adminUrl): PostgresConfig => ({
  kind: "postgres",
  workoutsUrl: databaseUrl(`${name}_workouts`, serverUrl),
  detailedUrl: databaseUrl(`${name}_detailed`, serverUrl),
});

/** Creates the pair, empty or as copies of the pair `template`. */
export async function createPostgresPair(
  name: string,
  { template, serverUrl = adminUrl }: { template?: string; serverUrl?: string } = {},
): Promise<PostgresConfig> {
  await withAdmin(async (admin) => {
    for (const database of ["workouts", "detailed"]) {
      await admin.query(`CREATE DATABASE "${name}_${database}"${template ? ` TEMPLATE "${template}_${database}"` : ""}`);
    }
  }, serverUrl);
  return postgresPair(name, serverUrl);
}

export const dropPostgresPair = (name: string, serverUrl = adminUrl) =>
  withAdmin(async (admin) => {
    for (const database of ["workouts", "detailed"]) await admin.query(`DROP DATABASE IF EXISTS "${name}_${database}" WITH (FORCE)`);
  }, serverUrl);

// Set by test/support/global-setup.ts, inherited by the jest workers.
export const runId = () => process.env.PMC_TEST_RUN ?? "";
export const templateName = (run: string) => `pmc_test_${run}_template`;
export const templateDir = (run: string) => path.join(os.tmpdir(), `pmc-test-${run}`, "template");
export const scratchName = () => `pmc_test_${runId()}_${randomBytes(4).toString("hex")}`;

export interface ScratchDatabases<Config extends DatabaseConfig = DatabaseConfig> {
  config: Config;
  /** deletes them */
  remove(): Promise<void>;
}

/** A copy of the run's migrated template on the backend under test, not yet opened: for tests that open (and reopen) it themselves. */
export async function scratchDatabases(): Promise<ScratchDatabases> {
  if (testBackend === "embedded") {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-test-"));
    await cp(templateDir(runId()), dataDir, { recursive: true });
    return { config: { kind: "embedded", dataDir }, remove: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = scratchName();
  return { config: await createPostgresPair(name, { template: templateName(runId()) }), remove: () => dropPostgresPair(name) };
}

/** Two empty databases (not even migrated) on `backend`: a new directory, or a new pair on the test server. */
export async function emptyDatabases<B extends Backend>(backend: B): Promise<ScratchDatabases<Extract<DatabaseConfig, { kind: B }>>>;
export async function emptyDatabases(backend?: Backend): Promise<ScratchDatabases>;
export async function emptyDatabases(backend: Backend = testBackend): Promise<ScratchDatabases> {
  if (backend === "embedded") {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-test-"));
    return { config: { kind: "embedded", dataDir }, remove: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = scratchName();
  return { config: await createPostgresPair(name), remove: () => dropPostgresPair(name) };
}

/** Opens the databases (migrating them), runs fn, closes them: the embedded ones allow one process at a time. */
export async function withDatabases<T>(config: DatabaseConfig, fn: (databases: Databases) => Promise<T>): Promise<T> {
  const databases = await openDatabases(config);
  try {
    return await fn(databases);
  } finally {
    await databases.close();
  }
}

/** The DATA_DIR of a command run on these databases: the embedded databases' own, or a new one (for the session) on PostgreSQL. */
export async function commandDataDir(config: DatabaseConfig): Promise<{ dataDir: string; remove(): Promise<void> }> {
  if (config.kind === "embedded") return { dataDir: config.dataDir, remove: async () => undefined };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-data-"));
  return { dataDir, remove: () => rm(dataDir, { recursive: true, force: true }) };
}

/** The environment that points a command at the databases, and at DATA_DIR when given (the embedded databases live there). */
export const databaseEnv = (config: DatabaseConfig, dataDir = config.kind === "embedded" ? config.dataDir : undefined): Record<string, string> => ({
  ...(dataDir === undefined ? {} : { DATA_DIR: dataDir }),
  ...(config.kind === "postgres" ? { WORKOUTS_DATABASE_URL: config.workoutsUrl, DETAILED_DATABASE_URL: config.detailedUrl } : {}),
});
