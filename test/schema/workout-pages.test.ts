import { ingestFromSimulator } from "../../harness/simulator";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { graphql } from "../graphql";
import type { WorkoutFilter, WorkoutOrder } from "../graphql/graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// A page of classes that asks for plain fields (and its instructor's, its playlist's) is read with one
// hand-written statement (src/db/workout-page.ts); one that asks for more goes through Prisma's findMany. Both must
// answer alike, cursors included, and so must cursors made only when a client reads them.

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;
const sent: string[] = [];

beforeAll(async () => {
  [sim, db] = await Promise.all([
    startSimulator({ classes: 60, disciplines: ["cycling"] }),
    openTestDatabases({ onQuery: (database, sql) => database === "detailed" && sent.push(sql) }),
  ]);
  await ingestFromSimulator(db, sim);
  // classes with no air date, no rating or no instructor, and air times with milliseconds
  const some = (k: number) => ({ id: { in: sim.catalogue.classes.filter((_, i) => i % 9 === k).map((c) => c.id) } });
  await db.detailed.detailedWorkout.updateMany({ where: some(4), data: { difficultyRatingAvg: null } });
  await db.detailed.detailedWorkout.updateMany({ where: some(7), data: { originalAirTime: null } });
  await db.detailed.detailedWorkout.updateMany({ where: some(2), data: { instructorId: null } });
  await db.detailed.detailedWorkout.update({ where: { id: sim.catalogue.classes[1]!.id }, data: { originalAirTime: new Date("2021-03-04T05:06:07.089Z") } });
  await db.detailed.detailedWorkout.update({ where: { id: sim.catalogue.classes[3]!.id }, data: { originalAirTime: new Date("1999-12-31T23:59:59.999Z") } });
  api = createApi(db);
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

interface PageArgs {
  orderBy?: WorkoutOrder;
  filter?: WorkoutFilter;
  first?: number;
  last?: number;
  after?: string | null;
  before?: string | null;
}

const PlainPage = graphql(`query WorkoutPagesPlain($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String, $before: String) {
  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id: pelotonId title description discipline durationSeconds difficulty airedAt imageUrl explicit classTypes
      instructor { id: pelotonId name imageUrl } } } } }`);

const WithPlaylist =
  graphql(`query WorkoutPagesWithPlaylist($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String, $before: String) {
  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id: pelotonId title description discipline durationSeconds difficulty airedAt imageUrl explicit classTypes
      instructor { id: pelotonId name imageUrl } playlist { position song { album { name } } } } } } }`);

/** The page as the SQL statement reads it, checking that it did. */
async function plainPage(args: PageArgs) {
  sent.length = 0;
  const { data, errors } = await execute(api, PlainPage, args);
  expect(errors).toBeUndefined();
  expect(sent.filter((sql) => /FROM detailed_workouts w\s+WHERE[\s\S]* ORDER BY [\s\S]* LIMIT /.test(sql))).toHaveLength(1);
  return data!.workouts;
}

/** The same page through Prisma's findMany (a song's album asked for, which the statement does not read), without the playlists. */
async function prismaPage(args: PageArgs) {
  sent.length = 0;
  const { data, errors } = await execute(api, WithPlaylist, args);
  expect(errors).toBeUndefined();
  expect(sent.filter((sql) => /FROM detailed_workouts w\s+WHERE[\s\S]* ORDER BY [\s\S]* LIMIT /.test(sql))).toHaveLength(0);
  const { edges, ...rest } = data!.workouts;
  return { ...rest, edges: edges.map(({ cursor, node: { playlist: _playlist, ...node } }) => ({ cursor, node })) };
}

// a playlist with its songs' plain fields is read by the page's statement too; their albums are not
const PlaylistPage = graphql(`query WorkoutPagesPlaylists($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String) {
  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title
      playlist { position startOffsetSeconds song { id: pelotonId title artistNames imageUrl explicit playCount } } } } } }`);
const PlaylistAlbumsPage = graphql(`query WorkoutPagesPlaylistAlbums($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String) {
  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title
      playlist { position startOffsetSeconds song { id: pelotonId title artistNames imageUrl explicit playCount album { name } } } } } } }`);

const orders = ["AIRED_DESC", "AIRED_ASC", "DIFFICULTY_DESC"] as const;

describe("a page of classes read as SQL", () => {
  it("answers as the page read through Prisma, forwards and backwards, in every order and with filters", async () => {
    const { instructorId } = (await db.detailed.detailedWorkout.findFirstOrThrow({ where: { instructorId: { not: null } } })) as { instructorId: string };
    const artist = (await db.detailed.artist.findFirstOrThrow({ orderBy: { id: "asc" } })).name;
    const filters: WorkoutFilter[] = [{}, { minDuration: 1200, explicit: false }, { instructorId }, { artist }, { discipline: "yoga" }, { title: "ride" }];
    let compared = 0;
    for (const orderBy of orders) {
      for (const filter of filters) {
        const first = await plainPage({ orderBy, filter, first: 7 });
        expect(await prismaPage({ orderBy, filter, first: 7 })).toEqual(first);
        const pages: PageArgs[] = [
          { first: 5, after: first.pageInfo.endCursor },
          { first: 3, after: first.edges[2]?.cursor },
          { last: 4 },
          { last: 3, before: first.pageInfo.endCursor },
          { first: 10, after: first.edges[1]?.cursor, before: first.edges[5]?.cursor },
        ];
        for (const page of pages) {
          const args = { orderBy, filter, ...page };
          const plain = await plainPage(args);
          expect(await prismaPage(args)).toEqual(plain);
          compared += plain.edges.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("reads the playlists with their songs in the page's statement, as Prisma reads them", async () => {
    let entries = 0;
    for (const orderBy of orders) {
      for (const args of [{ first: 6 }, { last: 4 }, { first: 30, filter: { minDuration: 1200 } }]) {
        sent.length = 0;
        const plain = await execute(api, PlaylistPage, { orderBy, ...args });
        expect(plain.errors).toBeUndefined();
        expect(sent.filter((sql) => /FROM detailed_workouts w\s+WHERE[\s\S]* ORDER BY [\s\S]* LIMIT /.test(sql))).toHaveLength(1);
        expect(sent.filter((sql) => /playlist_entries/.test(sql))).toHaveLength(1);
        const prisma = await execute(api, PlaylistAlbumsPage, { orderBy, ...args });
        const withoutAlbums = JSON.parse(JSON.stringify(prisma.data), (key, value) => (key === "album" ? undefined : value));
        expect(plain.data).toEqual(withoutAlbums);
        entries += plain.data!.workouts.edges.flatMap((edge) => edge.node.playlist).length;
      }
    }
    expect(entries).toBeGreaterThan(100);
  });

  it("writes each air time exactly as toISOString, milliseconds included, and null where there is none", async () => {
    const rows = await db.detailed.detailedWorkout.findMany({ select: { id: true, originalAirTime: true } });
    const expected = new Map(rows.map((row) => [row.id, row.originalAirTime?.toISOString() ?? null]));
    expect([...expected.values()]).toEqual(expect.arrayContaining(["2021-03-04T05:06:07.089Z", "1999-12-31T23:59:59.999Z", null]));
    for (const page of [plainPage, prismaPage]) {
      const { edges } = await page({ first: 100 });
      expect(edges).toHaveLength(rows.length);
      for (const { node } of edges) expect(node.airedAt).toBe(expected.get(node.id));
    }
    const { data } = await execute(api, graphql(`query WorkoutPagesOneClass($id: ID!) { workout(id: $id) { airedAt } }`), { id: sim.catalogue.classes[1]!.id });
    expect(data!.workout!.airedAt).toBe("2021-03-04T05:06:07.089Z");
  });

  it("reads the page and its totalCount in one statement, and counts apart past the last class", async () => {
    const { totalCount } = await plainPage({ first: 5, filter: { minDuration: 1200 } });
    expect(sent).toHaveLength(1);
    expect(totalCount).toBe(await db.detailed.detailedWorkout.count({ where: { durationSeconds: { gte: 1200 } } }));
    const last = await plainPage({ last: 1, filter: { minDuration: 1200 } });
    const past = await plainPage({ first: 5, filter: { minDuration: 1200 }, after: last.pageInfo.endCursor });
    expect(sent).toHaveLength(2);
    expect(past).toMatchObject({ totalCount, edges: [] });
  });

  it("sees totalCount asked through a fragment, and not when skipped", async () => {
    const counted = graphql(`query WorkoutPagesCountInFragment($withCount: Boolean!) {
      workouts(first: 3) { ...WorkoutPagesTotal @include(if: $withCount) edges { node { id: pelotonId } } } }
      fragment WorkoutPagesTotal on QueryWorkoutsConnection { ... on QueryWorkoutsConnection { totalCount } }`);
    sent.length = 0;
    const { data } = await execute(api, counted, { withCount: true });
    expect(data!.workouts.totalCount).toBe(sim.catalogue.classes.length);
    expect(sent).toHaveLength(1);
    sent.length = 0;
    const { data: without } = await execute(api, counted, { withCount: false });
    expect(without!.workouts.totalCount).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/count\(\*\)/);
  });

  it("answers null for the instructor of a class without one", async () => {
    const { edges } = await plainPage({ first: 100 });
    const without = edges.filter((edge) => edge.node.instructor === null).map((edge) => edge.node.id);
    expect(without.sort()).toEqual(
      sim.catalogue.classes
        .filter((_, i) => i % 9 === 2)
        .map((c) => c.id)
        .sort(),
    );
  });
});

describe("cursors made only when read", () => {
  const all = async (orderBy: WorkoutOrder) => (await plainPage({ orderBy, first: 100 })).edges.map((edge) => edge.node.id);

  it("lead past the page with endCursor alone, the edges' cursors unread", async () => {
    for (const orderBy of orders) {
      const { data } = await execute(
        api,
        graphql(`query WorkoutPagesEndCursorOnly($orderBy: WorkoutOrder, $after: String) {
          workouts(orderBy: $orderBy, first: 8, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id: pelotonId } } } }`),
        { orderBy },
      );
      const next = await plainPage({ orderBy, first: 8, after: data!.workouts.pageInfo.endCursor });
      expect(next.edges.map((edge) => edge.node.id)).toEqual((await all(orderBy)).slice(8, 16));
    }
  });

  it("lead past their own edge when only the edges' cursors are read", async () => {
    const ids = await all("AIRED_DESC");
    const { data } = await execute(api, graphql(`query WorkoutPagesEdgeCursorsOnly { workouts(first: 6) { edges { cursor } } }`));
    const cursors = data!.workouts.edges.map((edge) => edge.cursor);
    expect(cursors).toHaveLength(6);
    for (const [k, cursor] of cursors.entries()) {
      const next = await plainPage({ first: 2, after: cursor });
      expect(next.edges.map((edge) => edge.node.id)).toEqual(ids.slice(k + 1, k + 3));
    }
  });

  it("start and end the page at its first and last edges, and are null on a page without edges", async () => {
    const page = await plainPage({ first: 5 });
    expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
    expect(page.pageInfo.endCursor).toBe(page.edges[4]!.cursor);
    const last = await plainPage({ last: 1 });
    const past = await plainPage({ first: 5, after: last.pageInfo.endCursor });
    expect(past).toMatchObject({ edges: [], pageInfo: { startCursor: null, endCursor: null, hasNextPage: false } });
    const none = await plainPage({ first: 5, filter: { discipline: "no such discipline" } });
    expect(none).toMatchObject({ totalCount: 0, edges: [], pageInfo: { startCursor: null, endCursor: null, hasNextPage: false, hasPreviousPage: false } });
  });
});
