import { parseOptions } from "../../src/cli/simulator";
import { type Simulator, startSimulator } from "../../src/simulator";
import { call, realCapture, signIn } from "./support";

// Shape drift: over a run, every optional form the captures show turns up, and what ingestion requires never moves.

const options = { seed: 9, classes: 60, drift: true };
let sim: Simulator;
let token: string;
let pages: any[];
let details: any[];
beforeAll(async () => {
  sim = await startSimulator(options);
  token = (await signIn(sim)).access_token;
  pages = [];
  for (let n = 0; n < 80; n++) pages.push((await call(sim, `/api/v2/ride/archived?limit=10&page=${n % 6}`, { token })).body);
  details = [];
  for (const { id } of sim.catalogue.classes) details.push((await call(sim, `/api/ride/${id}/details`, { token })).body);
});
afterAll(() => sim.close());

const listEntryKeys = new Set(Object.keys(realCapture("ride_archived/list-data-only-2025").data[0]));
const details2025 = realCapture("ride_details/details-15cb7793-2025");
const unknownKey = (object: object, known: Iterable<string>) => Object.keys(object).some((key) => !new Set(known).has(key));
const kind = (value: unknown) =>
  value === undefined
    ? "absent"
    : value === null
      ? "null"
      : Array.isArray(value)
        ? value.length
          ? "array"
          : "[]"
        : typeof value === "object"
          ? Object.keys(value).length
            ? "object"
            : "{}"
          : value === ""
            ? '""'
            : typeof value;

function expectRide(ride: any) {
  expect(typeof ride.id).toBe("string");
  expect(typeof ride.title).toBe("string");
  expect(typeof ride.original_air_time).toBe("number");
  expect(typeof ride.fitness_discipline).toBe("string");
  expect(typeof ride.duration).toBe("number");
}

it("never drifts what ingestion requires", () => {
  const byId = new Map(sim.catalogue.classes.map((k) => [k.id, k]));
  for (const page of pages) {
    expect(Array.isArray(page.data)).toBe(true);
    for (const ride of page.data) {
      expectRide(ride);
      expect(ride).toMatchObject({ title: byId.get(ride.id)!.title, fitness_discipline: byId.get(ride.id)!.discipline });
    }
  }
  for (const answer of details) {
    expectRide(answer.ride);
    const known = byId.get(answer.ride.id)!;
    if (known.songIds.length > 0) expect(answer.playlist.songs.map((song: any) => song.id)).toEqual(known.songIds);
    for (const song of answer.playlist?.songs ?? []) {
      expect(typeof song.title).toBe("string");
      expect(Array.isArray(song.artists)).toBe(true);
      for (const artist of song.artists) expect([typeof artist.artist_id, typeof artist.artist_name]).toEqual(["string", "string"]);
      if (song.album && typeof song.album === "object") expect([typeof song.album.id, typeof song.album.name]).toEqual(["string", "string"]);
    }
    if (answer.ride.instructor && typeof answer.ride.instructor === "object") {
      expect([typeof answer.ride.instructor.id, typeof answer.ride.instructor.name]).toEqual(["string", "string"]);
    }
  }
});

it("varies every listed form across a run", () => {
  const seen = new Map<string, number>();
  const see = (form: string, happened: boolean) => seen.set(form, (seen.get(form) ?? 0) + (happened ? 1 : 0));
  for (const page of pages) {
    see(`limit ${kind(page.limit)}`, true);
    see(`sort_by ${kind(page.sort_by)}`, true);
    see(`hide_explicit_rides ${kind(page.hide_explicit_rides)}`, true);
    see("a page that is {data} alone", Object.keys(page).length === 1);
    for (const key of ["show_next", "page_count", "total", "count", "instructors"]) see(`envelope without ${key}`, !(key in page));
    see("unknown key in the envelope", unknownKey(page, [...Object.keys(realCapture("ride_archived/archived-page-2020")), "limit"]));
  }
  const rides = [...pages.flatMap((page) => page.data), ...details.map((answer) => answer.ride)];
  for (const ride of rides) {
    for (const key of ["extra_images", "captions", "flags"]) see(`${key} ${kind(ride[key])}`, true);
    for (const key of ["image_url", "instructor_id", "series_id", "description"]) see(`${key} ${kind(ride[key])}`, true);
    see("overall_rating_avg an integer", Number.isInteger(ride.overall_rating_avg));
    see("overall_rating_avg a float", typeof ride.overall_rating_avg === "number" && !Number.isInteger(ride.overall_rating_avg));
    see("unknown key on a ride", unknownKey(ride, [...listEntryKeys, ...Object.keys(details2025.ride)]));
  }
  for (const answer of details) {
    see(`related_rides ${kind(answer.related_rides)}`, true);
    see("unknown key in details", unknownKey(answer, Object.keys(details2025)));
    see(`ride.instructor ${kind(answer.ride.instructor)}`, true);
    for (const song of answer.playlist?.songs ?? []) {
      see("song without index", !("index" in song));
      see("unknown key on a song", unknownKey(song, Object.keys(details2025.playlist.songs[0])));
      see(`album ${kind(song.album)}`, true);
      if (song.album) see(`album image_url ${kind(song.album.image_url)}`, true);
      for (const artist of song.artists) {
        see("artist without artist_alias_id", !("artist_alias_id" in artist));
        see("unknown key on an artist", unknownKey(artist, Object.keys(details2025.playlist.songs[0].artists[0])));
      }
    }
  }
  const expected = [
    "limit absent",
    "limit number",
    "sort_by string",
    "sort_by array",
    "hide_explicit_rides absent",
    "hide_explicit_rides null",
    "hide_explicit_rides boolean",
    "a page that is {data} alone",
    "envelope without show_next",
    "envelope without page_count",
    "envelope without total",
    "envelope without count",
    "envelope without instructors",
    "unknown key in the envelope",
    "extra_images null",
    "extra_images []",
    "extra_images absent",
    "captions null",
    "captions []",
    "captions array",
    "flags null",
    "flags []",
    'image_url ""',
    "image_url string",
    'instructor_id ""',
    'series_id ""',
    "description absent",
    "overall_rating_avg an integer",
    "overall_rating_avg a float",
    "unknown key on a ride",
    "related_rides {}",
    "related_rides []",
    "related_rides absent",
    "unknown key in details",
    "ride.instructor object",
    "ride.instructor absent",
    "ride.instructor null",
    "song without index",
    "unknown key on a song",
    "album object",
    "album null",
    "album image_url string",
    "album image_url null",
    'album image_url ""',
    "album image_url absent",
    "artist without artist_alias_id",
    "unknown key on an artist",
  ];
  const missing = expected.filter((form) => !seen.get(form));
  expect(missing).toEqual([]);
});

it("drifts the same way for the same seed and requests, and not at all without the option", async () => {
  const again = await startSimulator(options);
  const plain = await startSimulator({ ...options, drift: false });
  try {
    const [againToken, plainToken] = [(await signIn(again)).access_token, (await signIn(plain)).access_token];
    const paths = ["/api/v2/ride/archived?limit=10&page=0", `/api/ride/${sim.catalogue.classes[0]!.id}/details`];
    const firstRun = [];
    for (let n = 0; n < 80; n++) firstRun.push((await call(again, `/api/v2/ride/archived?limit=10&page=${n % 6}`, { token: againToken })).body);
    expect(firstRun).toEqual(pages);
    const undrifted = await call(plain, paths[0]!, { token: plainToken });
    expect(undrifted.body).toMatchObject({ sort_by: ["original_air_time"], hide_explicit_rides: false });
    expect(Object.keys(undrifted.body).sort()).toEqual(Object.keys(realCapture("ride_archived/archived-page-2020")).sort());
  } finally {
    await Promise.all([again.close(), plain.close()]);
  }
});

it("a class altered by a test is altered after drift", async () => {
  const [first] = sim.catalogue.classes;
  sim.alterClass(first!.id, { details: (body) => ({ ...body, ride: { ...body.ride, title: "Exactly this" } }) });
  expect((await call(sim, `/api/ride/${first!.id}/details`, { token })).body.ride.title).toBe("Exactly this");
});

it("reads --drift from the command line", () => {
  expect(parseOptions(["--drift"])).toMatchObject({ drift: true });
  expect(parseOptions([])).toMatchObject({ drift: false });
});
