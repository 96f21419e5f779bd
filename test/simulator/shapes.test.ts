import { type Simulator, startSimulator } from "../../src/simulator";
import { fixtureJson } from "../support/fixtures";
import { allPages, call, postJson, realCapture, shapeDifferences, signIn, WEB_CLIENT_ID } from "./support";

// Without drift, the simulator's JSON has the shapes of the REAL captures in test/fixtures/peloton-real: the same
// keys, the same JSON types, nulls where they have null.

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await startSimulator({ seed: 7, classes: 120, disciplines: ["cycling", "strength", "yoga", "stretching"] });
  token = (await signIn(sim)).access_token;
});
afterAll(() => sim.close());

const archived2020 = realCapture("ride_archived/archived-page-2020");
const listEntry2025 = realCapture("ride_archived/list-data-only-2025").data[0];
const details2025 = realCapture("ride_details/details-15cb7793-2025");

/** archived-page-2020.json's envelope and sideloads, with the 2025 ride entries. */
const archivedModel = { ...archived2020, data: [listEntry2025] };

/**
 * The model a details answer must match: details-15cb7793-2025.json, a cycling class with music. What no capture
 * shows, the simulator still serves, as before: classes of other disciplines have null averages, no expected output
 * and `target_class_metrics: {}`; about 5% of classes have `playlist: null`, about 8% of albums no art.
 */
function detailsModel(details: any) {
  const { playlist } = details2025;
  const song = playlist.songs[0];
  const model = {
    ...details2025,
    playlist: details.playlist === null ? null : { ...playlist, songs: [...playlist.songs, { ...song, album: { ...song.album, image_url: null } }] },
  };
  if (details.ride.fitness_discipline === "cycling") return model;
  return {
    ...model,
    averages: Object.fromEntries(Object.keys(details2025.averages).map((key) => [key, key === "average_calories" ? 0 : null])),
    target_metrics_data: { ...details2025.target_metrics_data, total_expected_output: null },
    target_class_metrics: {},
  };
}

describe("archived list", () => {
  it("has the envelope of archived-page-2020.json: no limit, sort_by an array, hide_explicit_rides false", async () => {
    const first = await call(
      sim,
      "/api/v2/ride/archived?browse_category=cycling&content_format=audio,video&limit=3&page=0&sort_by=original_air_time&desc=true",
      { token },
    );
    expect(first.status).toBe(200);
    expect(shapeDifferences(first.body, archivedModel)).toEqual([]);
    expect(Object.keys(first.body).sort()).toEqual(Object.keys(archived2020).sort());
    expect(first.body).not.toHaveProperty("limit");
    expect(first.body).toMatchObject({ page: 0, count: 3, show_next: true, show_previous: false, sort_by: ["original_air_time"], hide_explicit_rides: false });
  });

  it("keeps every ride of every discipline in the key set of list-data-only-2025.json, on every page", async () => {
    for (const page of await allPages(sim, token)) {
      expect(shapeDifferences(page, archivedModel)).toEqual([]);
      for (const ride of page.data) expect(Object.keys(ride).sort()).toEqual(Object.keys(listEntry2025).sort());
    }
  });

  it("has the 2025 ride fields with the capture's values where they say something", async () => {
    const [ride] = (await call(sim, "/api/v2/ride/archived?limit=1", { token })).body.data;
    expect(ride).toMatchObject({ availability: { is_available: true, reason: null }, flags: [], extra_images: null, content_availability: "available" });
    expect([0, 1]).toContain(ride.explicit_rating);
  });
});

describe("class details", () => {
  let everyClass: any[];
  beforeAll(async () => {
    everyClass = [];
    for (const { id } of sim.catalogue.classes) everyClass.push((await call(sim, `/api/ride/${id}/details`, { token })).body);
  });

  it("match details-15cb7793-2025.json key for key, for every class", () => {
    for (const details of everyClass) expect(shapeDifferences(details, detailsModel(details))).toEqual([]);
  });

  it("match it exactly for a cycling class with music: related_rides {}, the 2025 ride and nested instructor", () => {
    const cyclingWithMusic = everyClass.find((d) => d.ride.fitness_discipline === "cycling" && d.playlist?.songs.every((s: any) => s.album.image_url !== null));
    expect(shapeDifferences(cyclingWithMusic, details2025)).toEqual([]);
    expect(Object.keys(cyclingWithMusic.ride).sort()).toEqual(Object.keys(details2025.ride).sort());
    expect(Object.keys(cyclingWithMusic.ride.instructor).sort()).toEqual(Object.keys(details2025.ride.instructor).sort());
    expect(cyclingWithMusic.related_rides).toEqual({});
  });

  it("have songs with explicit_rating, index, popularity and liked; artists with artist_alias_id and num_rides_with_song_played", () => {
    const [songModel] = details2025.playlist.songs;
    const songs = everyClass.flatMap((d) => d.playlist?.songs ?? []);
    for (const song of songs) {
      expect(Object.keys(song).sort()).toEqual(Object.keys(songModel).sort());
      expect(Object.keys(song.album).sort()).toEqual(Object.keys(songModel.album).sort());
      for (const artist of song.artists) expect(Object.keys(artist).sort()).toEqual(Object.keys(songModel.artists[0]).sort());
    }
    expect(songs.some((song) => song.artists.length > 1)).toBe(true);
    expect(songs.some((song) => song.album.image_url === null)).toBe(true);
  });

  it("include classes with playlist null and classes with an empty song list", () => {
    expect(everyClass.some((d) => d.playlist === null)).toBe(true);
    const empty = everyClass.find((d) => d.playlist?.songs.length === 0);
    expect(empty.playlist).toMatchObject({ songs: [], top_artists: [], top_albums: [], is_playlist_shown: false });
  });
});

it("serves instructors shaped as details' nested instructor (no single-instructor response was captured)", async () => {
  for (const { id } of sim.catalogue.instructors) {
    const instructor = await call(sim, `/api/instructor/${id}`, { token });
    expect(instructor.status).toBe(200);
    expect(shapeDifferences(instructor.body, details2025.ride.instructor)).toEqual([]);
  }
});

it("answers token requests shaped as oauth-token-response.json (no raw token response was captured)", async () => {
  const model = fixtureJson("oauth-token-response");
  const tokens = await signIn(sim);
  expect(shapeDifferences(tokens, model)).toEqual([]);
  expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 172800, scope: model.scope });
  const refreshed = await postJson(sim, "/oauth/token", { grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: tokens.refresh_token });
  expect(shapeDifferences(refreshed.body, model)).toEqual([]);
});

it("lists browse categories shaped as archived-page-2020.json's", async () => {
  const categories = await call(sim, "/api/browse_categories?library_type=on_demand", { token });
  expect(Object.keys(categories.body)).toEqual(["browse_categories"]);
  expect(shapeDifferences(categories.body.browse_categories, archived2020.browse_categories)).toEqual([]);
  expect(categories.body.browse_categories.map((c: any) => c.slug)).toEqual(["cycling", "strength", "yoga", "stretching"]);
});

it("answers errors with Peloton's error body, as api-401-2025.json", async () => {
  const unauthorised = await call(sim, "/api/me");
  expect(unauthorised).toMatchObject({ status: 401, body: realCapture("auth/api-401-2025") });
  const errorKeys = Object.keys(realCapture("auth/api-401-2025"));
  const missing = await call(sim, `/api/ride/${"0".repeat(32)}/details`, { token });
  expect(missing.status).toBe(404);
  expect(Object.keys(missing.body)).toEqual(errorKeys);
  const unknownRoute = await call(sim, "/api/nothing/here", { token });
  expect(unknownRoute.status).toBe(404);
  expect(Object.keys(unknownRoute.body)).toEqual(errorKeys);
});

it("answers byte for byte the same for the same seed", async () => {
  const again = await startSimulator({ seed: 7, classes: 120, disciplines: ["cycling", "strength", "yoga", "stretching"] });
  try {
    const againToken = (await signIn(again)).access_token;
    const id = sim.catalogue.classes[5]!.id;
    for (const path of ["/api/v2/ride/archived?limit=20&page=1", `/api/ride/${id}/details`]) {
      expect((await call(again, path, { token: againToken })).text).toBe((await call(sim, path, { token })).text);
    }
  } finally {
    await again.close();
  }
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
