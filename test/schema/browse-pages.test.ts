import type { DatabaseName } from "../../src/db";
import { artistSearchColumns, songSearchColumns } from "../../src/db/search";
import { createApi } from "../../src/server";
import { graphql } from "../graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// The lists without a search (every song by title, every artist by name, ingestion runs newest first)
// page with keyset cursors: a row added between two page reads, before the cursor, moves no row across
// it. With offsets, the page after one shifted by a row: the cursor's own row came again.

let db: TestDatabases;
let api: ReturnType<typeof createApi>;
const sent: { database: DatabaseName; sql: string }[] = [];

// titles with ties (ordered by id then), and one that sorts first
const titles = ["Mirror", "Alpha", "Sun", "Sun", "Sun", "Beta", "Zed", "Quiet", "Echo", "Gold", "Sun"];

const storeSong = (id: string, title: string) => db.detailed.song.create({ data: { id, title, artistNames: "", ...songSearchColumns(title, "") } });
const storeArtist = (id: string, name: string) => db.detailed.artist.create({ data: { id, name, ...artistSearchColumns(name) } });
const storeRun = () => db.workouts.ingestRun.create({ data: { stage: "SYNC_WORKOUTS", status: "SUCCEEDED" } });

beforeAll(async () => {
  db = await openTestDatabases({ onQuery: (database, sql) => sent.push({ database, sql }) });
  for (const [n, title] of titles.entries()) {
    await storeSong(`song-${String(n).padStart(2, "0")}`, title);
    await storeArtist(`artist-${String(n).padStart(2, "0")}`, title);
  }
  for (let n = 0; n < 7; n++) await storeRun();
  api = createApi(db);
});
afterAll(() => db.dispose());

interface PageArgs {
  first?: number;
  last?: number;
  after?: string | null;
  before?: string | null;
}
interface Page {
  ids: string[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
  totalCount?: number;
}

const SongsPage = graphql(`query BrowsePagesSongs($first: Int, $last: Int, $after: String, $before: String) {
  songs(first: $first, last: $last, after: $after, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id: pelotonId } } } }`);
const ArtistsPage = graphql(`query BrowsePagesArtists($first: Int, $last: Int, $after: String, $before: String) {
  artists(first: $first, last: $last, after: $after, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id: pelotonId } } } }`);
const RunsPage = graphql(`query BrowsePagesRuns($first: Int, $last: Int, $after: String, $before: String) {
  ingestRuns(first: $first, last: $last, after: $after, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }`);

const lists = {
  songs: {
    page: async (args: PageArgs): Promise<Page> => {
      const { data, errors } = await execute(api, SongsPage, args);
      expect(errors).toBeUndefined();
      return { pageInfo: data!.songs.pageInfo, ids: data!.songs.edges.map((edge) => edge.node.id) };
    },
    inOrder: async () => (await db.detailed.song.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }] })).map((song) => song.id),
    // a row that sorts before every other
    addFirst: (n: number) => storeSong(`song-new-${n}`, `Aaa ${n}`),
  },
  artists: {
    page: async (args: PageArgs): Promise<Page> => {
      const { data, errors } = await execute(api, ArtistsPage, args);
      expect(errors).toBeUndefined();
      return { pageInfo: data!.artists.pageInfo, ids: data!.artists.edges.map((edge) => edge.node.id) };
    },
    inOrder: async () => (await db.detailed.artist.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] })).map((artist) => artist.id),
    addFirst: (n: number) => storeArtist(`artist-new-${n}`, `Aaa ${n}`),
  },
  ingestRuns: {
    page: async (args: PageArgs): Promise<Page> => {
      const { data, errors } = await execute(api, RunsPage, args);
      expect(errors).toBeUndefined();
      return { pageInfo: data!.ingestRuns.pageInfo, ids: data!.ingestRuns.edges.map((edge) => edge.node.id) };
    },
    inOrder: async () => (await db.workouts.ingestRun.findMany({ orderBy: { id: "desc" } })).map((run) => String(run.id)),
    // newest first: a new run comes first
    addFirst: () => storeRun(),
  },
};
type ListName = keyof typeof lists;
const names = Object.keys(lists) as ListName[];

/** Every page of a list, `size` at a time, from the first on (or from the last back, `backward`). */
async function walk(list: ListName, size: number, backward = false) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 30; pages++) {
    const page: Page = await lists[list].page(backward ? { last: size, before: cursor } : { first: size, after: cursor });
    if (backward) ids.unshift(...page.ids);
    else ids.push(...page.ids);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return ids;
    cursor = backward ? page.pageInfo.startCursor! : page.pageInfo.endCursor!;
  }
  throw new Error("more than 30 pages");
}

describe.each(names)("%s without a search", (list) => {
  it("gives every row once, in order, walked forwards or backwards", async () => {
    const all = await lists[list].inOrder();
    for (const size of [1, 2, 3, 5, 100]) {
      expect(await walk(list, size)).toEqual(all);
      expect(await walk(list, size, true)).toEqual(all);
    }
  });

  it("pages between two cursors, and answers an empty page past the end without cursors", async () => {
    const all = await lists[list].inOrder();
    const { pageInfo: first } = await lists[list].page({ first: 2 });
    const { pageInfo: last } = await lists[list].page({ last: 2 });
    expect((await lists[list].page({ first: 100, after: first.endCursor, before: last.startCursor })).ids).toEqual(all.slice(2, -2));
    expect((await lists[list].page({ last: 3, after: first.endCursor, before: last.startCursor })).ids).toEqual(all.slice(-5, -2));
    const past = await lists[list].page({ first: 5, after: last.endCursor });
    expect(past).toEqual({ ids: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });

  it("neither repeats nor skips a row when one is added before the cursor between two pages", async () => {
    const before = await lists[list].inOrder();
    const page = await lists[list].page({ first: 4 });
    await lists[list].addFirst(1);
    const next = await lists[list].page({ first: 4, after: page.pageInfo.endCursor });
    expect([...page.ids, ...next.ids]).toEqual(before.slice(0, 8));
  });

  it("neither repeats nor skips a row going backwards when one is added before the cursor", async () => {
    const before = await lists[list].inOrder();
    const page = await lists[list].page({ last: 4 });
    await lists[list].addFirst(2);
    const previous = await lists[list].page({ last: 4, before: page.pageInfo.startCursor });
    expect([...previous.ids, ...page.ids]).toEqual(before.slice(-8));
  });
});

describe("cursors of the lists without a search", () => {
  const refused = (argumentName: string, message = "invalid cursor") => [
    expect.objectContaining({ message: `${argumentName}: ${message}`, extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argumentName }) }),
  ];
  const queries = {
    songs: "query ($after: String, $before: String) { songs(first: 2, after: $after, before: $before) { edges { cursor } } }",
    artists: "query ($after: String, $before: String) { artists(first: 2, after: $after, before: $before) { edges { cursor } } }",
    ingestRuns: "query ($after: String, $before: String) { ingestRuns(first: 2, after: $after, before: $before) { edges { cursor } } }",
  };
  const cursorsOf = async (query: string) => {
    const { data, errors } = await execute(api, query);
    expect(errors).toBeUndefined();
    return data as Record<string, { edges: { cursor: string }[] }>;
  };

  it("refuse an offset cursor, saying to start from the first page", async () => {
    const offset = Buffer.from("OffsetConnection:3").toString("base64");
    for (const list of names)
      for (const argumentName of ["after", "before"]) {
        const { data, errors } = await execute(api, queries[list], { [argumentName]: offset });
        expect(data).toBeNull();
        expect(errors).toEqual(refused(argumentName, "an offset cursor (from an earlier version of this API): ask for the list's first page again"));
      }
  });

  it("refuse a cursor of another list, or of a search", async () => {
    const given = {
      ...(await cursorsOf("{ songs(first: 1) { edges { cursor } } artists(first: 1) { edges { cursor } } ingestRuns(first: 1) { edges { cursor } } }")),
      ...(await cursorsOf(
        `{ songSearch: songs(search: "sun", first: 1) { edges { cursor } } artistSearch: artists(search: "sun", first: 1) { edges { cursor } } }`,
      )),
    };
    const cursor = (name: string) => given[name]!.edges[0]!.cursor;
    for (const list of names) {
      const others = ["songs", "artists", "ingestRuns", "songSearch", "artistSearch"].filter((name) => name !== list);
      for (const other of others) {
        const { errors } = await execute(api, queries[list], { after: cursor(other) });
        expect(errors).toEqual(refused("after"));
      }
    }
    // and a list's cursor is no search's
    const { errors } = await execute(api, `query ($c: String) { songs(search: "sun", first: 2, after: $c) { edges { cursor } } }`, { c: cursor("songs") });
    expect(errors).toEqual(refused("after"));
  });

  it("cost one statement a page, after a cursor or from the end, and count only when asked", async () => {
    const { songs, artists, ingestRuns } = await cursorsOf(
      `{ songs(first: 2) { edges { cursor } } artists(first: 2) { edges { cursor } } ingestRuns(first: 2) { edges { cursor } } }`,
    );
    for (const [query, variables, database] of [
      [queries.songs, { after: songs!.edges[1]!.cursor }, "detailed"],
      ["{ songs(last: 3) { edges { cursor } } }", {}, "detailed"],
      [queries.artists, { before: artists!.edges[1]!.cursor }, "detailed"],
      [queries.ingestRuns, { after: ingestRuns!.edges[1]!.cursor }, "workouts"],
      ["{ ingestRuns(last: 3) { edges { cursor } } }", {}, "workouts"],
    ] as const) {
      sent.length = 0;
      const { errors } = await execute(api, query, variables);
      expect(errors).toBeUndefined();
      expect(sent.map((statement) => statement.database)).toEqual([database]);
    }
    const runs = (await lists.ingestRuns.inOrder()).length;
    sent.length = 0;
    const { data } = await execute(api, "{ ingestRuns(last: 3) { totalCount } }");
    expect(data).toEqual({ ingestRuns: { totalCount: runs } });
    expect(sent).toHaveLength(2);
  });
});
