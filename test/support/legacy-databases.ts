import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { adminUrl, databaseUrl, scratchName, withAdmin } from "../../harness/databases";
import type { LegacySource } from "../../src/ingest/legacy-source";

// A pair of the original scripts' databases on the test server (whatever the backend under test), made
// with their DDL (test/fixtures/legacy/) and filled as the scripts filled them, from the real captures in
// test/fixtures/peloton-real/ and from details answers a test adds (the simulator's, fetched from it).

const fixtures = path.join(__dirname, "../fixtures");
const capture = (file: string): Record<string, any> => JSON.parse(readFileSync(path.join(fixtures, "peloton-real", file), "utf8"));
const ddl = (file: string) => readFileSync(path.join(fixtures, "legacy", file), "utf8");

/** The classes of the fixture, by what the scripts kept of them. */
export const legacyClasses = {
  /** details-15cb7793-2025.json, as jsonb */
  details: "15cb779304024a4791f56e4152decb45",
  /** details-266bbc93-2025-trimmed.json, as a jsonb string holding the JSON */
  jsonString: "266bbc93a1bb4e32a762181be49ade85",
  /** list-data-only-2025.json's ride (given this id): the versions that kept the class list entry, with the playlist in `songs` */
  listEntry: "0a1e0000000000000000000000000001",
  /** full_details NULL; the class's own columns filled */
  empty: "0a1e0000000000000000000000000002",
  /** the 266bbc93 answer made this class's, with its fourth song's id left out */
  songWithoutId: "0a1e0000000000000000000000000003",
  /** the 15cb7793 answer, kept under another class's id */
  otherClass: "0a1e0000000000000000000000000004",
  /** full_details a string that is not JSON */
  notJson: "0a1e0000000000000000000000000005",
  /** a row in workouts, none in detailed_workouts */
  workoutsOnly: "ffe0000000000000000000000000000f",
} as const;

/** The classes whose kept details are usable (with the answers a test adds). */
export const usableLegacyClasses = [legacyClasses.details, legacyClasses.jsonString];

export interface LegacyFixture {
  source: LegacySource;
  /** the JSON each class's full_details holds (parsed), by id */
  kept: Map<string, unknown>;
  /** a digest of every row of every table of both databases */
  checksum(): Promise<string>;
  /** runs a statement in one of them: a test's own rows, or columns of other types */
  query(database: "workouts" | "detailed", sql: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** drops both databases */
  remove(): Promise<void>;
}

export interface LegacyOptions {
  /** more details answers, stored as jsonb like the 15cb7793 one */
  answers?: Record<string, any>[];
  /** instructors rows for answers that do not embed their instructor */
  instructors?: Instructor[];
  /** where detailed_workouts, instructors and songs are: the detailed database (fetchDetailedWorkouts.js), or beside workouts (db_detailed.js) with no detailed database */
  layout?: "two-databases" | "detailed-in-workouts";
  /** the databases' names (default: scratch names); the server is always the test server */
  names?: { workouts: string; detailed: string };
}

/** Creates and fills a pair of legacy databases on the test server. */
export async function createLegacyDatabases({ answers = [], instructors = [], layout = "two-databases", names }: LegacyOptions = {}): Promise<LegacyFixture> {
  const base = scratchName();
  const source: LegacySource = {
    server: databaseUrl("", adminUrl),
    workoutsDb: names?.workouts ?? `${base}_peloton_workouts`,
    detailedDb: names?.detailed ?? `${base}_peloton_detailed`,
  };
  const databases = layout === "two-databases" ? [source.workoutsDb, source.detailedDb] : [source.workoutsDb];
  await withAdmin(async (admin) => {
    for (const database of databases) await admin.query(`CREATE DATABASE "${database}"`);
  });
  const remove = () =>
    withAdmin(async (admin) => {
      for (const database of databases) await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    });
  const kept = new Map<string, unknown>();
  const detailedDb = layout === "two-databases" ? source.detailedDb : source.workoutsDb;
  try {
    await withDatabase(source.workoutsDb, (client) => client.query(ddl("peloton_workouts.sql")));
    await withDatabase(detailedDb, async (client) => {
      await client.query(ddl(layout === "two-databases" ? "peloton_detailed.sql" : "detailed-in-peloton_workouts.sql"));
      for (const row of detailedRows(answers, instructors)) {
        kept.set(row.id, typeof row.fullDetails === "string" ? safeParse(row.fullDetails) : row.fullDetails);
        await saveDetailed(client, row, layout);
      }
    });
    await withDatabase(source.workoutsDb, async (client) => {
      for (const row of workoutsRows(answers, instructors)) {
        await client.query(
          `INSERT INTO workouts (id, title, instructor_name, created_at, difficulty, length, processed, processed_at)
           VALUES ($1, $2, $3, '2025-01-20 10:00:00', $4, $5, $6, CASE WHEN $6 THEN TIMESTAMP '2025-01-20 10:05:00' END)`,
          [row.id, row.title, row.instructorName, row.difficulty, row.length, row.processed],
        );
      }
    });
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    source,
    kept,
    checksum: async () => (await Promise.all(databases.map((database) => withDatabase(database, digest)))).join("/"),
    query: (database, sql, values) => withDatabase(database === "workouts" ? source.workoutsDb : detailedDb, (client) => client.query(sql, values)),
    remove,
  };
}

const safeParse = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

async function withDatabase<T>(database: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return withAdmin(fn, databaseUrl(database, adminUrl));
}

type Instructor = { id: string; name: string; image_url: string | null };

interface DetailedRow {
  id: string;
  /** the ride the class's columns were filled from */
  ride: Record<string, any>;
  /** jsonb as given, or (a string) a jsonb string */
  fullDetails: unknown;
  instructor?: Instructor;
  /** the songs the scripts listed for it */
  songs: Record<string, any>[];
}

function detailedRows(answers: Record<string, any>[], instructors: Instructor[]): DetailedRow[] {
  const details = capture("ride_details/details-15cb7793-2025.json");
  const trimmed = capture("ride_details/details-266bbc93-2025-trimmed.json");
  const listEntry = { ...capture("ride_archived/list-data-only-2025.json").data[0], id: legacyClasses.listEntry };
  const songWithoutId = structuredClone(trimmed);
  songWithoutId.ride.id = legacyClasses.songWithoutId;
  delete songWithoutId.playlist.songs[3].id;
  const row = (id: string, answer: Record<string, any>, fullDetails: unknown = answer): DetailedRow => ({
    id,
    ride: { ...answer.ride, id },
    fullDetails,
    instructor: answer.ride.instructor ?? instructors.find((instructor) => instructor.id === answer.ride.instructor_id),
    songs: answer.playlist?.songs ?? [],
  });
  return [
    row(legacyClasses.details, details),
    row(legacyClasses.jsonString, trimmed, JSON.stringify(trimmed)),
    { id: listEntry.id, ride: listEntry, fullDetails: listEntry, instructor: details.ride.instructor, songs: details.playlist.songs },
    { id: legacyClasses.empty, ride: { ...listEntry, id: legacyClasses.empty, title: "20 min Pop Ride" }, fullDetails: null, songs: [] },
    row(legacyClasses.songWithoutId, songWithoutId),
    row(legacyClasses.otherClass, details),
    { id: legacyClasses.notJson, ride: { id: legacyClasses.notJson, title: "45 min Power Zone Ride" }, fullDetails: "{'ride': None}", songs: [] },
    ...answers.map((answer) => row(answer.ride.id, answer)),
  ];
}

/** One class as the scripts kept it: its instructor (once), its row, and its songs (titles and artists, once per title). */
async function saveDetailed(client: pg.Client, { id, ride, fullDetails, instructor, songs }: DetailedRow, layout: LegacyOptions["layout"]) {
  if (instructor && layout === "two-databases") {
    await client.query("INSERT INTO instructors (id, name, image_url) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING", [
      instructor.id,
      instructor.name,
      instructor.image_url ?? null,
    ]);
  }
  const jsonb = fullDetails === null ? null : JSON.stringify(fullDetails);
  if (layout === "two-databases") {
    await client.query(
      `INSERT INTO detailed_workouts (id, title, duration, instructor_id, description, fitness_discipline, scheduled_time, difficulty_rating_avg, full_details)
       VALUES ($1, $2, $3, $4, $5, $6, TO_TIMESTAMP($7), $8, $9::jsonb)`,
      [
        id,
        ride.title,
        ride.duration,
        instructor?.id ?? null,
        ride.description,
        ride.fitness_discipline,
        ride.scheduled_start_time,
        ride.difficulty_rating_avg,
        jsonb,
      ],
    );
    for (const [order, song] of songs.entries()) {
      await client.query(
        `INSERT INTO songs (workout_id, title, artist_names, image_url, playlist_order)
         SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM songs WHERE workout_id = $1 AND title = $2)`,
        [
          id,
          song.title,
          song.artists
            .map((artist: any) => artist.artist_name)
            .filter(Boolean)
            .join(", "),
          song.artists[0]?.image_url ?? null,
          order,
        ],
      );
    }
    return;
  }
  await client.query(
    `INSERT INTO detailed_workouts (id, title, duration, image_url, instructor_name, description, fitness_discipline, scheduled_time, difficulty_rating_avg, full_details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, TO_TIMESTAMP($8), $9, $10::jsonb)`,
    [
      id,
      ride.title,
      ride.duration,
      ride.image_url,
      instructor?.name,
      ride.description,
      ride.fitness_discipline,
      ride.scheduled_start_time,
      ride.difficulty_rating_avg,
      jsonb,
    ],
  );
  for (const song of songs) {
    const { rows } = await client.query<{ id: number }>("INSERT INTO songs (workout_id, title) VALUES ($1, $2) RETURNING id", [id, song.title]);
    for (const artist of song.artists) {
      await client.query("INSERT INTO artists (song_id, artist_name, image_url) VALUES ($1, $2, $3)", [rows[0]!.id, artist.artist_name, artist.image_url]);
    }
  }
}

/** The class list as saveWorkouts.js kept it: every class of the fixture, the class without details too. */
function workoutsRows(answers: Record<string, any>[], instructors: Instructor[]) {
  return [
    ...detailedRows(answers, instructors).map(({ id, ride, instructor, fullDetails }) => ({
      id,
      title: ride.title,
      instructorName: instructor?.name ?? null,
      difficulty: ride.difficulty_rating_avg ?? null,
      length: ride.length ?? null,
      processed: fullDetails !== null,
    })),
    { id: legacyClasses.workoutsOnly, title: "10 min Cool Down Ride", instructorName: "Olivia Amato", difficulty: 5.1, length: 660, processed: false },
  ];
}

/** A digest of every row of every table in the public schema: what a write anywhere would change. */
async function digest(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  const parts: string[] = [];
  for (const { tablename } of rows) {
    const { rows: sums } = await client.query<{ sum: string }>(
      `SELECT md5(coalesce(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY to_jsonb(t)::text), '')) AS sum FROM public."${tablename}" t`,
    );
    parts.push(`${tablename}:${sums[0]!.sum}`);
  }
  return parts.join(",");
}
