import pg from "pg";
import { testBackend } from "../../harness/databases";
import { ingestFromSimulator } from "../../harness/simulator";
import { createApi } from "../../src/server";
import { startSimulator } from "../../src/simulator";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// A prepared statement that PostgreSQL plans again at every execution costs its planning on every
// request: `id = ANY($1)` did (a generic plan cannot know the array's length), and doubled the
// database's CPU for a class with its playlist. Every hand-written statement that a lookup of one row,
// its lists or a page of classes sends must settle on one plan (a filtered page is planned for its
// values on purpose: src/db/workout-filters.ts): each is prepared again here, on a connection of the
// test's own, with the values the API sent, and run as often as PostgreSQL needs to choose.

let db: TestDatabases;
const sent: { text: string; values: unknown[] }[] = [];

beforeAll(async () => {
  const sim = await startSimulator({ classes: 12, disciplines: ["cycling", "strength"] });
  db = await openTestDatabases({ onQuery: (database, text, values) => database === "detailed" && values && sent.push({ text, values }) });
  try {
    await ingestFromSimulator(db, sim);
  } finally {
    await sim.close();
  }
});
afterAll(() => db?.dispose());

// each asks for one row of a model by id (and its lists), or for pages of classes beside one
const requests = {
  "a class": [
    "workout",
    `query($id: ID!) { workout(id: $id) { id title airedAt instructor { name } playlist { position song { title artistNames playCount } } } }`,
  ],
  "an instructor": [
    "instructor",
    `query($id: ID!) { instructor(id: $id) { name workouts(first: 5) { totalCount edges { node { title } } } topArtists(limit: 3) { plays artist { name } } } }`,
  ],
  "a song": ["song", `query($id: ID!) { song(id: $id) { title workouts(first: 5) { totalCount edges { node { title } } } } }`],
  "an artist": ["artist", `query($id: ID!) { artist(id: $id) { name songs(first: 5) { totalCount edges { node { title } } } } }`],
  "an album": ["album", `query($id: ID!) { album(id: $id) { name songs(first: 5) { totalCount edges { node { title } } } } }`],
  "pages of classes": [
    "workout",
    `query($id: ID!) { a: workouts(first: 3) { pageInfo { endCursor } } workouts(first: 5) { edges { node { id title } } } x: workout(id: $id) { id } }`,
  ],
} as const;

(testBackend === "postgres" ? describe : describe.skip)("the statements of a request", () => {
  it.each(Object.keys(requests) as (keyof typeof requests)[])("for %s are each planned once, then reused", async (what) => {
    const api = createApi(db);
    const [model, query] = requests[what];
    const delegate = {
      workout: db.detailed.detailedWorkout,
      instructor: db.detailed.instructor,
      song: db.detailed.song,
      artist: db.detailed.artist,
      album: db.detailed.album,
    }[model] as unknown as { findFirst(args: object): Promise<{ id: string } | null> };
    const row = await delegate.findFirst({ select: { id: true }, orderBy: { id: "asc" } });
    sent.length = 0;
    const answer = await execute(api, query, { id: row!.id });
    expect(answer.errors).toBeUndefined();
    expect(sent.length).toBeGreaterThan(0);
    if (db.config.kind !== "postgres") throw new Error("unreachable");
    const client = new pg.Client({ connectionString: db.config.detailedUrl });
    await client.connect();
    try {
      const replanned: string[] = [];
      for (const [index, { text, values }] of sent.entries()) {
        const name = `planned_once_${index}`;
        // PostgreSQL compares its generic plan with the custom ones after the fifth execution
        for (let run = 0; run < 8; run++) await client.query({ name, text, values });
        const { rows } = await client.query<{ generic_plans: string }>("SELECT generic_plans FROM pg_prepared_statements WHERE name = $1", [name]);
        if (Number(rows[0]!.generic_plans) === 0) replanned.push(text.replace(/\s+/g, " ").trim());
      }
      expect(replanned).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
