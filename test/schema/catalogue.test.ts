import { processDetails } from "../../src/ingest/process-details";
import { syncWorkouts } from "../../src/ingest/sync-workouts";
import { silentLogger } from "../../src/log";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { type TestDatabases, openTestDatabases } from "../support/databases";
import { removeDir, simulatorConfig, testClient } from "../support/peloton";

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  [sim, db] = await Promise.all([startSimulator({ classes: 60, disciplines: ["cycling"] }), openTestDatabases()]);
  const { client, dataDir } = await testClient(simulatorConfig(sim));
  const deps = { workouts: db.workouts, detailed: db.detailed, peloton: client, logger: silentLogger };
  await syncWorkouts(deps);
  await processDetails(deps, { batchSize: 0 });
  await removeDir(dataDir);
  api = createApi(db);
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

async function graphql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await api.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const musicClass = () => sim.catalogue.classes.find((c) => c.songIds.length > 1)!;

describe("the catalogue API", () => {
  it("answers a class with its instructor and its playlist in class order", async () => {
    const expected = musicClass();
    const { data, errors } = await graphql(
      `query ($id: ID!) { workout(id: $id) { id title discipline durationSeconds airedAt
          instructor { id name } playlist { position startOffsetSeconds song { id title artistNames artists { id name } explicit playCount } } } }`,
      { id: expected.id },
    );
    expect(errors).toBeUndefined();
    expect(data.workout).toMatchObject({ id: expected.id, title: expected.title, discipline: "cycling", instructor: { id: expected.instructorId } });
    expect(new Date(data.workout.airedAt).getTime()).toBe(expected.originalAirTime * 1000);
    expect(data.workout.playlist.map((entry: any) => entry.song.id)).toEqual(expected.songIds);
    expect(data.workout.playlist.map((entry: any) => entry.position)).toEqual(expected.songIds.map((_, i) => i));
    const song = data.workout.playlist[0].song;
    expect(song.artistNames).toBe(song.artists.map((artist: any) => artist.name).join(", "));
    expect(song.playCount).toBe(sim.catalogue.classes.filter((c) => c.songIds.includes(song.id)).length);
  });

  it("answers null for an unknown id", async () => {
    expect(await graphql(`{ workout(id: "nope") { id } song(id: "nope") { id } instructor(id: "nope") { id } }`)).toEqual({
      data: { workout: null, song: null, instructor: null },
    });
  });

  it("pages through every class, newest first, with no duplicates", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const { data, errors }: any = await graphql(
        `query ($after: String) { workouts(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      totalCount = data.workouts.totalCount;
      seen.push(...data.workouts.edges.map((edge: any) => edge.node.id));
      after = data.workouts.pageInfo.hasNextPage ? data.workouts.pageInfo.endCursor : null;
    } while (after);
    expect(totalCount).toBe(60);
    expect(seen).toEqual(sim.catalogue.classes.map((c) => c.id)); // the catalogue is newest first too
  });

  it("lists an instructor's classes", async () => {
    const instructorId = musicClass().instructorId;
    const { data } = await graphql(`query ($id: ID!) { instructor(id: $id) { id name workouts(first: 100) { totalCount edges { node { id } } } } }`, { id: instructorId });
    const theirs = sim.catalogue.classes.filter((c) => c.instructorId === instructorId).map((c) => c.id);
    expect(data.instructor.workouts.totalCount).toBe(theirs.length);
    expect(data.instructor.workouts.edges.map((edge: any) => edge.node.id)).toEqual(theirs);
  });

  it("hides unexpected errors from clients", async () => {
    const { errors } = await graphql(`{ workouts(first: 10, after: "not-a-cursor") { edges { node { id } } } }`);
    expect(errors?.[0]?.message).toBeDefined();
    expect(JSON.stringify(errors)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it("finds songs by artist whatever the case and accents, and pages through all the matches", async () => {
    const motorhead = await db.detailed.song.findMany({ where: { artistNames: { contains: "Motörhead" } }, select: { id: true } });
    expect(motorhead.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { data, errors }: any = await graphql(
        `query ($after: String) { songs(search: "MOTORHEAD", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id artistNames artists { name } } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      expect(data.songs.totalCount).toBe(motorhead.length);
      for (const { node } of data.songs.edges) expect(node.artistNames).toMatch(/Motörhead/);
      seen.push(...data.songs.edges.map((edge: any) => edge.node.id));
      after = data.songs.pageInfo.hasNextPage ? data.songs.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(motorhead.map((song) => song.id).sort());
  });

  it("ranks the closest match first", async () => {
    const target = await db.detailed.song.findFirstOrThrow({ orderBy: { id: "asc" } });
    const { data } = await graphql(`query ($q: String) { songs(search: $q, first: 5) { edges { node { id title } } } }`, { q: target.title.toUpperCase() });
    expect(data.songs.edges[0].node.title.toLowerCase()).toBe(target.title.toLowerCase());
  });

  it("finds artists by name", async () => {
    const { data } = await graphql(`{ artists(search: "motorhead", first: 5) { totalCount edges { node { id name } } } }`);
    expect(data.artists.edges[0].node.name).toBe("Motörhead");
  });

  it("refuses a search shorter than 2 characters, saying why", async () => {
    const { data, errors }: any = await graphql(`{ songs(search: " a ", first: 5) { totalCount } }`);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message: "search must be at least 2 characters", extensions: { code: "BAD_USER_INPUT", argumentName: "search" } })]);
  });
});
