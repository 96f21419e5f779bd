import { ingestFromSimulator } from "../../harness/simulator";
import { decodeGlobalId } from "../../src/schema/node-ids";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { graphql } from "../graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// Relay's global object identification: every catalogue object's `id` is an opaque global id that
// node(id), nodes(ids) and the type's own lookup take back; Peloton's id stays as `pelotonId`, which the
// lookups take too.

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;
const sent: string[] = [];

beforeAll(async () => {
  [sim, db] = await Promise.all([
    startSimulator({ classes: 20, disciplines: ["cycling"] }),
    openTestDatabases({ onQuery: (_database, sql) => sent.push(sql) }),
  ]);
  await ingestFromSimulator(db, sim);
  api = createApi(db);
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

const musicClass = () => sim.catalogue.classes.find((c) => c.songIds.length > 2)!;

/** A class as the API shows it, with the global and Peloton ids of it and of what it links to. */
async function classIds(pelotonId: string) {
  const { data, errors } = await execute(
    api,
    graphql(`query NodeClassIds($id: ID!) { workout(id: $id) { id pelotonId instructor { id pelotonId }
        playlist { song { id pelotonId artists { id pelotonId } album { id pelotonId } } } } }`),
    { id: pelotonId },
  );
  expect(errors).toBeUndefined();
  return data!.workout!;
}

describe("global ids", () => {
  it("are opaque, one per object, and not Peloton's", async () => {
    const expected = musicClass();
    const workout = await classIds(expected.id);
    expect(workout.pelotonId).toBe(expected.id);
    expect(workout.instructor!.pelotonId).toBe(expected.instructorId);
    expect(workout.playlist.map((entry) => entry.song.pelotonId)).toEqual(expected.songIds);
    const song = workout.playlist[0]!.song;
    const ids = [workout.id, workout.instructor!.id, song.id, song.artists[0]!.id, song.album!.id];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(ids).not.toContain(expected.id);
  });

  it("round-trip through node(id) to the same object, of its type", async () => {
    const workout = await classIds(musicClass().id);
    const song = workout.playlist[0]!.song;
    const { data, errors } = await execute(
      api,
      graphql(`query NodeEach($workout: ID!, $instructor: ID!, $song: ID!, $artist: ID!, $album: ID!) {
        workout: node(id: $workout) { __typename id ... on Workout { pelotonId } }
        instructor: node(id: $instructor) { __typename id ... on Instructor { pelotonId } }
        song: node(id: $song) { __typename id ... on Song { pelotonId } }
        artist: node(id: $artist) { __typename id ... on Artist { pelotonId } }
        album: node(id: $album) { __typename id ... on Album { pelotonId } } }`),
      { workout: workout.id, instructor: workout.instructor!.id, song: song.id, artist: song.artists[0]!.id, album: song.album!.id },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      workout: { __typename: "Workout", id: workout.id, pelotonId: workout.pelotonId },
      instructor: { __typename: "Instructor", id: workout.instructor!.id, pelotonId: workout.instructor!.pelotonId },
      song: { __typename: "Song", id: song.id, pelotonId: song.pelotonId },
      artist: { __typename: "Artist", id: song.artists[0]!.id, pelotonId: song.artists[0]!.pelotonId },
      album: { __typename: "Album", id: song.album!.id, pelotonId: song.album!.pelotonId },
    });
  });

  it("are taken by each type's lookup, as Peloton's ids are", async () => {
    const workout = await classIds(musicClass().id);
    const song = workout.playlist[0]!.song;
    const lookups = graphql(`query NodeLookups($workout: ID!, $instructor: ID!, $song: ID!, $artist: ID!, $album: ID!) {
        workout(id: $workout) { pelotonId } instructor(id: $instructor) { pelotonId } song(id: $song) { pelotonId }
        artist(id: $artist) { pelotonId } album(id: $album) { pelotonId } }`);
    const expected = {
      workout: { pelotonId: workout.pelotonId },
      instructor: { pelotonId: workout.instructor!.pelotonId },
      song: { pelotonId: song.pelotonId },
      artist: { pelotonId: song.artists[0]!.pelotonId },
      album: { pelotonId: song.album!.pelotonId },
    };
    const byGlobalId = await execute(api, lookups, {
      workout: workout.id,
      instructor: workout.instructor!.id,
      song: song.id,
      artist: song.artists[0]!.id,
      album: song.album!.id,
    });
    expect(byGlobalId).toEqual({ data: expected });
    const byPelotonId = await execute(api, lookups, {
      workout: workout.pelotonId,
      instructor: workout.instructor!.pelotonId,
      song: song.pelotonId,
      artist: song.artists[0]!.pelotonId,
      album: song.album!.pelotonId,
    });
    expect(byPelotonId).toEqual({ data: expected });
  });

  it("of another type are refused by a lookup, naming the types", async () => {
    const workout = await classIds(musicClass().id);
    const { data, errors } = await execute(api, graphql(`query NodeWrongType($id: ID!) { song(id: $id) { pelotonId } }`), { id: workout.id });
    expect(data).toEqual({ song: null });
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/global id of a Workout, where one of type Song is expected/),
        extensions: { code: "BAD_USER_INPUT" },
      }),
    ]);
  });

  it("answer null from node(id) when they name nothing: an unknown object, a type that is no node, or none", async () => {
    const global = (text: string) => Buffer.from(text).toString("base64");
    for (const id of [global("Workout:0123456789abcdef0123456789abcdef"), global("IngestRun:1"), global("Query:1"), global("Node:1"), global("Nope:1")]) {
      expect(await execute(api, graphql(`query NodeNothing($id: ID!) { node(id: $id) { id } }`), { id })).toEqual({ data: { node: null } });
    }
  });

  it("refuse what is not a global id (Peloton's own, or garbage) as BAD_USER_INPUT, never an internal error", async () => {
    for (const id of [musicClass().id, "", "!!!", "abc"]) {
      const { data, errors } = await execute(api, graphql(`query NodeNotGlobal($id: ID!) { node(id: $id) { id } }`), { id });
      expect(data).toEqual({ node: null });
      expect(errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^id: .* is not a global id/), extensions: { code: "BAD_USER_INPUT" } }),
      ]);
    }
  });
  it("are told from Peloton's ids by their form alone: random ids of Peloton's forms are Peloton's, every type's global id is its type's", () => {
    const hex = (length: number) => Array.from({ length }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("");
    for (let i = 0; i < 2000; i++) {
      const id = i % 2 ? hex(32) : String(Math.floor(Math.random() * 1e9));
      expect(decodeGlobalId(id)).toBeUndefined();
      for (const typename of ["Workout", "Song", "Artist", "Album", "Instructor"]) {
        expect(decodeGlobalId(Buffer.from(`${typename}:${id}`).toString("base64"))).toEqual({ typename, id });
      }
    }
    // base64 of text that is no "Typename:id", or not in its canonical form
    for (const text of [":abc", "Workout:", "workout:abc", "Wor kout:abc"]) expect(decodeGlobalId(Buffer.from(text).toString("base64"))).toBeUndefined();
    expect(decodeGlobalId(Buffer.from("Workout:ab").toString("base64").replace(/=+$/, ""))).toBeUndefined();
  });
});

describe("nodes(ids)", () => {
  it("answers each id's object in order, null for one naming nothing and an error in the place of one that is no global id", async () => {
    const workout = await classIds(musicClass().id);
    const songs = workout.playlist.map((entry) => entry.song);
    const nothing = Buffer.from("Song:nope").toString("base64");
    const ids = [songs[0]!.id, workout.id, nothing, "not-a-global-id", songs[1]!.id, workout.instructor!.id];
    const { data, errors } = await execute(api, graphql(`query NodesMixed($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`), { ids });
    expect(data!.nodes).toEqual([
      { __typename: "Song", id: songs[0]!.id },
      { __typename: "Workout", id: workout.id },
      null,
      null,
      { __typename: "Song", id: songs[1]!.id },
      { __typename: "Instructor", id: workout.instructor!.id },
    ]);
    expect(errors).toEqual([expect.objectContaining({ path: ["nodes", 3], extensions: { code: "BAD_USER_INPUT" } })]);
  });

  it("looks up the ids of one type together: as many statements for twenty songs as for one", async () => {
    const { data } = await execute(api, graphql(`query NodesSongs { songs(first: 20) { edges { node { id } } } }`));
    const songIds = data!.songs.edges.map((edge) => edge.node.id);
    const statements = async (ids: string[]) => {
      sent.length = 0;
      const result = await execute(api, graphql(`query NodesTitles($ids: [ID!]!) { nodes(ids: $ids) { ... on Song { title } } }`), { ids });
      expect(result.errors).toBeUndefined();
      expect(result.data!.nodes.filter((node) => node !== null)).toHaveLength(ids.length);
      return sent.length;
    };
    expect(songIds).toHaveLength(20);
    expect(await statements(songIds)).toBe(await statements(songIds.slice(0, 1)));
  });

  it("takes at most 100 ids", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => Buffer.from(`Song:${i}`).toString("base64"));
    const { errors } = await execute(api, graphql(`query NodesTooMany($ids: [ID!]!) { nodes(ids: $ids) { id } }`), { ids });
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/at most 100 ids/), extensions: { code: "BAD_USER_INPUT" } })]);
  });
});
