import { recountPlays } from "../../src/db/play-counts";
import { artistSearchColumns, songSearchColumns, workoutSearchColumns } from "../../src/db/search";
import { createApi } from "../../src/server";
import { graphql } from "../graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// Search pages over a catalogue made here, where every song by "Echo Tide" ranks the same for the
// search "echo tide" (its credits are the whole term), so that plays, then titles, then ids order them.

let db: TestDatabases;
let api: ReturnType<typeof createApi>;
const sent: string[] = [];

interface SongRow {
  id: string;
  title: string;
  artist: string;
  plays: number;
}

// in the order the search "echo tide" answers them: rank (all the same but the last), plays, title, id
const songs: SongRow[] = [
  { id: "song-mirror", title: "Mirror", artist: "echo", plays: 5 },
  { id: "song-alpha", title: "Alpha", artist: "echo", plays: 2 },
  { id: "song-beta", title: "Beta", artist: "echo", plays: 2 },
  { id: "song-sun-a", title: "Sun", artist: "echo", plays: 1 },
  { id: "song-sun-b", title: "Sun", artist: "echo", plays: 1 },
  { id: "song-zed", title: "Zed", artist: "echo", plays: 1 },
  { id: "song-quiet", title: "Quiet", artist: "echo", plays: 0 },
  // the term is only the start of its credits: ranked after every song above, however often played
  { id: "song-friends", title: "Together", artist: "friends", plays: 9 },
];

const artists = {
  echo: { id: "artist-echo", name: "Echo Tide" },
  friends: { id: "artist-friends", name: "Echo Tide & Friends" },
  // the same rank as Echo Tide for "echo" (as long, the term at the start), and no song at all
  tidy: { id: "artist-tidy", name: "Echo Tidy" },
};

let classes = 0;
/** A class playing these songs, stored now. */
async function storeClass(songIds: string[]) {
  const id = `class-${++classes}`;
  await db.detailed.detailedWorkout.create({
    data: {
      id,
      title: `Class ${classes}`,
      ...workoutSearchColumns(`Class ${classes}`),
      fullDetails: {},
      playlist: { create: songIds.map((songId, position) => ({ position, songId })) },
    },
  });
}

async function storeSong({ id, title, artist }: Omit<SongRow, "plays">) {
  const { name, id: artistId } = artists[artist as keyof typeof artists];
  await db.detailed.song.create({
    data: {
      id,
      title,
      artistNames: name,
      ...songSearchColumns(title, name),
      artists: { create: [{ artistId, position: 0 }] },
    },
  });
}

beforeAll(async () => {
  db = await openTestDatabases({ onQuery: (database, sql) => database === "detailed" && sent.push(sql) });
  for (const artist of Object.values(artists)) await db.detailed.artist.create({ data: { ...artist, ...artistSearchColumns(artist.name) } });
  for (const song of songs) await storeSong(song);
  // each song's plays, one class for each: the most played song is in as many classes as it has plays
  const most = Math.max(...songs.map((song) => song.plays));
  for (let n = 1; n <= most; n++) await storeClass(songs.filter((song) => song.plays >= n).map((song) => song.id));
  // the classes are written here, not by ingestion, which keeps the play counts search ranks by
  await recountPlays(db.detailed);
  api = createApi(db);
});
afterAll(() => db.dispose());

const songPage = graphql(`query SearchPagesSongs($search: String, $first: Int, $last: Int, $after: String, $before: String) {
  songs(search: $search, first: $first, last: $last, after: $after, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id: pelotonId playCount } } } }`);

async function searchSongs(variables: { search?: string; first?: number; last?: number; after?: string | null; before?: string | null }) {
  const { data, errors } = await execute(api, songPage, { search: "echo tide", ...variables });
  expect(errors).toBeUndefined();
  const { totalCount, pageInfo, edges } = data!.songs;
  return { totalCount, pageInfo, ids: edges.map((edge) => edge.node.id), cursors: edges.map((edge) => edge.cursor) };
}

/** Every page of the search, `size` at a time, from the first on (or from the last back, `backward`), each checked to count the same total. */
async function walk(size: number, backward = false) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const page = await searchSongs(backward ? { last: size, before: cursor } : { first: size, after: cursor });
    totals.add(page.totalCount);
    if (backward) ids.unshift(...page.ids);
    else ids.push(...page.ids);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return { ids, totals: [...totals] };
    cursor = backward ? page.pageInfo.startCursor! : page.pageInfo.endCursor!;
  }
  throw new Error("more than 20 pages");
}

describe("search pages", () => {
  it("order ties by plays, then by title, then by id, after the rank of the match", async () => {
    const page = await searchSongs({ first: 20 });
    expect(page.ids).toEqual(songs.map((song) => song.id));
    expect(page.totalCount).toBe(songs.length);
    const { data } = await execute(api, songPage, { search: "echo tide", first: 20 });
    expect(data!.songs.edges.map((edge) => edge.node.playCount)).toEqual(songs.map((song) => song.plays));
  });

  it("order artists of the same rank by plays before their names", async () => {
    const { data, errors } = await execute(
      api,
      graphql(`query SearchPagesArtists { artists(search: "echo", first: 10) { totalCount edges { node { name playCount } } } }`),
    );
    expect(errors).toBeUndefined();
    // Echo Tide and Echo Tidy rank the same (whole length, term at the start); the longer name ranks after both
    expect(data!.artists.edges.map((edge) => [edge.node.name, edge.node.playCount])).toEqual([
      ["Echo Tide", 12],
      ["Echo Tidy", 0],
      ["Echo Tide & Friends", 9],
    ]);
  });

  it("pages forwards and backwards through the same rows, with the same totalCount on every page", async () => {
    for (const size of [1, 2, 3]) {
      expect(await walk(size)).toEqual({ ids: songs.map((song) => song.id), totals: [songs.length] });
      expect(await walk(size, true)).toEqual({ ids: songs.map((song) => song.id), totals: [songs.length] });
    }
    const all = await searchSongs({ first: 20 });
    expect((await searchSongs({ first: 2, after: all.cursors[2], before: all.cursors[6] })).ids).toEqual(all.ids.slice(3, 5));
    expect((await searchSongs({ last: 2, after: all.cursors[2], before: all.cursors[6] })).ids).toEqual(all.ids.slice(4, 6));
  });

  it("read a page's rows in its own statement, as Prisma reads them", async () => {
    const plain =
      graphql(`query SearchPagesPlainRows($first: Int, $last: Int, $after: String) { songs(search: "echo", first: $first, last: $last, after: $after) {
      totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { id: pelotonId title artistNames imageUrl explicit playCount } } } }`);
    // a song's album is no column of the search's statement: the rows are read apart, through Prisma
    const withAlbum =
      graphql(`query SearchPagesRowsWithAlbum($first: Int, $last: Int, $after: String) { songs(search: "echo", first: $first, last: $last, after: $after) {
      totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { id: pelotonId title artistNames imageUrl explicit playCount album { name } } } } }`);
    for (const variables of [{ first: 3 }, { last: 4 }, { first: 20 }, { first: 2, after: (await searchSongs({ first: 3 })).cursors[2] }]) {
      sent.length = 0;
      const one = await execute(api, plain, variables);
      expect(sent).toHaveLength(1);
      sent.length = 0;
      const two = await execute(api, withAlbum, variables);
      expect(sent.length).toBeGreaterThan(1);
      expect(one.errors).toBeUndefined();
      expect(one.data!.songs.edges.length).toBeGreaterThan(0);
      // cursors carry the clock time of the first page of their search: compared without it
      const timeless = (cursor: string | null | undefined) =>
        cursor &&
        Buffer.from(cursor, "base64")
          .toString()
          .replace(/\[\d+,/, "[");
      const { edges, pageInfo, ...rest } = two.data!.songs;
      const expected = { ...rest, pageInfo: { ...pageInfo, startCursor: timeless(pageInfo.startCursor), endCursor: timeless(pageInfo.endCursor) } };
      const answered = one.data!.songs;
      expect({
        ...answered,
        pageInfo: { ...answered.pageInfo, startCursor: timeless(answered.pageInfo.startCursor), endCursor: timeless(answered.pageInfo.endCursor) },
        edges: answered.edges.map(({ cursor, node }) => ({ cursor: timeless(cursor), node })),
      }).toEqual({ ...expected, edges: edges.map(({ cursor, node: { album: _album, ...node } }) => ({ cursor: timeless(cursor), node })) });
    }
  });

  describe("when classes and songs are added between two pages", () => {
    afterAll(async () => {
      // back to the catalogue the other tests expect
      await db.detailed.detailedWorkout.deleteMany({ where: { title: "Added meanwhile" } });
      await db.detailed.song.deleteMany({ where: { id: "song-new" } });
      await recountPlays(db.detailed);
    });

    it("repeats and skips none of the rows the first page's search had", async () => {
      const first = await searchSongs({ first: 2 });
      expect(first.ids).toEqual(["song-mirror", "song-alpha"]);
      // Beta, next in line, ties with Alpha: one class more plays it before Alpha in a fresh search, and
      // a new song, more played than any, goes first
      await db.detailed.detailedWorkout.create({
        data: {
          id: "class-added-1",
          title: "Added meanwhile",
          ...workoutSearchColumns("Added meanwhile"),
          fullDetails: {},
          playlist: { create: [{ position: 0, songId: "song-beta" }] },
        },
      });
      await storeSong({ id: "song-new", title: "New", artist: "echo" });
      for (const n of [2, 3, 4, 5, 6, 7]) {
        await db.detailed.detailedWorkout.create({
          data: {
            id: `class-added-${n}`,
            title: "Added meanwhile",
            ...workoutSearchColumns("Added meanwhile"),
            fullDetails: {},
            playlist: { create: [{ position: 0, songId: "song-new" }] },
          },
        });
      }
      await recountPlays(db.detailed);
      const rest: string[] = [];
      let after: string | null = first.pageInfo.endCursor;
      while (after) {
        const page = await searchSongs({ first: 2, after });
        expect(page.totalCount).toBe(songs.length + 1);
        rest.push(...page.ids);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      }
      // every row past the cursor once, in the first page's order; the new song as unplayed then, its plays all since
      expect(rest).toEqual(["song-beta", "song-sun-a", "song-sun-b", "song-zed", "song-new", "song-quiet", "song-friends"]);
      // a new search: today's plays
      expect((await searchSongs({ first: 3 })).ids).toEqual(["song-new", "song-mirror", "song-beta"]);
    });
  });

  describe("pages without edges", () => {
    const noCursors = { startCursor: null, endCursor: null };

    it("have null cursors in a search: no match, past the end, or before the start", async () => {
      const all = await searchSongs({ first: 20 });
      expect(await searchSongs({ search: "no such song", first: 5 })).toMatchObject({ totalCount: 0, ids: [], pageInfo: noCursors });
      expect(await searchSongs({ first: 5, after: all.cursors.at(-1) })).toMatchObject({ totalCount: songs.length, ids: [], pageInfo: noCursors });
      expect(await searchSongs({ last: 5, before: all.cursors[0] })).toMatchObject({ totalCount: songs.length, ids: [], pageInfo: noCursors });
      expect(await searchSongs({ first: 0 })).toMatchObject({ ids: [], pageInfo: noCursors });
    });

    it("have null cursors in every other connection", async () => {
      const { data: lastSong } = await execute(api, `{ songs(last: 1) { pageInfo { endCursor } } }`);
      const { data, errors } = await execute(
        api,
        graphql(`query SearchPagesEmpty($past: String) {
          artists(search: "no such artist", first: 5) { pageInfo { startCursor endCursor } }
          allSongsPast: songs(first: 5, after: $past) { pageInfo { startCursor endCursor } }
          noSongs: songs(first: 0) { pageInfo { startCursor endCursor } }
          instructors(first: 5) { pageInfo { startCursor endCursor } }
          ingestRuns(first: 5) { pageInfo { startCursor endCursor } }
          song(id: "song-quiet") { workouts(first: 5) { pageInfo { startCursor endCursor } } }
        }`),
        { past: (lastSong as { songs: { pageInfo: { endCursor: string } } }).songs.pageInfo.endCursor },
      );
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        artists: { pageInfo: noCursors },
        allSongsPast: { pageInfo: noCursors },
        noSongs: { pageInfo: noCursors },
        instructors: { pageInfo: noCursors },
        ingestRuns: { pageInfo: noCursors },
        song: { workouts: { pageInfo: noCursors } },
      });
    });

    // src/schema/workout.ts resolves with Pothos' resolveCursorConnection, which answers "" (or the
    // cursor it was sent): it passes once that file resolves with cursorConnection (src/schema/search.ts)
    it("have null cursors in the workouts connection", async () => {
      const { data } = await execute(
        api,
        graphql(`query SearchPagesNoWorkouts { workouts(first: 5, filter: { discipline: "none" }) { pageInfo { startCursor endCursor } } }`),
      );
      expect(data!.workouts.pageInfo).toEqual(noCursors);
    });
  });

  describe("cursors", () => {
    const refused = (argumentName: string, message = "invalid cursor") => [
      expect.objectContaining({ message: `${argumentName}: ${message}`, extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argumentName }) }),
    ];
    const send = (variables: Record<string, unknown>) => execute(api, songPage, { search: "echo tide", ...variables });

    it("refuse an offset cursor, saying what to do", async () => {
      const offset = Buffer.from("OffsetConnection:3").toString("base64");
      for (const [name, variables] of [
        ["after", { first: 2, after: offset }],
        ["before", { last: 2, before: offset }],
      ] as const) {
        const { data, errors } = await send(variables);
        expect(data).toBeNull();
        expect(errors).toEqual(
          refused(name, "an offset cursor (from a list without search, or an earlier version of this API): ask for the search's first page again"),
        );
      }
    });

    it("refuse a cursor of another list, or one tampered with", async () => {
      const { data: artistData } = await execute(api, `{ artists(search: "echo", first: 1) { edges { cursor } } }`);
      const artistCursor = (artistData as { artists: { edges: { cursor: string }[] } }).artists.edges[0]!.cursor;
      const songCursor = (await searchSongs({ first: 1 })).cursors[0]!;
      const text = Buffer.from(songCursor, "base64").toString();
      const tampered = [
        artistCursor,
        Buffer.from(text.replace("SongSearch:", "Workout:")).toString("base64"),
        Buffer.from(text.replace(/,"song-mirror"\]$/, "]")).toString("base64"),
        Buffer.from(text.replace(/^SongSearch:\[\d+,/, "SongSearch:[-1,")).toString("base64"),
        `${songCursor}x`,
        "not a cursor",
      ];
      for (const after of tampered) {
        const { data, errors } = await send({ first: 2, after });
        expect(data).toBeNull();
        expect(errors).toEqual(refused("after"));
      }
    });
  });
});
