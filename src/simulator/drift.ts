import { type Random, seededRandom } from "./random";

// Shape drift (SimulatorOptions.drift): each response varies its optional fields across the forms the real captures
// show (test/fixtures/peloton-real/README.md). What ingestion requires (types.ts, `drift`) is never touched.

const ABSENT = Symbol("absent");
type Variant = (value: unknown, random: Random) => unknown;

const absent: Variant = () => ABSENT;
const toNull: Variant = () => null;
const emptyString: Variant = () => "";
const emptyList: Variant = () => [];
const emptyObject: Variant = () => ({});
const wholeNumber: Variant = (value) => (typeof value === "number" ? Math.round(value) : value);
const otherBoolean: Variant = (value) => (typeof value === "boolean" ? !value : true);
const asString: Variant = (value) => (Array.isArray(value) ? String(value[0]) : value);

/** How likely one optional field is to leave its usual form in one response. */
const CHANGE = 0.2;
/** How likely an object is to carry a key the client has never seen. */
const UNKNOWN_KEY = 0.25;
/** How likely a list page is to be `{data: [...]}` alone, as list-data-only-2025.json. */
const DATA_ONLY = 0.1;

const unknownKeys = ["is_new_experience", "experiment_flags", "content_tags", "tier_info_v2", "ab_test_bucket", "x_trace"];
const unknownValues: Variant[] = [
  () => "beta",
  (_, random) => random.int(0, 1000),
  () => null,
  () => ({ enabled: false, variants: [] }),
  () => [{ name: "new", value: 1.5 }],
];

/**
 * A copy of `object` where each key outside `required` may, in this response, be absent, null or one of its
 * `extra` forms; and where an unknown key may appear.
 */
function vary(object: Record<string, unknown>, random: Random, required: readonly string[], extra: Record<string, Variant[]> = {}): Record<string, unknown> {
  const varied: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const next = required.includes(key) || !random.chance(CHANGE) ? value : random.pick([absent, toNull, ...(extra[key] ?? [])])(value, random);
    if (next !== ABSENT) varied[key] = next;
  }
  if (random.chance(UNKNOWN_KEY)) varied[random.pick(unknownKeys)] = random.pick(unknownValues)(undefined, random);
  return varied;
}

const isObject = (value: unknown): value is Record<string, any> => typeof value === "object" && value !== null && !Array.isArray(value);

const RIDE_REQUIRED = ["id", "title", "original_air_time", "fitness_discipline", "duration"];
const rideForms: Record<string, Variant[]> = {
  image_url: [emptyString],
  instructor_id: [emptyString],
  series_id: [emptyString],
  ride_type_id: [emptyString],
  extra_images: [emptyList],
  captions: [emptyList],
  flags: [emptyList],
  difficulty_estimate: [wholeNumber],
  difficulty_rating_avg: [wholeNumber],
  overall_estimate: [wholeNumber],
  overall_rating_avg: [wholeNumber],
  difficulty_level: [() => "intermediate"],
  is_explicit: [otherBoolean],
};

function rideEntry(ride: Record<string, unknown>, random: Random): Record<string, unknown> {
  const varied = vary(ride, random, RIDE_REQUIRED, rideForms);
  if (isObject(varied.instructor))
    varied.instructor = vary(varied.instructor, random, ["id", "name"], { image_url: [emptyString], spotify_playlist_uri: [emptyString] });
  if (isObject(varied.availability)) varied.availability = vary(varied.availability, random, []);
  return varied;
}

const artist = (value: Record<string, unknown>, random: Random) => vary(value, random, ["artist_id", "artist_name"], { image_url: [emptyString] });

function song(value: Record<string, unknown>, random: Random): Record<string, unknown> {
  const varied = vary(value, random, ["id", "title", "artists"], { cue_time_offset: [wholeNumber], start_time_offset: [wholeNumber] });
  if (isObject(varied.album)) varied.album = vary(varied.album, random, ["id", "name"], { image_url: [emptyString] });
  varied.artists = (varied.artists as Record<string, unknown>[]).map((credit) => artist(credit, random));
  return varied;
}

function playlist(value: Record<string, unknown>, random: Random): Record<string, unknown> {
  const varied = vary(value, random, ["songs"], { stream_id: [emptyString], top_artists: [emptyList], top_albums: [emptyList] });
  varied.songs = (varied.songs as Record<string, unknown>[]).map((entry) => song(entry, random));
  if (Array.isArray(varied.top_artists)) varied.top_artists = varied.top_artists.map((credit) => artist(credit, random));
  return varied;
}

/** Varies the answers of one simulator; the n-th drifted response depends only on the seed and n. */
export class Drift {
  private responses = 0;

  constructor(private readonly seed: number) {}

  /** GET /api/v2/ride/archived; `limit` is the page size, which the real envelope leaves out and drift may add. */
  archived(body: Record<string, any>, limit: number): Record<string, unknown> {
    const random = this.next();
    const data = (body.data as Record<string, unknown>[]).map((ride) => rideEntry(ride, random));
    if (random.chance(DATA_ONLY)) return { data };
    const varied = vary(body, random, ["data"], {
      sort_by: [asString],
      hide_explicit_rides: [otherBoolean],
      instructors: [emptyList],
      class_types: [emptyList],
      ride_types: [emptyList],
      browse_categories: [emptyList],
      fitness_disciplines: [emptyList],
    });
    if (random.chance(CHANGE)) varied.limit = limit;
    return { ...varied, data };
  }

  /** GET /api/ride/{id}/details */
  details(body: Record<string, any>): Record<string, unknown> {
    const random = this.next();
    const varied = vary(body, random, ["ride", "playlist"], { related_rides: [emptyList, emptyObject], events: [emptyObject], class_types: [emptyList] });
    varied.ride = rideEntry(body.ride, random);
    if (isObject(body.playlist)) varied.playlist = playlist(body.playlist, random);
    return varied;
  }

  private next(): Random {
    return seededRandom("drift", this.seed, this.responses++);
  }
}
