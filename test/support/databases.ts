import { scratchDatabases } from "../../harness/databases";
import type { DatabaseConfig } from "../../src/config";
import { type Databases, type OpenOptions, openDatabases } from "../../src/db";

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
