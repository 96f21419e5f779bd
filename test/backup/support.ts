import path from "node:path";
import { withDatabases } from "../../harness/databases";
import { ingestFromSimulator } from "../../harness/simulator";
import { backupFileName } from "../../src/backup/files";
import { writeManifest } from "../../src/backup/manifest";
import type { DatabaseConfig } from "../../src/config";
import { type Databases, databaseNames } from "../../src/db";
import { createApi } from "../../src/server";
import type { Simulator } from "../../src/simulator";
import { execute } from "../support/graphql";

/** Both stages against the simulator: its classes and their playlists into the databases. */
export const ingestCatalogue = (config: DatabaseConfig, sim: Simulator) =>
  withDatabases(config, async (databases) => {
    await ingestFromSimulator(databases, sim);
  });

// What a client sees of the catalogue, through the API, page after page (a page stays within the API's
// cost limits); searches go through the trigram indexes.
const queries = [
  `query BackupWorkouts($after: String) { workouts(first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id: pelotonId title discipline
      durationSeconds airedAt difficulty instructor { id: pelotonId name } playlist { position startOffsetSeconds song { id: pelotonId title artistNames explicit playCount artists { id: pelotonId name } } } } } } }`,
  `{ songs(search: "motorhead", first: 50) { totalCount edges { node { id: pelotonId title artistNames } } }
     artists(search: "motorhead", first: 10) { totalCount edges { node { id: pelotonId name playCount } } } }`,
  `query BackupInstructors($after: String) { instructors(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id: pelotonId name topArtists(limit: 3) { plays artist { id: pelotonId name } } } } } }`,
  `{ catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists }
     ingestRuns(first: 10) { totalCount edges { node { id stage status seen processed failed } } } }`,
];

interface Page {
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
}

/** Every page of an operation whose one root field is a connection (`$after`), or its one answer. */
async function allPages(api: ReturnType<typeof createApi>, query: string): Promise<unknown[]> {
  const pages: unknown[] = [];
  for (let after: string | null = null; ; ) {
    const result: { data?: unknown; errors?: readonly unknown[] } = await execute(api, query, { after });
    expect(result.errors).toBeUndefined();
    pages.push(result.data);
    const root: Page | undefined = Object.values(result.data as Record<string, Page>)[0];
    if (!query.includes("$after") || !root?.pageInfo?.hasNextPage) return pages;
    after = root.pageInfo.endCursor;
  }
}

export interface CatalogueSnapshot {
  answers: unknown[];
  rows: Record<string, Record<string, number>>;
}

/** The API's answers to a few queries, and every table's row count (the migration history too), per database. */
export const catalogueSnapshot = (config: DatabaseConfig): Promise<CatalogueSnapshot> =>
  withDatabases(config, async (databases) => {
    const api = createApi(databases);
    const answers = [];
    for (const query of queries) answers.push(...(await allPages(api, query)));
    return { answers, rows: { workouts: await rowCounts(databases.workouts), detailed: await rowCounts(databases.detailed) } };
  });

/** Every table's row count, per database, but the migration history's: what a restore that ran nothing leaves empty. */
export const rowsIn = (config: DatabaseConfig) =>
  withDatabases(config, async (databases) =>
    Object.entries({ ...(await rowCounts(databases.workouts)), ...(await rowCounts(databases.detailed)) }).filter(
      ([table, rows]) => rows > 0 && table !== "_prisma_migrations",
    ),
  );

async function rowCounts(client: Databases["workouts"] | Databases["detailed"]): Promise<Record<string, number>> {
  const tables = await client.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = Number((await client.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}"`))[0]!.n);
  }
  return counts;
}

/** Rewrites a backup's manifest for its files as they are now, as someone who changed them could. */
export const vouchFor = (dir: string, timestamp: string) =>
  writeManifest(
    dir,
    timestamp,
    databaseNames.map((name) => path.join(dir, backupFileName(name, timestamp))),
  );
