// The query benchmark's fixed mix: what a client of the catalogue asks most, each as a GraphQL
// operation and as the raw-SQL route (bench/raw-server.ts) that answers the same data. Requests
// cycle through parameter sets drawn from the seeded catalogue, so that no one row stays cached.
import pg from "pg";
import type { DatabaseConfig } from "../src/config";
import { openEmbeddedInstances } from "../src/db";
import { cursorOf, type Query } from "./raw-server";

export interface MixItem {
  key: string;
  /** what it stands for, in the tables */
  name: string;
  /** the raw-SQL server's route for the same data */
  route: string;
  query: string;
  /** the variables requests cycle through */
  variables: Record<string, unknown>[];
  /** song search: the target for its p99 applies */
  search?: boolean;
}

const songSearch = `query SongSearch($search: String!) {
  songs(search: $search, first: 20) { totalCount edges { node { id: pelotonId title artistNames playCount } } }
}`;

const classPlaylist = `query ClassPlaylist($id: ID!) {
  workout(id: $id) {
    id: pelotonId title discipline durationSeconds airedAt
    instructor { id: pelotonId name }
    playlist { position startOffsetSeconds song { id: pelotonId title artistNames } }
  }
}`;

const instructorClasses = `query InstructorClasses($id: ID!) {
  instructor(id: $id) {
    id: pelotonId name
    workouts(first: 20) { totalCount edges { node { id: pelotonId title discipline durationSeconds airedAt } } }
    topArtists(limit: 10) { plays artist { id: pelotonId name } }
  }
}`;

const filteredWorkouts = `query FilteredWorkouts($filter: WorkoutFilter!) {
  workouts(filter: $filter, first: 20) {
    totalCount
    edges { node { id: pelotonId title durationSeconds airedAt difficulty instructor { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const deepPage = `query DeepPage($after: String!) {
  workouts(first: 20, after: $after) {
    edges { node { id: pelotonId title discipline airedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** How deep the deep page starts: the cursor of the row this far down the newest-first list of every class (less in a small catalogue). */
const deepPageOffset = 2000;
const SETS = 200;

/** The mix with its parameters drawn from the detailed database (any order that is not the popular rows': ids are hashes). */
export async function buildMix(query: Query): Promise<MixItem[]> {
  const column = async (sql: string) => (await query<{ value: string }>(sql, [])).map((row) => row.value);
  // half the most played artists (the names people search for), half any
  const artistNames = await column(`
    (SELECT a.name AS value FROM artists a JOIN song_artists sa ON sa.artist_id = a.id GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT ${SETS / 2})
    UNION ALL (SELECT name FROM artists ORDER BY id LIMIT ${SETS / 2})`);
  const titles = await column(`SELECT title AS value FROM songs ORDER BY id LIMIT ${SETS}`);
  const classIds = await column(`SELECT id AS value FROM detailed_workouts ORDER BY id LIMIT ${SETS}`);
  const instructorIds = await column(`SELECT id AS value FROM instructors ORDER BY id LIMIT ${SETS}`);
  const [classCount] = await column("SELECT count(*)::int AS value FROM detailed_workouts");
  const depth = Math.min(deepPageOffset, Math.floor(Number(classCount) / 2));
  const deepRows = await query<{ id: string; aired_at: Date | null }>(
    `SELECT id, original_air_time AS aired_at FROM detailed_workouts ORDER BY original_air_time DESC, id OFFSET ${depth} LIMIT ${SETS}`,
    [],
  );
  const disciplines = await column(`SELECT fitness_discipline AS value FROM detailed_workouts GROUP BY 1 ORDER BY count(*) DESC LIMIT 5`);
  const durations = [
    [600, 1200],
    [1200, 1800],
    [1800, 2700],
    [2700, 3600],
  ] as const;
  const filters = disciplines.flatMap((discipline) =>
    durations.flatMap(([minDuration, maxDuration]) =>
      [2019, 2020, 2021, 2022, 2023, 2024].map((year) => ({ filter: { discipline, minDuration, maxDuration, airedAfter: `${year}-01-01T00:00:00.000Z` } })),
    ),
  );
  return [
    {
      key: "searchArtist",
      name: "song search by artist",
      route: "songSearch",
      query: songSearch,
      variables: artistNames.map((search) => ({ search })),
      search: true,
    },
    { key: "searchTitle", name: "song search by title", route: "songSearch", query: songSearch, variables: titles.map((search) => ({ search })), search: true },
    { key: "classPlaylist", name: "a class with its playlist", route: "classPlaylist", query: classPlaylist, variables: classIds.map((id) => ({ id })) },
    {
      key: "instructorClasses",
      name: "an instructor's classes + top artists",
      route: "instructorClasses",
      query: instructorClasses,
      variables: instructorIds.map((id) => ({ id })),
    },
    { key: "filteredWorkouts", name: "classes by discipline + duration + date", route: "filteredWorkouts", query: filteredWorkouts, variables: filters },
    {
      key: "deepPage",
      name: `a page ${depth.toLocaleString("en-US")} classes deep`,
      route: "deepPage",
      query: deepPage,
      variables: deepRows.map((row) => ({ after: cursorOf(row.id, row.aired_at?.toISOString() ?? null) })),
    },
  ];
}

/** The mix's parameters, read straight from the detailed database before any server holds it. */
export async function readMix(database: DatabaseConfig): Promise<MixItem[]> {
  if (database.kind === "postgres") {
    const client = new pg.Client({ connectionString: database.detailedUrl });
    await client.connect();
    try {
      return await buildMix(async (text, params) => (await client.query(text, params)).rows);
    } finally {
      await client.end();
    }
  }
  const embedded = await openEmbeddedInstances(database.dataDir);
  try {
    const query: Query = async <Row>(text: string, params: unknown[]) => (await embedded.detailed.query<Row>(text, params)).rows;
    return await buildMix(query);
  } finally {
    await embedded.close();
  }
}
