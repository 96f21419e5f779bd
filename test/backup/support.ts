import type { DatabaseConfig } from "../../src/config";
import { type Databases, openDatabases } from "../../src/db";
import { createApi } from "../../src/server";
import type { Simulator } from "../../src/simulator";
import { databaseUrl, scratchName, withAdmin } from "../support/backend";
import { execute } from "../support/graphql";
import { ingestFromSimulator } from "../support/ingest";

/** Opens the databases (migrating them), runs fn, closes them: the embedded ones allow one holder, and backups need it. */
export async function withDatabases<T>(config: DatabaseConfig, fn: (databases: Databases) => Promise<T>): Promise<T> {
  const databases = await openDatabases(config);
  try {
    return await fn(databases);
  } finally {
    await databases.close();
  }
}

/** Both stages against the simulator: its classes and their playlists into the databases. */
export const ingestCatalogue = (config: DatabaseConfig, sim: Simulator) =>
  withDatabases(config, async (databases) => {
    await ingestFromSimulator(databases, sim);
  });

// What a client sees of the catalogue, through the API; searches go through the trigram indexes.
const queries = [
  `{ workouts(first: 50) { totalCount edges { node { id title discipline durationSeconds airedAt difficulty
      instructor { id name } playlist { position startOffsetSeconds song { id title artistNames explicit playCount artists { id name } } } } } } }`,
  `{ songs(search: "motorhead", first: 50) { totalCount edges { node { id title artistNames } } }
     artists(search: "motorhead", first: 10) { totalCount edges { node { id name playCount } } } }`,
  `{ instructors(first: 50) { totalCount edges { node { id name topArtists(limit: 3) { plays artist { id name } } } } } }`,
  `{ catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists }
     ingestRuns(first: 10) { totalCount edges { node { id stage status seen processed failed } } } }`,
];

export interface CatalogueSnapshot {
  answers: unknown[];
  rows: Record<string, Record<string, number>>;
}

/** The API's answers to a few queries, and every table's row count (the migration history too), per database. */
export const catalogueSnapshot = (config: DatabaseConfig): Promise<CatalogueSnapshot> =>
  withDatabases(config, async (databases) => {
    const api = createApi(databases);
    const answers = [];
    for (const query of queries) {
      const result = await execute(api, query);
      expect(result.errors).toBeUndefined();
      answers.push(result.data);
    }
    return { answers, rows: { workouts: await rowCounts(databases.workouts), detailed: await rowCounts(databases.detailed) } };
  });

async function rowCounts(client: Databases["workouts"] | Databases["detailed"]): Promise<Record<string, number>> {
  const tables = await client.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = Number((await client.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}"`))[0]!.n);
  }
  return counts;
}

/** Two empty databases (not even migrated) on the test server, whichever backend the suite runs on. */
export async function postgresDatabases(): Promise<{ config: Extract<DatabaseConfig, { kind: "postgres" }>; remove(): Promise<void> }> {
  const name = scratchName();
  await withAdmin(async (admin) => {
    await admin.query(`CREATE DATABASE "${name}_workouts"`);
    await admin.query(`CREATE DATABASE "${name}_detailed"`);
  });
  return {
    config: { kind: "postgres", workoutsUrl: databaseUrl(`${name}_workouts`), detailedUrl: databaseUrl(`${name}_detailed`) },
    remove: () =>
      withAdmin(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}_workouts" WITH (FORCE)`);
        await admin.query(`DROP DATABASE IF EXISTS "${name}_detailed" WITH (FORCE)`);
      }),
  };
}
