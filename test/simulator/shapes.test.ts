import { type Simulator, startSimulator } from "../../src/simulator";
import { fixtureJson } from "../support/fixtures";
import { allPages, call, postJson, shapeDifferences, signIn, WEB_CLIENT_ID } from "./support";

// The simulator's JSON must have the fixtures' shapes key for key: same keys, same JSON types, nulls where they have null.

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await startSimulator({ seed: 7, classes: 120, disciplines: ["cycling", "strength", "yoga", "stretching"] });
  token = (await signIn(sim)).access_token;
});
afterAll(() => sim.close());

const withPlaylist = fixtureJson("ride-details-with-playlist");
const noPlaylist = fixtureJson("ride-details-no-playlist");

/**
 * The fixture a details answer must match. Cycling classes look like the cycling fixture (averages,
 * cues, expected output); the others like the stretching one. The two fixtures disagree on the nested
 * instructor: the simulator always sends the fuller one, from the with-playlist fixture.
 */
function detailsModel(details: any) {
  const base = details.ride.fitness_discipline === "cycling" ? withPlaylist : noPlaylist;
  return {
    ...base,
    ride: { ...base.ride, instructor: withPlaylist.ride.instructor },
    playlist: details.playlist === null ? null : withPlaylist.playlist,
  };
}

describe("archived list", () => {
  it("has the envelope, ride entries and sideloads of archived-page-0.json", async () => {
    const first = await call(sim, "/api/v2/ride/archived?browse_category=cycling&content_format=audio,video&limit=3&page=0&sort_by=original_air_time&desc=true", { token });
    expect(first.status).toBe(200);
    expect(shapeDifferences(first.body, fixtureJson("archived-page-0"))).toEqual([]);
    expect(first.body).toMatchObject({ page: 0, limit: 3, count: 3, show_next: true, show_previous: false, sort_by: "original_air_time", hide_explicit_rides: null });
  });

  it("has the shape of archived-page-last.json on the last page", async () => {
    const first = await call(sim, "/api/v2/ride/archived?browse_category=cycling&limit=3&page=0", { token });
    const last = await call(sim, `/api/v2/ride/archived?browse_category=cycling&limit=3&page=${first.body.page_count - 1}`, { token });
    expect(shapeDifferences(last.body, fixtureJson("archived-page-last"))).toEqual([]);
    expect(last.body).toMatchObject({ show_next: false, show_previous: true });
  });

  it("keeps every ride of every discipline in the fixture's ride shape", async () => {
    const model = fixtureJson("archived-page-0");
    for (const page of await allPages(sim, token)) {
      expect(shapeDifferences(page, model)).toEqual([]);
    }
  });
});

describe("class details", () => {
  let everyClass: any[];
  beforeAll(async () => {
    everyClass = [];
    for (const { id } of sim.catalogue.classes) everyClass.push((await call(sim, `/api/ride/${id}/details`, { token })).body);
  });

  it("match the details fixtures key for key, for every class", () => {
    for (const details of everyClass) expect(shapeDifferences(details, detailsModel(details))).toEqual([]);
  });

  it("match ride-details-with-playlist.json exactly for a cycling class with music, and the no-playlist one for a class without", () => {
    const cyclingWithMusic = everyClass.find((d) => d.ride.fitness_discipline === "cycling" && d.playlist?.songs.length > 0);
    expect(shapeDifferences(cyclingWithMusic, withPlaylist)).toEqual([]);
    const otherWithoutMusic = everyClass.find((d) => d.ride.fitness_discipline !== "cycling" && d.playlist === null);
    expect(shapeDifferences({ ...otherWithoutMusic, ride: { ...otherWithoutMusic.ride, instructor: noPlaylist.ride.instructor } }, noPlaylist)).toEqual([]);
    expect(Object.keys(otherWithoutMusic.ride.instructor)).toEqual(Object.keys(withPlaylist.ride.instructor));
  });

  it("have songs, albums and artists shaped as the fixture's, including null album art and several artists", () => {
    const songs = everyClass.flatMap((d) => d.playlist?.songs ?? []);
    const [songModel, featuringModel, , noArtModel] = withPlaylist.playlist.songs;
    for (const song of songs) {
      expect(Object.keys(song)).toEqual(Object.keys(songModel));
      expect(Object.keys(song.album)).toEqual(Object.keys(songModel.album));
      for (const artist of song.artists) expect(shapeDifferences(artist, songModel.artists[0])).toEqual([]);
    }
    expect(songs.some((song) => song.album.image_url === null && shapeDifferences(song, noArtModel).length === 0)).toBe(true);
    expect(songs.some((song) => song.artists.length > 1 && shapeDifferences(song, featuringModel).length === 0)).toBe(true);
  });

  it("include classes with playlist null and classes with an empty song list", () => {
    expect(everyClass.some((d) => d.playlist === null)).toBe(true);
    const empty = everyClass.find((d) => d.playlist?.songs.length === 0);
    expect(empty.playlist).toMatchObject({ songs: [], top_artists: [], top_albums: [], is_playlist_shown: false });
  });
});

it("serves instructors shaped as instructor.json", async () => {
  for (const { id } of sim.catalogue.instructors) {
    const instructor = await call(sim, `/api/instructor/${id}`, { token });
    expect(instructor.status).toBe(200);
    expect(shapeDifferences(instructor.body, fixtureJson("instructor"))).toEqual([]);
  }
});

it("answers token requests shaped as oauth-token-response.json, for a code and for a refresh", async () => {
  const model = fixtureJson("oauth-token-response");
  const tokens = await signIn(sim);
  expect(shapeDifferences(tokens, model)).toEqual([]);
  expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 172800, scope: model.scope });
  const refreshed = await postJson(sim, "/oauth/token", { grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: tokens.refresh_token });
  expect(shapeDifferences(refreshed.body, model)).toEqual([]);
});

it("lists browse categories shaped as the archived fixture's", async () => {
  const categories = await call(sim, "/api/browse_categories?library_type=on_demand", { token });
  expect(Object.keys(categories.body)).toEqual(["browse_categories"]);
  expect(shapeDifferences(categories.body.browse_categories, fixtureJson("archived-page-0").browse_categories)).toEqual([]);
  expect(categories.body.browse_categories.map((c: any) => c.slug)).toEqual(["cycling", "strength", "yoga", "stretching"]);
});

it("answers errors with Peloton's error body", async () => {
  const errorKeys = ["status", "error_code", "subcode", "message", "details"];
  const unauthorised = await call(sim, "/api/me");
  expect(unauthorised).toMatchObject({ status: 401, body: { status: 401, error_code: 3020, subcode: null, message: "Not logged in", details: null } });
  const missing = await call(sim, `/api/ride/${"0".repeat(32)}/details`, { token });
  expect(missing.status).toBe(404);
  expect(Object.keys(missing.body)).toEqual(errorKeys);
  const unknownRoute = await call(sim, "/api/nothing/here", { token });
  expect(unknownRoute.status).toBe(404);
  expect(Object.keys(unknownRoute.body)).toEqual(errorKeys);
});

it("the shape comparison notices a missing key, an extra key, a wrong type and a null", () => {
  const model = { a: 1, b: { c: "x", d: null }, list: [{ e: true }] };
  expect(shapeDifferences({ a: 2, b: { c: "y", d: null }, list: [{ e: false }, { e: true }] }, model)).toEqual([]);
  expect(shapeDifferences({ b: { c: "y", d: null, extra: 1 }, list: [] }, model)).toEqual(["$.a: missing", "$.b.extra: not in the fixture"]);
  expect(shapeDifferences({ a: "1", b: { c: null, d: 0 }, list: [{ e: 1 }] }, model)).toEqual([
    "$.a: expected number, got string",
    "$.b.c: expected string, got null",
    "$.b.d: expected null, got number",
    "$.list[0].e: expected boolean, got number",
  ]);
});
