import { ingestFromSimulator } from "../../harness/simulator";
import { foldForSearch } from "../../src/db/search";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { graphql } from "../graphql";
import type { WorkoutFilter, WorkoutOrder } from "../graphql/graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  [sim, db] = await Promise.all([startSimulator({ classes: 60, disciplines: ["cycling"] }), openTestDatabases()]);
  await ingestFromSimulator(db, sim);
  api = createApi(db);
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

const musicClass = () => sim.catalogue.classes.find((c) => c.songIds.length > 1)!;

describe("the catalogue API", () => {
  it("answers a class with its instructor and its playlist in class order", async () => {
    const expected = musicClass();
    const { data, errors } = await execute(
      api,
      graphql(`query CatalogueWorkout($id: ID!) { workout(id: $id) { id: pelotonId title discipline durationSeconds airedAt
          instructor { id: pelotonId name } playlist { position startOffsetSeconds song { id: pelotonId title artistNames artists { id: pelotonId name } explicit playCount } } } }`),
      { id: expected.id },
    );
    expect(errors).toBeUndefined();
    const workout = data!.workout!;
    expect(workout).toMatchObject({ id: expected.id, title: expected.title, discipline: "cycling", instructor: { id: expected.instructorId } });
    expect(new Date(workout.airedAt!).getTime()).toBe(expected.originalAirTime * 1000);
    expect(workout.playlist.map((entry) => entry.song.id)).toEqual(expected.songIds);
    expect(workout.playlist.map((entry) => entry.position)).toEqual(expected.songIds.map((_, i) => i));
    const song = workout.playlist[0]!.song;
    expect(song.artistNames).toBe(song.artists.map((artist) => artist.name).join(", "));
    expect(song.playCount).toBe(sim.catalogue.classes.filter((c) => c.songIds.includes(song.id)).length);
  });

  it("answers null for an unknown id", async () => {
    expect(
      await execute(
        api,
        graphql(
          `query CatalogueUnknownIds { workout(id: "nope") { id: pelotonId } song(id: "nope") { id: pelotonId } instructor(id: "nope") { id: pelotonId } }`,
        ),
      ),
    ).toEqual({
      data: { workout: null, song: null, instructor: null },
    });
  });

  it("pages through every class, newest first, with no duplicates", async () => {
    const page = (after: string | null) =>
      execute(
        api,
        graphql(
          `query CatalogueWorkoutsPage($after: String) { workouts(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId } } } }`,
        ),
        { after },
      );
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const { data, errors } = await page(after);
      expect(errors).toBeUndefined();
      const { workouts } = data!;
      totalCount = workouts.totalCount;
      seen.push(...workouts.edges.map((edge) => edge.node.id));
      after = workouts.pageInfo.hasNextPage ? workouts.pageInfo.endCursor : null;
    } while (after);
    expect(totalCount).toBe(60);
    expect(seen).toEqual(sim.catalogue.classes.map((c) => c.id)); // the catalogue is newest first too
  });

  it("lists an instructor's classes", async () => {
    const instructorId = musicClass().instructorId;
    const { data } = await execute(
      api,
      graphql(
        `query CatalogueInstructorWorkouts($id: ID!) { instructor(id: $id) { id: pelotonId name workouts(first: 100) { totalCount edges { node { id: pelotonId } } } } }`,
      ),
      { id: instructorId },
    );
    const theirs = sim.catalogue.classes.filter((c) => c.instructorId === instructorId).map((c) => c.id);
    const { workouts } = data!.instructor!;
    expect(workouts.totalCount).toBe(theirs.length);
    expect(workouts.edges.map((edge) => edge.node.id)).toEqual(theirs);
  });

  it("hides unexpected errors from clients", async () => {
    const { errors } = await execute(
      api,
      graphql(`query CatalogueBadCursor { workouts(first: 10, after: "not-a-cursor") { edges { node { id: pelotonId } } } }`),
    );
    expect(errors?.[0]?.message).toBeDefined();
    expect(JSON.stringify(errors)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it("finds songs by artist whatever the case and accents, and pages through all the matches", async () => {
    const motorhead = await db.detailed.song.findMany({ where: { artistNames: { contains: "Motörhead" } }, select: { id: true } });
    expect(motorhead.length).toBeGreaterThan(0);
    const page = (after: string | null) =>
      execute(
        api,
        graphql(
          `query CatalogueMotorheadSongs($after: String) { songs(search: "MOTORHEAD", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id: pelotonId artistNames artists { name } } } } }`,
        ),
        { after },
      );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { data, errors } = await page(after);
      expect(errors).toBeUndefined();
      const { songs } = data!;
      expect(songs.totalCount).toBe(motorhead.length);
      for (const { node } of songs.edges) expect(node.artistNames).toMatch(/Motörhead/);
      seen.push(...songs.edges.map((edge) => edge.node.id));
      after = songs.pageInfo.hasNextPage ? songs.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(motorhead.map((song) => song.id).sort());
  });

  it("pages a search backwards and past its end with the same totalCount", async () => {
    const page = async (args: { first?: number; last?: number; after?: string; before?: string }) => {
      const { data, errors } = await execute(
        api,
        graphql(`query CatalogueSearchPage($first: Int, $last: Int, $after: String, $before: String) {
          songs(search: "ing", first: $first, last: $last, after: $after, before: $before) { totalCount edges { cursor node { id: pelotonId } } } }`),
        args,
      );
      expect(errors).toBeUndefined();
      return { totalCount: data!.songs.totalCount, ids: data!.songs.edges.map((edge) => edge.node.id), cursors: data!.songs.edges.map((edge) => edge.cursor) };
    };
    const all = await page({ first: 100 });
    expect(all.totalCount).toBe(all.ids.length);
    expect(all.ids.length).toBeGreaterThan(10);
    expect(all.ids.length).toBeLessThan(100);
    expect(await page({ last: 3 })).toMatchObject({ totalCount: all.totalCount, ids: all.ids.slice(-3) });
    expect(await page({ last: 2, before: all.cursors[5] })).toMatchObject({ totalCount: all.totalCount, ids: all.ids.slice(3, 5) });
    expect(await page({ first: 5, after: all.cursors.at(-1) })).toMatchObject({ totalCount: all.totalCount, ids: [] });
  });

  it("ranks the closest match first", async () => {
    const target = await db.detailed.song.findFirstOrThrow({ orderBy: { id: "asc" } });
    const { data } = await execute(
      api,
      graphql(`query CatalogueSongSearch($q: String) { songs(search: $q, first: 5) { edges { node { id: pelotonId title } } } }`),
      {
        q: target.title.toUpperCase(),
      },
    );
    expect(data!.songs.edges[0]!.node.title.toLowerCase()).toBe(target.title.toLowerCase());
  });

  it("lists the most played artist's own songs most played first, as the demo's first query shows them", async () => {
    // the demo's pick (src/cli/demo.ts): the artist whose songs classes play most
    const [artist] = await db.detailed.$queryRaw<{ name: string }[]>`
      SELECT a.name FROM artists a JOIN song_artists sa ON sa.artist_id = a.id JOIN playlist_entries pe ON pe.song_id = sa.song_id
       GROUP BY a.id, a.name ORDER BY count(*) DESC, a.name LIMIT 1`;
    const { data, errors } = await execute(
      api,
      graphql(`query CatalogueArtistSongs($q: String) { songs(search: $q, first: 100) { totalCount edges { node { title artistNames playCount } } } }`),
      { q: artist!.name },
    );
    expect(errors).toBeUndefined();
    const nodes = data!.songs.edges.map((edge) => edge.node);
    expect(nodes.length).toBe(data!.songs.totalCount);
    // credited to the artist alone (however Peloton spells it: "A-Ha", "a-ha"), the whole credits match: they rank the same, and first
    const own = nodes.filter((node) => foldForSearch(node.artistNames) === foldForSearch(artist!.name));
    expect(nodes.slice(0, own.length)).toEqual(own);
    const plays = own.map((node) => node.playCount);
    expect(new Set(plays).size).toBeGreaterThan(1);
    expect(plays).toEqual([...plays].sort((a, b) => b - a));
  });

  it("finds artists by name", async () => {
    const { data } = await execute(
      api,
      graphql(`query CatalogueArtistSearch { artists(search: "motorhead", first: 5) { totalCount edges { node { id: pelotonId name } } } }`),
    );
    expect(data!.artists.edges[0]!.node.name).toBe("Motörhead");
  });

  it("refuses a search shorter than 2 characters, saying why", async () => {
    const { data, errors } = await execute(api, graphql(`query CatalogueShortSearch { songs(search: " a ", first: 5) { totalCount } }`));
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ message: "search must be at least 2 characters", extensions: { code: "BAD_USER_INPUT", argumentName: "search" } }),
    ]);
  });

  describe("workouts(filter, orderBy)", () => {
    const all = () =>
      db.detailed.detailedWorkout.findMany({ include: { playlist: { include: { song: true } } }, orderBy: [{ originalAirTime: "desc" }, { id: "asc" }] });
    const ids = async (filter: WorkoutFilter, orderBy: WorkoutOrder = "AIRED_DESC") => {
      const { data, errors } = await execute(
        api,
        graphql(
          `query CatalogueFilteredWorkouts($filter: WorkoutFilter, $orderBy: WorkoutOrder) { workouts(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id: pelotonId } } } }`,
        ),
        { filter, orderBy },
      );
      expect(errors).toBeUndefined();
      const { workouts } = data!;
      expect(workouts.totalCount).toBe(workouts.edges.length);
      return workouts.edges.map((edge) => edge.node.id);
    };

    it("combines instructor, discipline and duration filters", async () => {
      const rows = await all();
      const { instructorId } = rows[0]!;
      const expected = rows.filter((w) => w.instructorId === instructorId && w.durationSeconds! >= 1200 && w.durationSeconds! <= 2700);
      expect(expected.length).toBeGreaterThan(0);
      expect(await ids({ instructorId, discipline: "cycling", minDuration: 1200, maxDuration: 2700 })).toEqual(expected.map((w) => w.id));
      expect(await ids({ instructorId, discipline: "yoga" })).toEqual([]);
    });

    it("filters by an artist or a song played, whatever the case and accents", async () => {
      const rows = await all();
      const byMotorhead = rows.filter((w) => w.playlist.some((e) => e.song.artistNames.includes("Motörhead")));
      expect(byMotorhead.length).toBeGreaterThan(0);
      expect(await ids({ artist: "motorhead" })).toEqual(byMotorhead.map((w) => w.id));
      const title = rows.find((w) => w.playlist.length > 0)!.playlist[0]!.song.title;
      const withSong = rows.filter((w) => w.playlist.some((e) => e.song.title.toLowerCase().includes(title.toLowerCase())));
      expect(await ids({ song: title.toUpperCase() })).toEqual(withSong.map((w) => w.id));
    });

    it("filters by air date and explicit content, and orders as asked", async () => {
      const rows = await all();
      const middle = rows[Math.floor(rows.length / 2)]!.originalAirTime!;
      const after = rows.filter((w) => w.originalAirTime! > middle);
      expect(await ids({ airedAfter: middle.toISOString() })).toEqual(after.map((w) => w.id));
      expect(await ids({ airedBefore: middle.toISOString() }, "AIRED_ASC")).toEqual(
        rows
          .filter((w) => w.originalAirTime! < middle)
          .map((w) => w.id)
          .reverse(),
      );
      expect(await ids({ explicit: true })).toEqual(rows.filter((w) => w.explicit).map((w) => w.id));
      const hardest = [...rows].sort((a, b) => (b.difficultyRatingAvg ?? -1) - (a.difficultyRatingAvg ?? -1) || (a.id < b.id ? -1 : 1));
      expect(await ids({}, "DIFFICULTY_DESC")).toEqual(hardest.map((w) => w.id));
    });

    it("pages in every order, cursor after cursor, to the same classes as one page", async () => {
      const page = async (orderBy: WorkoutOrder, filter: WorkoutFilter, after: string | null) => {
        const { data, errors } = await execute(
          api,
          graphql(`query CatalogueWorkoutsInOrder($orderBy: WorkoutOrder, $filter: WorkoutFilter, $after: String) {
            workouts(orderBy: $orderBy, filter: $filter, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id: pelotonId } } } }`),
          { orderBy, filter, after },
        );
        expect(errors).toBeUndefined();
        return data!.workouts;
      };
      // unrated classes sort last in DIFFICULTY_DESC, classes with no air date first in AIRED_DESC: paged through too
      const some = (k: number) => ({ id: { in: sim.catalogue.classes.filter((_, i) => i % 9 === k).map((c) => c.id) } });
      await db.detailed.detailedWorkout.updateMany({ where: some(4), data: { difficultyRatingAvg: null } });
      await db.detailed.detailedWorkout.updateMany({ where: some(7), data: { originalAirTime: null } });
      for (const orderBy of ["AIRED_DESC", "AIRED_ASC", "DIFFICULTY_DESC"] as const) {
        for (const filter of [{}, { minDuration: 1200 }]) {
          const paged: string[] = [];
          let after: string | null = null;
          do {
            const workouts = await page(orderBy, filter, after);
            paged.push(...workouts.edges.map((edge) => edge.node.id));
            after = workouts.pageInfo.hasNextPage ? workouts.pageInfo.endCursor : null;
          } while (after);
          expect(paged).toEqual(await ids(filter, orderBy));
        }
      }
    });

    it("pages backwards in every order, cursor before cursor, to the same classes", async () => {
      const page = async (orderBy: WorkoutOrder, before: string | null) => {
        const { data, errors } = await execute(
          api,
          graphql(`query CatalogueWorkoutsBackwards($orderBy: WorkoutOrder, $before: String) {
            workouts(orderBy: $orderBy, last: 6, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id: pelotonId } } } }`),
          { orderBy, before },
        );
        expect(errors).toBeUndefined();
        return data!.workouts;
      };
      for (const orderBy of ["AIRED_DESC", "AIRED_ASC", "DIFFICULTY_DESC"] as const) {
        const paged: string[] = [];
        let before: string | null = null;
        do {
          const workouts = await page(orderBy, before);
          paged.unshift(...workouts.edges.map((edge) => edge.node.id));
          before = workouts.pageInfo.hasPreviousPage ? workouts.pageInfo.startCursor : null;
        } while (before);
        expect(paged).toEqual(await ids({}, orderBy));
      }
    });

    it("takes a cursor from another order, or from earlier versions (the class's id alone), and refuses a made-up one", async () => {
      const pageAfter = async (orderBy: WorkoutOrder, cursor: string) => {
        const { data, errors } = await execute(
          api,
          graphql(
            `query CatalogueWorkoutsAfter($orderBy: WorkoutOrder, $after: String) { workouts(orderBy: $orderBy, first: 3, after: $after) { edges { cursor node { id: pelotonId } } } }`,
          ),
          { orderBy, after: cursor },
        );
        return { ids: data?.workouts.edges.map((edge) => edge.node.id), errors };
      };
      const newest = await ids({}, "AIRED_DESC");
      const hardest = await ids({}, "DIFFICULTY_DESC");
      const { data } = await execute(api, graphql(`query CatalogueWorkoutsCursors { workouts(first: 10) { edges { cursor node { id: pelotonId } } } }`));
      const tenth = data!.workouts.edges[9]!;
      expect(await pageAfter("AIRED_DESC", tenth.cursor)).toEqual({ ids: newest.slice(10, 13), errors: undefined });
      const inHardest = hardest.indexOf(tenth.node.id);
      expect(await pageAfter("DIFFICULTY_DESC", tenth.cursor)).toEqual({ ids: hardest.slice(inHardest + 1, inHardest + 4), errors: undefined });
      expect(await pageAfter("AIRED_DESC", Buffer.from(`GPC:S:${tenth.node.id}`).toString("base64"))).toEqual({ ids: newest.slice(10, 13), errors: undefined });
      const between = await execute(
        api,
        graphql(
          `query CatalogueWorkoutsBetween($after: String, $before: String) { workouts(first: 10, after: $after, before: $before) { edges { node { id: pelotonId } } } }`,
        ),
        { after: data!.workouts.edges[2]!.cursor, before: tenth.cursor },
      );
      expect(between.data?.workouts.edges.map((edge) => edge.node.id)).toEqual(newest.slice(3, 9));
      const twice = data!.workouts.edges[0]!.cursor.repeat(2);
      const madeUp = ['Workout:["x","title","y"]', 'Workout:["a\\u0000b","originalAirTime",null]', "Workout:{", "GPC:S:"].map((text) =>
        Buffer.from(text).toString("base64"),
      );
      for (const made of ["not-a-cursor", twice, ...madeUp]) {
        const { errors } = await pageAfter("AIRED_DESC", made);
        expect(errors).toEqual([
          expect.objectContaining({ message: "after: invalid cursor", extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
        ]);
      }
    });

    it("refuses an artist filter too short to search", async () => {
      const { errors } = await execute(api, graphql(`query CatalogueShortArtistFilter { workouts(filter: { artist: "x" }) { totalCount } }`));
      expect(errors?.[0]).toMatchObject({ message: "filter.artist must be at least 2 characters", extensions: { code: "BAD_USER_INPUT" } });
    });
  });

  it("answers which classes play a song, and an artist's plays and songs", async () => {
    const song = musicClass().songIds[0]!;
    const { data, errors } = await execute(
      api,
      graphql(
        `query CatalogueSongPlays($id: ID!) { song(id: $id) { workouts(first: 100) { totalCount edges { node { id: pelotonId } } } artists { id: pelotonId name playCount songs(first: 100) { totalCount edges { node { id: pelotonId } } } } } }`,
      ),
      { id: song },
    );
    expect(errors).toBeUndefined();
    expect(data!.song!.workouts.edges.map((e) => e.node.id)).toEqual(sim.catalogue.classes.filter((c) => c.songIds.includes(song)).map((c) => c.id));
    const artist = data!.song!.artists[0]!;
    const songsByArtist = await db.detailed.song.findMany({ where: { artists: { some: { artistId: artist.id } } }, select: { id: true } });
    expect(artist.songs.totalCount).toBe(songsByArtist.length);
    expect(artist.playCount).toBe(await db.detailed.playlistEntry.count({ where: { songId: { in: songsByArtist.map((s) => s.id) } } }));
  });

  it("ranks an instructor's most played artists", async () => {
    const instructorId = musicClass().instructorId;
    const entries = await db.detailed.playlistEntry.findMany({
      where: { workout: { instructorId } },
      select: { song: { select: { artists: { select: { artistId: true } } } } },
    });
    const plays = new Map<string, number>();
    for (const entry of entries) for (const { artistId } of entry.song.artists) plays.set(artistId, (plays.get(artistId) ?? 0) + 1);
    const expected = [...plays].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
    const { data } = await execute(
      api,
      graphql(`query CatalogueTopArtists($id: ID!) { instructor(id: $id) { topArtists(limit: 3) { plays artist { id: pelotonId name } } } }`),
      {
        id: instructorId,
      },
    );
    expect(data!.instructor!.topArtists.map((a) => [a.artist.id, a.plays])).toEqual(expected);
  });

  it("reports the ingestion runs and the catalogue's status", async () => {
    const { data, errors } = await execute(
      api,
      graphql(`query CatalogueIngestion { ingestRuns(first: 10) { totalCount edges { node { id stage status processed failed total error startedAt finishedAt } } }
         catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists } }`),
    );
    expect(errors).toBeUndefined();
    expect(data!.ingestRuns.edges.map((e) => [e.node.stage, e.node.status, e.node.processed])).toEqual([
      ["PROCESS_DETAILS", "SUCCEEDED", 60],
      ["SYNC_WORKOUTS", "SUCCEEDED", 60],
    ]);
    const { id } = data!.ingestRuns.edges[0]!.node;
    const ingestRun = graphql(`query CatalogueIngestRun($id: ID!) { ingestRun(id: $id) { id status } }`);
    expect((await execute(api, ingestRun, { id })).data).toEqual({ ingestRun: { id, status: "SUCCEEDED" } });
    expect((await execute(api, ingestRun, { id: "not-a-run" })).data).toEqual({ ingestRun: null });
    expect(data!.catalogueStatus).toEqual({
      classesListed: 60,
      classesProcessed: 60,
      classesPending: 0,
      classesFailed: 0,
      songs: sim.catalogue.songCount,
      artists: sim.catalogue.artistCount,
    });
  });
});
