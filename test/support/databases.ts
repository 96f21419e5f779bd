import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { DatabaseConfig } from "../../src/config";
import { type Databases, type OpenOptions, openDatabases } from "../../src/db";
import { databaseUrl, runId, scratchName, templateDir, templateName, testBackend, withAdmin } from "./backend";

export interface TestDatabases extends Databases {
  config: DatabaseConfig;
  /** Empties every table (but the migration history) of both databases. */
  reset(): Promise<void>;
  /** Closes the databases and deletes them. */
  dispose(): Promise<void>;
}

/** Fresh, migrated databases on the backend under test, copied from the run's template. */
export async function openTestDatabases(options: Pick<OpenOptions, "onQuery"> = {}): Promise<TestDatabases> {
  const { config, remove } = await scratchDatabases();
  const databases = await openDatabases(config, options);
  return {
    ...databases,
    config,
    async reset() {
      await Promise.all([truncateAll(databases.workouts), truncateAll(databases.detailed)]);
    },
    async dispose() {
      await databases.close();
      await remove();
    },
  };
}

/** A copy of the migrated template, not yet opened: for tests that open (and reopen) it themselves. */
export async function scratchDatabases(): Promise<{ config: DatabaseConfig; remove(): Promise<void> }> {
  if (testBackend === "embedded") {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-test-"));
    await cp(templateDir(runId()), dataDir, { recursive: true });
    return { config: { kind: "embedded", dataDir }, remove: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = scratchName();
  const template = templateName(runId());
  await withAdmin(async (admin) => {
    await admin.query(`CREATE DATABASE "${name}_workouts" TEMPLATE "${template}_workouts"`);
    await admin.query(`CREATE DATABASE "${name}_detailed" TEMPLATE "${template}_detailed"`);
  });
  return {
    config: {
      kind: "postgres",
      workoutsUrl: databaseUrl(`${name}_workouts`),
      detailedUrl: databaseUrl(`${name}_detailed`),
    },
    remove: () =>
      withAdmin(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}_workouts" WITH (FORCE)`);
        await admin.query(`DROP DATABASE IF EXISTS "${name}_detailed" WITH (FORCE)`);
      }),
  };
}

interface RawClient {
  $queryRawUnsafe<T>(query: string): Promise<T>;
  $executeRawUnsafe(query: string): Promise<number>;
}

async function truncateAll(client: RawClient) {
  const tables = await client.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  await client.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}
