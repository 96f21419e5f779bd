import type { FormattedExecutionResult } from "graphql";
import { ingestFromSimulator } from "../../harness/simulator";
import type { DatabaseName } from "../../src/db";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { graphql } from "../graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// "No N+1": a page costs the same few SQL statements whatever its size. The Prisma clients report each
// statement they send to the database (OpenOptions.onQuery), raw queries and DataLoader batches included.

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;
const sent: { database: DatabaseName; sql: string }[] = [];

beforeAll(async () => {
  [sim, db] = await Promise.all([
    startSimulator({ classes: 120, disciplines: ["cycling"] }),
    openTestDatabases({ onQuery: (database, sql) => sent.push({ database, sql }) }),
  ]);
  await ingestFromSimulator(db, sim);
  api = createApi(db);
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

/** How many statements a page of each size cost, per database; `page(first)` answers the connection it fetched. */
async function statementsPerPage(sizes: number[], page: (first: number) => Promise<{ edges: unknown[] }>) {
  const counts: Record<number, Record<DatabaseName, number>> = {};
  for (const first of sizes) {
    sent.length = 0;
    expect((await page(first)).edges).toHaveLength(first);
    counts[first] = { detailed: sent.filter((s) => s.database === "detailed").length, workouts: sent.filter((s) => s.database === "workouts").length };
  }
  return counts;
}

/** The data of a result that must have no errors. */
function dataOf<T>({ data, errors }: FormattedExecutionResult<T>): T {
  expect(errors).toBeUndefined();
  return data!;
}

const workoutsPage = async (first: number) =>
  dataOf(
    await execute(
      api,
      graphql(`query QueryCountWorkouts($first: Int!) { workouts(first: $first) { totalCount
        edges { node { id: pelotonId title instructor { id: pelotonId name } playlist { position song { id: pelotonId title artistNames albumName artists { id: pelotonId name } } } } } } }`),
      { first },
    ),
  ).workouts;

const songsPage = async (search: string, first: number) =>
  dataOf(
    await execute(
      api,
      graphql(`query QueryCountSongs($search: String!, $first: Int!) { songs(search: $search, first: $first) { totalCount
        edges { node { id: pelotonId title playCount artists { id: pelotonId name playCount } } } } }`),
      { search, first },
    ),
  ).songs;

describe("a page of workouts with instructors and full playlists (songs, albums and artists)", () => {
  it("answers every class of the page with its whole playlist", async () => {
    const page = await workoutsPage(50);
    const expected = sim.catalogue.classes.slice(0, 50);
    expect(expected.filter((c) => c.songIds.length > 0).length).toBeGreaterThanOrEqual(45); // ~7% of simulated classes have no music
    expect(page.totalCount).toBe(120);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(expected.map((c) => c.id));
    page.edges.forEach(({ node }, i) => {
      expect(node.instructor?.id).toBe(expected[i]!.instructorId);
      expect(node.playlist.map((entry) => entry.song.id)).toEqual(expected[i]!.songIds);
      for (const { song } of node.playlist) expect(song.artists.length).toBeGreaterThan(0);
    });
  });

  it("costs the same 2 statements for 10, 25 or 50 classes", async () => {
    // the classes with their instructors, playlists, songs, albums and artists (Prisma's relationJoins); the totalCount
    const two = { detailed: 2, workouts: 0 };
    expect(await statementsPerPage([10, 25, 50], workoutsPage)).toEqual({ 10: two, 25: two, 50: two });
  });

  it("reads only the columns the fields need, not each class's full Peloton answer", async () => {
    sent.length = 0;
    await workoutsPage(10);
    expect(sent.map((s) => s.sql).join("\n")).not.toMatch(/full_details/);
  });
});

describe("a page of songs(search) with their artists and play counts", () => {
  const search = "er"; // 91 of the simulated songs match

  it("answers each song's play count and each artist's (batched)", async () => {
    const page = await songsPage(search, 50);
    expect(page.totalCount).toBeGreaterThan(50);
    expect(page.edges).toHaveLength(50);
    const songs = page.edges.map((edge) => edge.node);
    const artists = new Map(songs.flatMap((song) => song.artists.map((artist) => [artist.id, artist.playCount])));
    expect(artists.size).toBeGreaterThan(10);
    for (const song of songs) expect(song.playCount).toBe(await db.detailed.playlistEntry.count({ where: { songId: song.id } }));
    for (const [id, playCount] of artists) {
      expect(playCount).toBe(await db.detailed.playlistEntry.count({ where: { song: { artists: { some: { artistId: id } } } } }));
    }
  });

  it("costs the same 2 statements for 5, 20 or 50 songs", async () => {
    // the ranked ids with the match count (raw SQL); the songs with their play counts, credits and artists (with theirs, kept by ingestion)
    const two = { detailed: 2, workouts: 0 };
    expect(await statementsPerPage([5, 20, 50], (first) => songsPage(search, first))).toEqual({ 5: two, 20: two, 50: two });
  });
});

describe("a page of every song (no search), in title order", () => {
  const everySong = async (first: number, withCount: boolean) =>
    dataOf(
      await execute(
        api,
        graphql(
          `query QueryCountEverySong($first: Int!, $withCount: Boolean!) { songs(first: $first) { totalCount @include(if: $withCount) edges { node { id: pelotonId } } } }`,
        ),
        { first, withCount },
      ),
    ).songs;

  it("answers the songs in title order, and counts them only when asked", async () => {
    const all = await db.detailed.song.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true } });
    const page = await everySong(30, true);
    expect(page.totalCount).toBe(all.length);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(all.slice(0, 30).map((song) => song.id));
    const one = { detailed: 1, workouts: 0 };
    expect(await statementsPerPage([5, 20], (first) => everySong(first, false))).toEqual({ 5: one, 20: one });
    const two = { detailed: 2, workouts: 0 };
    expect(await statementsPerPage([5, 20], (first) => everySong(first, true))).toEqual({ 5: two, 20: two });
  });
});
