import { readFileSync } from "node:fs";
import path from "node:path";
import { ingestFromSimulator } from "../../harness/simulator";
import { saveClassDetails } from "../../src/ingest/save-class";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { graphql } from "../graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { rideDetails } from "../support/fixtures";
import { execute } from "../support/graphql";

// The fields users ask for, over classes ingested from the simulator over HTTP, some of whose answers are
// Peloton's real captures (test/fixtures/peloton-real): a class's explicit flag, class types, availability
// and link on Peloton's site; an instructor's bio, disciplines and Spotify playlist (in each form Peloton
// sends it); albums with their songs.

const real = (file: string): any => JSON.parse(readFileSync(path.join(__dirname, "../fixtures/peloton-real", file), "utf8"));
const captured = real("ride_details/details-15cb7793-2025.json");
const listed = real("instructor/instructors-list-2020.json").data as { id: string; name: string; spotify_playlist_uri: string; bio: string }[];
const instructorNamed = (name: string) => listed.find((instructor) => instructor.name === name)!;

/** Real instructors, one for each form of spotify_playlist_uri, with the link each must become. */
const spotifyForms = [
  { instructor: instructorNamed("Aditi Shah"), url: "https://open.spotify.com/playlist/4GsoQbksdXb8QxDdhSJlWr" }, // spotify:user:onepeloton:playlist:ID
  { instructor: instructorNamed("Becs Gentry"), url: "https://open.spotify.com/playlist/25hvBDM2UA8X9EZqvsA51k" }, // ... with ?si=
  { instructor: instructorNamed("Irène Scholz"), url: "https://open.spotify.com/playlist/70xdPC8wLROJ7Bt7WALuVo" }, // spotify:playlist:ID
  { instructor: instructorNamed("Erik Jäger"), url: "https://open.spotify.com/playlist/64Am2hudgq0C20YTDRpNxS" }, // https://open.spotify.com/playlist/ID?si=
  { instructor: instructorNamed("Kendall Toole"), url: null }, // ""
  { instructor: real("instructor/doc-instructor-2026.json"), url: null }, // null
  {
    instructor: { ...instructorNamed("Jess King"), id: "0dd0000000000000000000000000jess", spotify_playlist_uri: "spotify:artist:395EUHdMxn1TCwI1G5yWHk" },
    url: null,
  }, // not a playlist
];

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;
const sent: { database: string }[] = [];
let classes: { captured: string; withoutTypes: string; oddTypes: string; gone: string; byInstructor: string[] };

beforeAll(async () => {
  [sim, db] = await Promise.all([
    startSimulator({ classes: 16, disciplines: ["cycling"] }),
    openTestDatabases({ onQuery: (database) => sent.push({ database }) }),
  ]);
  const [first, second, third, fourth, ...rest] = sim.catalogue.classes;
  classes = { captured: first!.id, withoutTypes: second!.id, oddTypes: third!.id, gone: fourth!.id, byInstructor: rest.map((c) => c.id) };
  // Peloton's own answer, served for one of the simulator's classes
  sim.alterClass(classes.captured, { details: () => ({ ...captured, ride: { ...captured.ride, id: classes.captured } }) });
  sim.alterClass(classes.withoutTypes, { details: ({ class_types: _types, ...body }) => body });
  sim.alterClass(classes.oddTypes, {
    details: (body) => ({
      ...body,
      class_types: [{ id: "1", name: "  Climb Ride " }, null, { id: "2" }, "Intervals", { name: 5 }, { name: "Intervals" }, { name: "" }],
    }),
  });
  for (const [i, { instructor }] of spotifyForms.entries()) {
    sim.alterClass(classes.byInstructor[i]!, { details: (body) => ({ ...body, ride: { ...body.ride, instructor_id: instructor.id, instructor } }) });
  }
  await ingestFromSimulator(db, sim);
  api = createApi(db);
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

const classQuery = graphql(`query ClassFields($id: ID!) { workout(id: $id) { pelotonId discipline explicit classTypes available pelotonUrl } }`);
const classFields = async (id: string) => {
  const { data, errors } = await execute(api, classQuery, { id });
  expect(errors).toBeUndefined();
  return data!.workout!;
};

describe("a class", () => {
  it("has the class types, explicit flag and link of Peloton's real answer", async () => {
    expect(await classFields(classes.captured)).toEqual({
      pelotonId: classes.captured,
      discipline: "cycling",
      explicit: true,
      classTypes: ["Warm Up Ride"],
      available: true,
      pelotonUrl: `https://members.onepeloton.com/classes/cycling?modal=classDetailsModal&classId=${classes.captured}`,
    });
  });

  it("keeps the names of the class types it can read, once each, and none when the answer has no class_types", async () => {
    expect((await classFields(classes.oddTypes)).classTypes).toEqual(["Climb Ride", "Intervals"]);
    expect((await classFields(classes.withoutTypes)).classTypes).toEqual([]);
    const { data } = await execute(api, graphql(`query ClassTypesOfAll { workouts(first: 20) { edges { node { pelotonId classTypes } } } }`));
    const others = data!.workouts.edges.filter(({ node }) => node.pelotonId !== classes.withoutTypes && node.pelotonId !== classes.oddTypes);
    expect(others).toHaveLength(14);
    for (const { node } of others) expect(node.classTypes).toHaveLength(1);
  });

  it("stays in the catalogue, unavailable, once Peloton no longer lists it", async () => {
    expect((await classFields(classes.gone)).available).toBe(true);
    sim.removeClass(classes.gone);
    await ingestFromSimulator(db, sim, { sync: { full: true } });
    const after = await classFields(classes.gone);
    expect(after).toMatchObject({ pelotonId: classes.gone, available: false });
    expect((await classFields(classes.captured)).available).toBe(true);
  });

  it("links to Peloton by its discipline when no class list names it, and not at all without either", async () => {
    const stored = async (id: string, discipline: string | undefined) => {
      const ride = { ...captured.ride, id, fitness_discipline: discipline };
      await saveClassDetails(db.detailed, { ...rideDetails({ ...captured, ride }), raw: { ...captured, ride } });
    };
    const [withDiscipline, without] = ["d15c1p11ed0000000000000000000001", "d15c1p11ed0000000000000000000002"];
    await stored(withDiscipline, "running");
    await stored(without, undefined);
    expect(await classFields(withDiscipline)).toMatchObject({
      available: true,
      pelotonUrl: `https://members.onepeloton.com/classes/running?modal=classDetailsModal&classId=${withDiscipline}`,
    });
    expect(await classFields(without)).toMatchObject({ discipline: null, available: true, pelotonUrl: null });
  });

  it("reads the class list for a page of classes in one statement", async () => {
    const page = graphql(`query ClassAvailability($first: Int!) { workouts(first: $first) { edges { node { available pelotonUrl } } } }`);
    const statements = async (first: number) => {
      sent.length = 0;
      const { data, errors } = await execute(api, page, { first });
      expect(errors).toBeUndefined();
      expect(data!.workouts.edges).toHaveLength(first);
      return sent.filter((statement) => statement.database === "workouts").length;
    };
    expect(await statements(12)).toBe(1);
    expect(await statements(2)).toBe(1);
  });
});

describe("an instructor", () => {
  it("has Peloton's bio and disciplines", async () => {
    const { instructor } = captured.ride;
    const { data } = await execute(api, graphql(`query InstructorBio($id: ID!) { instructor(id: $id) { name bio disciplines } }`), { id: instructor.id });
    expect(data!.instructor).toEqual({ name: instructor.name, bio: instructor.bio, disciplines: instructor.fitness_disciplines });
  });

  it("has their Spotify playlist as an https link, whichever form Peloton sent it in", async () => {
    const query = graphql(`query InstructorSpotify($id: ID!) { instructor(id: $id) { name spotifyPlaylistUrl } }`);
    for (const { instructor, url } of spotifyForms) {
      const { data, errors } = await execute(api, query, { id: instructor.id });
      expect(errors).toBeUndefined();
      expect(data!.instructor).toEqual({ name: instructor.name, spotifyPlaylistUrl: url });
    }
    // the 2025 answer's own instructor
    expect((await execute(api, query, { id: captured.ride.instructor.id })).data!.instructor!.spotifyPlaylistUrl).toBe(
      "https://open.spotify.com/playlist/3kC1ng6ZaAMIOpb1p743NQ",
    );
  });
});

describe("an album", () => {
  it("is a song's, with its name, picture and songs, and found by its own lookup", async () => {
    const songs: any[] = captured.playlist.songs;
    const song = songs.find((s) => s.album?.id)!;
    const albumSongs = songs.filter((s) => s.album?.id === song.album.id).map((s) => s.id);
    const { data, errors } = await execute(
      api,
      graphql(`query SongAlbum($id: ID!) { song(id: $id) { albumName album { id pelotonId name imageUrl
          songs(first: 50) { totalCount edges { node { pelotonId album { pelotonId } } } } } } }`),
      { id: song.id },
    );
    expect(errors).toBeUndefined();
    const album = data!.song!.album!;
    expect(album).toMatchObject({ pelotonId: song.album.id, name: song.album.name, imageUrl: song.album.image_url });
    expect(data!.song!.albumName).toBe(song.album.name);
    expect(album.songs.totalCount).toBe(albumSongs.length);
    expect(album.songs.edges.map(({ node }) => node.pelotonId).sort()).toEqual([...albumSongs].sort());
    for (const { node } of album.songs.edges) expect(node.album!.pelotonId).toBe(song.album.id);
    const lookup = graphql(`query AlbumLookup($id: ID!) { album(id: $id) { pelotonId name } }`);
    for (const id of [album.id, album.pelotonId]) {
      expect(await execute(api, lookup, { id })).toEqual({ data: { album: { pelotonId: song.album.id, name: song.album.name } } });
    }
  });
});
