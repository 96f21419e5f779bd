import { parse } from "graphql";
import { ingestFromSimulator } from "../../harness/simulator";
import type { DatabaseName } from "../../src/db";
import { operationCost, queryLimits } from "../../src/query-limits";
import { schema } from "../../src/schema";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { graphql } from "../graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// What an operation costs the database: fields that look something up for each parent are batched
// (one statement per field, not per parent), and priced as the lookups they are.

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;
const sent: { database: DatabaseName; sql: string }[] = [];

beforeAll(async () => {
  [sim, db] = await Promise.all([
    startSimulator({ classes: 120, disciplines: ["cycling", "strength"] }),
    openTestDatabases({ onQuery: (database, sql) => sent.push({ database, sql }) }),
  ]);
  await ingestFromSimulator(db, sim);
  api = createApi(db);
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

const post = (query: string) =>
  api.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query }),
  });

const complexity = (query: string) => operationCost(schema, parse(query)).complexity;

describe("the issue's operation: 15 aliases of every instructor's top artist", () => {
  const query = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: instructors(first: 100) { edges { node { topArtists(limit: 1) { plays } } } }`).join(" ")} }`;

  it("is refused before it runs, or runs a few statements whatever the number of instructors", async () => {
    sent.length = 0;
    const response = await post(query);
    const body = await response.json();
    if (response.status === 400) {
      expect(body.errors[0]).toMatchObject({ extensions: { code: "QUERY_COMPLEXITY" } });
      expect(sent).toHaveLength(0);
    } else {
      expect(body.errors).toBeUndefined();
      // a page of instructors per alias, then one statement for every instructor's top artists
      expect(sent.length).toBeLessThanOrEqual(15 + 2);
    }
  });
});

/** How many statements each page size cost: the same for every size when the per-parent lookups are batched. */
async function statementsFor(sizes: number[], query: string) {
  const counts: number[] = [];
  for (const first of sizes) {
    sent.length = 0;
    const { errors } = await execute(api, query.replace("$first", String(first)));
    expect(errors).toBeUndefined();
    counts.push(sent.length);
  }
  return counts;
}

describe("lists under each parent of a page, batched", () => {
  it("an instructor's, a song's and an artist's page, with its count, cost the same statements for 3 parents as for 25", async () => {
    for (const query of [
      `{ instructors(first: $first) { edges { node { workouts(first: 3) { totalCount edges { node { id: pelotonId playlist { song { title } } } } } } } } }`,
      `{ songs(first: $first) { edges { node { workouts(first: 3) { totalCount edges { node { id: pelotonId title } } } } } } }`,
      `{ artists(first: $first) { edges { node { songs(first: 3) { totalCount edges { node { id: pelotonId title } } } } } } }`,
    ]) {
      const [few, many] = await statementsFor([3, 25], query);
      expect({ query, few }).toEqual({ query, few: many });
      expect(many).toBeLessThanOrEqual(5);
    }
  });

  it("prices a page from the end or after a cursor, which each parent reads on its own, so that a page of parents cannot multiply it", async () => {
    for (const page of ["last: 2", 'first: 2, after: "R1BDOlM6eA=="']) {
      sent.length = 0;
      const response = await post(`{ instructors(first: 25) { edges { node { workouts(${page}) { edges { node { id } } } } } } }`);
      if (response.status === 400) expect((await response.json()).errors[0]).toMatchObject({ extensions: { code: "QUERY_COMPLEXITY" } });
      else expect(sent.length).toBeLessThanOrEqual(5);
    }
  });

  it("gives each parent its own page, in order, and its count, as a query of that parent alone does", async () => {
    const { data, errors } = await execute(
      api,
      graphql(`query CostNestedPages { songs(first: 40) { edges { node { id: pelotonId workouts(first: 2) { totalCount edges { node { id: pelotonId } } pageInfo { hasNextPage } } } } }
        instructors(first: 10) { edges { node { id: pelotonId workouts(first: 4) { totalCount edges { node { id: pelotonId airedAt } } } } } } }`),
    );
    expect(errors).toBeUndefined();
    for (const { node: song } of data!.songs.edges) {
      const classes = await db.detailed.detailedWorkout.findMany({
        where: { playlist: { some: { songId: song.id } } },
        orderBy: [{ originalAirTime: "desc" }, { id: "asc" }],
        select: { id: true },
      });
      expect({
        song: song.id,
        ids: song.workouts.edges.map((e) => e.node.id),
        total: song.workouts.totalCount,
        more: song.workouts.pageInfo.hasNextPage,
      }).toEqual({
        song: song.id,
        ids: classes.slice(0, 2).map((c) => c.id),
        total: classes.length,
        more: classes.length > 2,
      });
    }
    for (const { node: instructor } of data!.instructors.edges) {
      const classes = await db.detailed.detailedWorkout.findMany({
        where: { instructorId: instructor.id },
        orderBy: [{ originalAirTime: "desc" }, { id: "asc" }],
        select: { id: true },
      });
      expect(instructor.workouts.totalCount).toBe(classes.length);
      expect(instructor.workouts.edges.map((e) => e.node.id)).toEqual(classes.slice(0, 4).map((c) => c.id));
    }
  });
});

describe("top artists", () => {
  it("gives an instructor the artists its own classes play most, with their plays, most played first", async () => {
    for (const { id } of await db.detailed.instructor.findMany({ orderBy: { id: "asc" }, take: 8, select: { id: true } })) {
      const { data, errors } = await execute(
        api,
        graphql(`query CostTopArtistsDetail($id: ID!) { instructor(id: $id) { id: pelotonId topArtists(limit: 5) { plays artist { id: pelotonId name } } } }`),
        { id },
      );
      expect(errors).toBeUndefined();
      const instructor = data!.instructor!;
      // the plain way, one instructor at a time
      const expected = await db.detailed.$queryRaw<{ artist_id: string; plays: bigint }[]>`
        SELECT sa.artist_id, count(*) AS plays
          FROM detailed_workouts w JOIN playlist_entries pe ON pe.workout_id = w.id JOIN song_artists sa ON sa.song_id = pe.song_id
         WHERE w.instructor_id = ${instructor.id}
         GROUP BY sa.artist_id ORDER BY plays DESC, sa.artist_id LIMIT 5`;
      expect(expected.length).toBeGreaterThan(0);
      expect(instructor.topArtists.map(({ artist, plays }) => [artist.id, plays])).toEqual(expected.map((row) => [row.artist_id, Number(row.plays)]));
      for (const { artist } of instructor.topArtists) expect(artist.name).toBeTruthy();
    }
  });
});

describe("the cost model", () => {
  it("prices a lookup for each parent far above reading a column", () => {
    const columns = complexity(`{ instructors(first: 100) { edges { node { id: pelotonId name imageUrl } } } }`);
    const lookups = complexity(`{ instructors(first: 100) { edges { node { id: pelotonId topArtists(limit: 1) { plays } } } } }`);
    expect(lookups).toBeGreaterThan(columns * 5);
  });

  it("multiplies nested lists by their page sizes", () => {
    const page = (first: number) => complexity(`{ instructor(id: "x") { workouts(first: ${first}) { edges { node { playlist { song { title } } } } } } }`);
    expect(page(100) - page(0)).toBe(10 * (page(10) - page(0)));
  });

  it("keeps ordinary operations within the limit: a page of 100 classes with their playlists, an instructor with top artists", () => {
    for (const query of [
      `{ workouts(first: 100) { totalCount edges { node { id: pelotonId title instructor { name } playlist { position song { title artistNames albumName artists { name } } } } } } }`,
      `{ instructor(id: "x") { id: pelotonId name workouts(first: 20) { totalCount edges { node { id: pelotonId title } } } topArtists(limit: 10) { plays artist { id: pelotonId name } } } }`,
      `{ songs(search: "gold", first: 20) { totalCount edges { node { id: pelotonId title artistNames playCount } } } }`,
      `{ instructors(first: 100) { totalCount edges { node { id: pelotonId name workouts(first: 5) { totalCount edges { node { id: pelotonId title } } } } } } }`,
      `{ songs(first: 20) { edges { node { title workouts(first: 10) { totalCount edges { node { id: pelotonId title instructor { name } } } } } } } }`,
    ]) {
      expect({ query, fits: complexity(query) <= queryLimits.complexity }).toEqual({ query, fits: true });
    }
  });
});
