import { encodeGlobalID } from "@pothos/plugin-relay";
import { ingestFromSimulator } from "../../harness/simulator";
import { artistSearchColumns, songSearchColumns, workoutSearchColumns } from "../../src/db/search";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { graphql } from "../graphql";
import type { WorkoutFilter } from "../graphql/graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// The workouts filters over an ingested catalogue (which plays AC/DC under its two spellings, "AC/DC"
// and "ACDC", one artist), plus a few classes made here for names that contain one another.

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;
const sent: string[] = [];

// artists whose names (and song titles) differ by a letter or a word
const madeArtists = { bryan: "Bryan Adams", ryan: "Ryan Adams", echo: "Static Echo", echoes: "Static Echoes" } as const;
const madeSongs = [
  { id: "song-summer", title: "Summer of '69", artist: "bryan" },
  { id: "song-pick-up", title: "Come Pick Me Up", artist: "ryan" },
  { id: "song-signal", title: "Signal", artist: "echo" },
  { id: "song-fade", title: "Fade Out", artist: "echoes" },
  { id: "song-title-echo", title: "Static Echo (Radio Edit)", artist: "ryan" },
  { id: "song-title-echoes", title: "Static Echoes", artist: "bryan" },
] as const;

beforeAll(async () => {
  [sim, db] = await Promise.all([startSimulator({ classes: 90 }), openTestDatabases({ onQuery: (_database, sql) => sent.push(sql) })]);
  await ingestFromSimulator(db, sim, { sync: { categories: ["all"] } });
  for (const [key, name] of Object.entries(madeArtists)) {
    await db.detailed.artist.create({ data: { id: `artist-${key}`, name, ...artistSearchColumns(name) } });
  }
  const instructorId = sim.catalogue.classes[0]!.instructorId;
  for (const [index, { id, title, artist }] of madeSongs.entries()) {
    const name = madeArtists[artist];
    await db.detailed.song.create({
      data: {
        id,
        title,
        artistNames: name,
        ...songSearchColumns(title, name),
        artists: { create: [{ artistId: `artist-${artist}`, position: 0 }] },
      },
    });
    await db.detailed.detailedWorkout.create({
      data: {
        id: `class-${id}`,
        title: `Class playing ${title}`,
        ...workoutSearchColumns(`Class playing ${title}`),
        instructorId,
        fitnessDiscipline: "cycling",
        durationSeconds: 1200,
        originalAirTime: new Date(Date.UTC(2019, 0, 1 + index)),
        fullDetails: {},
        playlist: { create: [{ position: 0, songId: id }] },
      },
    });
  }
  api = createApi(db);
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

const allClasses = () =>
  db.detailed.detailedWorkout.findMany({
    include: { playlist: { orderBy: { position: "asc" }, include: { song: { include: { artists: { include: { artist: true } } } } } } },
    orderBy: [{ originalAirTime: "desc" }, { id: "asc" }],
  });
type Class = Awaited<ReturnType<typeof allClasses>>[number];

const filtered = (filter: WorkoutFilter) =>
  execute(api, graphql(`query FiltersWorkouts($filter: WorkoutFilter) { workouts(filter: $filter, first: 100) { totalCount edges { node { pelotonId } } } }`), {
    filter,
  });

/** The classes a filter finds, in the list's order (newest first); fails on an error or a totalCount other than the page's. */
async function ids(filter: WorkoutFilter): Promise<string[]> {
  const { data, errors } = await filtered(filter);
  expect(errors).toBeUndefined();
  const { totalCount, edges } = data!.workouts;
  expect(edges.length).toBe(totalCount);
  return edges.map((edge) => edge.node.pelotonId);
}

/** The error a filter is refused with. */
async function refusal(filter: WorkoutFilter) {
  const { data, errors } = await filtered(filter);
  expect(data).toBeNull();
  expect(errors).toHaveLength(1);
  return { message: errors![0]!.message, code: errors![0]!.extensions?.code };
}

const playing = (w: Class, song: (s: Class["playlist"][number]["song"]) => boolean) => w.playlist.some((entry) => song(entry.song));
const idsOf = (classes: Class[]) => classes.map((w) => w.id);
const made = (...songIds: string[]) => songIds.map((id) => `class-${id}`);

describe("text filters match whole words", () => {
  it("finds every class playing AC/DC, whichever spelling is asked and whichever the song's credits carry", async () => {
    const rows = await allClasses();
    const acdc = await db.detailed.artist.findFirstOrThrow({ where: { name: { in: ["AC/DC", "ACDC"] } } });
    const expected = rows.filter((w) => playing(w, (song) => song.artists.some((credit) => credit.artistId === acdc.id)));
    // both spellings are in the credits the songs carry: a substring of one misses the other
    const credits = new Set(expected.flatMap((w) => w.playlist.map((entry) => entry.song.artistNames)).filter((names) => /AC\/?DC/.test(names)));
    expect([...credits].some((names) => names.includes("AC/DC"))).toBe(true);
    expect([...credits].some((names) => names.includes("ACDC"))).toBe(true);
    expect(await ids({ artist: "AC/DC" })).toEqual(idsOf(expected));
    expect(await ids({ artist: "acdc" })).toEqual(idsOf(expected));
    expect(await ids({ artist: "Ac-Dc" })).toEqual(idsOf(expected));
  });

  it("tells Ryan Adams from Bryan Adams, and Static Echo from Static Echoes, by artist and by title", async () => {
    expect(await ids({ artist: "ryan adams" })).toEqual(made("song-title-echo", "song-pick-up"));
    expect(await ids({ artist: "Bryan Adams" })).toEqual(made("song-title-echoes", "song-summer"));
    expect((await ids({ artist: "ADAMS" })).sort()).toEqual(made("song-summer", "song-pick-up", "song-title-echo", "song-title-echoes").sort());
    expect(await ids({ artist: "static echo" })).toEqual(made("song-signal"));
    expect(await ids({ artist: "Static Echoes" })).toEqual(made("song-fade"));
    expect(await ids({ song: "static echo" })).toEqual(made("song-title-echo"));
    expect(await ids({ song: "echo radio edit" })).toEqual(made("song-title-echo"));
    expect(await ids({ song: "summer of 69" })).toEqual(made("song-summer"));
    expect(await ids({ song: "static echo", artist: "ryan adams" })).toEqual(made("song-title-echo"));
    expect(await ids({ song: "static echo", artist: "bryan adams" })).toEqual([]);
  });

  it("finds accented and multi-word names whatever the case and accents", async () => {
    const rows = await allClasses();
    const byName = (name: string) => rows.filter((w) => playing(w, (song) => song.artists.some((credit) => credit.artist.name === name)));
    // those the catalogue plays of the simulator's named artists
    const cases = (
      [
        ["SIGUR ROS", "Sigur Rós"],
        ["mötley crue", "Mötley Crüe"],
        ["Bjork", "Björk"],
        ["florence + the machine", "Florence + The Machine"],
        ["the machine", "Florence + The Machine"],
        ["guns n roses", "Guns N' Roses"],
        ["pnk", "P!nk"],
        ["bts", "BTS (방탄소년단)"],
        ["мумий тролль", "Мумий Тролль"],
      ] as const
    ).filter(([, name]) => byName(name).length > 0);
    expect(cases.length).toBeGreaterThanOrEqual(4);
    for (const [term, name] of cases) expect({ term, classes: await ids({ artist: term }) }).toEqual({ term, classes: idsOf(byName(name)) });
    expect(await ids({ artist: "pink floyd" })).toEqual([]); // every word of the term, in its order
  });

  it("finds classes by the whole words of their titles, with the other filters", async () => {
    const rows = await allClasses();
    // the words of each title as a reader sees them: letters and digits, accents and case aside
    const wordsIn = (title: string) => ` ${title.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/['&-]/g, "").split(/\s+/).join(" ")} `;
    const titled = (words: string) => rows.filter((w) => wordsIn(w.title).includes(` ${words} `));
    const terms = ["ride", "pop ride", "POP RIDE", "k-pop", "kpop", "apres ski", "Día de los", "hiit", "30 min", "Power Zone", "yoga flow"];
    const cases = terms.map((term) => ({ term, expected: idsOf(titled(wordsIn(term).trim())) }));
    // most find some of the catalogue's classes (it draws titles at random), none finds every class
    expect(cases.filter(({ expected }) => expected.length > 0).length).toBeGreaterThanOrEqual(6);
    expect(cases.every(({ expected }) => expected.length < rows.length)).toBe(true);
    for (const { term, expected } of cases) expect({ term, classes: await ids({ title: term }) }).toEqual({ term, classes: expected });
    // "pop ride" is not "k-pop ride"'s "pop ride" only: whole words, in their order
    expect(await ids({ title: "op ride" })).toEqual([]);
    expect(await ids({ title: "ride pop" })).toEqual([]);
    expect(await ids({ title: "static echo" })).toEqual(made("song-title-echo"));
    const cycling = titled("ride").filter((w) => w.durationSeconds === 1800);
    expect(cycling.length).toBeGreaterThan(0);
    expect(await ids({ title: "ride", durations: [1800] })).toEqual(idsOf(cycling));
    expect(await ids({ title: "static echo", song: "static echoes" })).toEqual([]);
  });

  it("refuses a term of punctuation, or too short, naming the argument", async () => {
    expect(await refusal({ artist: "!!" })).toEqual({ message: "filter.artist must have at least 2 characters besides punctuation", code: "BAD_USER_INPUT" });
    expect(await refusal({ song: "- / -" })).toEqual({ message: "filter.song must have at least 2 characters besides punctuation", code: "BAD_USER_INPUT" });
    expect(await refusal({ artist: "x" })).toEqual({ message: "filter.artist must be at least 2 characters", code: "BAD_USER_INPUT" });
    expect(await refusal({ title: "&" })).toEqual({ message: "filter.title must be at least 2 characters", code: "BAD_USER_INPUT" });
    expect(await refusal({ title: "& -" })).toEqual({ message: "filter.title must have at least 2 characters besides punctuation", code: "BAD_USER_INPUT" });
  });
});

describe("identity filters", () => {
  it("filters by artists, songs, instructors, disciplines, durations, air years and difficulty, any of a list's values", async () => {
    const rows = await allClasses();
    const songs = rows.flatMap((w) => w.playlist.map((entry) => entry.song));
    const [a, b] = [songs[0]!.artists[0]!.artistId, songs[40]!.artists[0]!.artistId];
    expect(await ids({ artistIds: [a, b] })).toEqual(idsOf(rows.filter((w) => playing(w, (song) => song.artists.some((c) => [a, b].includes(c.artistId))))));
    const [s, t] = [songs[3]!.id, songs[70]!.id];
    expect(await ids({ songIds: [s, t] })).toEqual(idsOf(rows.filter((w) => playing(w, (song) => [s, t].includes(song.id)))));
    const instructors = [sim.catalogue.instructors[0]!.id, sim.catalogue.instructors[1]!.id];
    expect(await ids({ instructorIds: instructors })).toEqual(idsOf(rows.filter((w) => instructors.includes(w.instructorId!))));
    const strengthOrYoga = rows.filter((w) => ["strength", "yoga"].includes(w.fitnessDiscipline!));
    expect(strengthOrYoga.length).toBeGreaterThan(0);
    expect(strengthOrYoga.length).toBeLessThan(rows.length);
    expect(await ids({ disciplines: ["strength", "yoga"] })).toEqual(idsOf(strengthOrYoga));
    expect(await ids({ durations: [600, 2700] })).toEqual(idsOf(rows.filter((w) => [600, 2700].includes(w.durationSeconds!))));
    const years = [2019, rows[0]!.originalAirTime!.getUTCFullYear()];
    expect(await ids({ airYears: years })).toEqual(idsOf(rows.filter((w) => years.includes(w.originalAirTime!.getUTCFullYear()))));
    const inRange = rows.filter((w) => w.difficultyRatingAvg !== null && w.difficultyRatingAvg >= 5 && w.difficultyRatingAvg <= 7);
    expect(inRange.length).toBeGreaterThan(0);
    expect(await ids({ minDifficulty: 5, maxDifficulty: 7 })).toEqual(idsOf(inRange));
    expect(await ids({ minDifficulty: 8 })).toEqual(idsOf(rows.filter((w) => w.difficultyRatingAvg !== null && w.difficultyRatingAvg >= 8)));
  });

  it("holds every filter given at once, each list any of its values, with the singular filters", async () => {
    const rows = await allClasses();
    const withMusic = rows.find(
      (w) => w.playlist.length > 0 && ["cycling", "strength"].includes(w.fitnessDiscipline!) && [1200, 1800, 2700].includes(w.durationSeconds!),
    )!;
    const instructor = withMusic.instructorId!;
    const artist = withMusic.playlist[0]!.song.artists[0]!.artistId;
    const filter: WorkoutFilter = { disciplines: ["cycling", "strength"], durations: [1200, 1800, 2700], instructorIds: [instructor], artistIds: [artist] };
    const expected = rows.filter(
      (w) =>
        ["cycling", "strength"].includes(w.fitnessDiscipline!) &&
        [1200, 1800, 2700].includes(w.durationSeconds!) &&
        w.instructorId === instructor &&
        playing(w, (song) => song.artists.some((c) => c.artistId === artist)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids(filter)).toEqual(idsOf(expected));
    expect(await ids({ ...filter, explicit: false, minDuration: 1500 })).toEqual(idsOf(expected.filter((w) => !w.explicit && w.durationSeconds! >= 1500)));
    // a singular filter and its list must both hold
    expect(await ids({ discipline: "cycling", disciplines: ["cycling", "yoga"] })).toEqual(idsOf(rows.filter((w) => w.fitnessDiscipline === "cycling")));
    expect(await ids({ discipline: "strength", disciplines: ["cycling", "yoga"] })).toEqual([]);
    expect(await ids({ instructorId: instructor, instructorIds: [instructor, "someone-else"] })).toEqual(
      idsOf(rows.filter((w) => w.instructorId === instructor)),
    );
    // two music filters: the class plays a song of each (not necessarily one song of both)
    const other = rows.find((w) => w.playlist.length > 2 && w.playlist.every((e) => !e.song.artists.some((c) => c.artistId === artist)))!;
    const song = other.playlist[0]!.song.id;
    expect(await ids({ artistIds: [artist], songIds: [song] })).toEqual(
      idsOf(rows.filter((w) => playing(w, (s) => s.artists.some((c) => c.artistId === artist)) && playing(w, (s) => s.id === song))),
    );
  });

  it("takes global ids and Peloton's ids alike, and refuses another type's global id", async () => {
    const rows = await allClasses();
    const entry = rows.find((w) => w.playlist.length > 0)!.playlist[0]!;
    const artist = entry.song.artists[0]!.artistId;
    const instructor = rows[0]!.instructorId!;
    for (const [filter, global] of [
      [{ artistIds: [artist] }, { artistIds: [encodeGlobalID("Artist", artist)] }],
      [{ songIds: [entry.songId] }, { songIds: [encodeGlobalID("Song", entry.songId)] }],
      [{ instructorIds: [instructor] }, { instructorIds: [encodeGlobalID("Instructor", instructor)] }],
      [{ instructorId: instructor }, { instructorId: encodeGlobalID("Instructor", instructor) }],
    ] as [WorkoutFilter, WorkoutFilter][]) {
      const expected = await ids(filter);
      expect(expected.length).toBeGreaterThan(0);
      expect(await ids(global)).toEqual(expected);
    }
    expect(await refusal({ artistIds: [artist, encodeGlobalID("Song", entry.songId)] })).toEqual({
      message: `filter.artistIds[1]: ${JSON.stringify(encodeGlobalID("Song", entry.songId))} is the global id of a Song, where one of type Artist is expected`,
      code: "BAD_USER_INPUT",
    });
  });

  it("takes an empty list as no filter, and refuses too many ids, negative durations and ranges upside down", async () => {
    const all = await ids({});
    expect(await ids({ artistIds: [], songIds: [], instructorIds: [], disciplines: [], durations: [], airYears: [] })).toEqual(all);
    const many = Array.from({ length: 101 }, (_, i) => `artist-${i}`);
    expect(await refusal({ artistIds: many })).toEqual({ message: "filter.artistIds takes at most 100 values (got 101)", code: "BAD_USER_INPUT" });
    expect(await ids({ artistIds: many.slice(0, 100) })).toEqual([]);
    expect(await refusal({ durations: [600, -60] })).toEqual({ message: "filter.durations[1] must be 0 or more seconds (got -60)", code: "BAD_USER_INPUT" });
    expect(await refusal({ minDuration: 1800, maxDuration: 1200 })).toEqual({
      message: "filter.minDuration (1800) must not exceed filter.maxDuration (1200)",
      code: "BAD_USER_INPUT",
    });
    expect(await refusal({ minDifficulty: 7.5, maxDifficulty: 7 })).toEqual({
      message: "filter.minDifficulty (7.5) must not exceed filter.maxDifficulty (7)",
      code: "BAD_USER_INPUT",
    });
    expect(await refusal({ airYears: [2020, 20] })).toEqual({ message: "filter.airYears[1] must be a year of four digits (got 20)", code: "BAD_USER_INPUT" });
  });
});

describe("the songs that matched", () => {
  const matchesPage = (filter: WorkoutFilter | null, first: number) =>
    execute(
      api,
      graphql(`query FiltersMatches($filter: WorkoutFilter, $first: Int) { workouts(filter: $filter, first: $first) {
        edges { node { pelotonId } matches { position startOffsetSeconds song { pelotonId title } } } } }`),
      { filter, first },
    );

  it("lists, for each class of a page, the entries of its playlist that match a music filter, in class order", async () => {
    const rows = await allClasses();
    const acdc = await db.detailed.artist.findFirstOrThrow({ where: { name: { in: ["AC/DC", "ACDC"] } } });
    const byId = new Map(rows.map((w) => [w.id, w]));
    const check = async (filter: WorkoutFilter, matches: (entry: Class["playlist"][number]) => boolean) => {
      const { data, errors } = await matchesPage(filter, 20);
      expect(errors).toBeUndefined();
      expect(data!.workouts.edges.length).toBeGreaterThan(0);
      for (const edge of data!.workouts.edges) {
        const expected = byId.get(edge.node.pelotonId)!.playlist.filter(matches);
        expect(expected.length).toBeGreaterThan(0);
        expect(edge.matches).toEqual(
          expected.map((e) => ({ position: e.position, startOffsetSeconds: e.startOffsetSeconds, song: { pelotonId: e.songId, title: e.song.title } })),
        );
      }
    };
    await check({ artist: "AC/DC" }, (entry) => entry.song.artists.some((c) => c.artistId === acdc.id));
    const song = rows.find((w) => w.playlist.length > 3)!.playlist[3]!.song;
    // several music filters: an entry matching any of them
    await check(
      { artistIds: [acdc.id], songIds: [song.id], disciplines: ["cycling", "strength", "yoga"] },
      (entry) => entry.song.artists.some((c) => c.artistId === acdc.id) || entry.songId === song.id,
    );
    await check({ song: "static echo" }, (entry) => entry.songId === "song-title-echo");
  });

  it("lists none without a music filter", async () => {
    for (const filter of [null, { disciplines: ["cycling"] }]) {
      const { data, errors } = await matchesPage(filter, 10);
      expect(errors).toBeUndefined();
      expect(data!.workouts.edges).toHaveLength(10);
      for (const edge of data!.workouts.edges) expect(edge.matches).toEqual([]);
    }
  });

  it("reads a page's matches in one statement, whatever its size", async () => {
    const statements = async (first: number) => {
      sent.length = 0;
      const { data, errors } = await matchesPage({ artist: "AC/DC" }, first);
      expect(errors).toBeUndefined();
      expect(data!.workouts.edges).toHaveLength(first);
      return sent.length;
    };
    const [few, many] = [await statements(2), await statements(12)];
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(3);
  });
});
