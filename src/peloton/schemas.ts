import { z } from "zod";
import { MalformedResponseError } from "./errors";

// Peloton's JSON, read as a tolerant reader: a response must carry only what ingestion cannot do
// without (the ids that key what we store, a list page's `data`); every other field we read is
// optional and takes whichever form Peloton has sent over the years (absent, null, "", a number as
// a string, an integer where a float is usual...), becoming null when it is unusable. Objects are
// loose: fields we don't read pass through, and the raw answer is stored whole beside what we read.

/** A field we read but can do without: whatever does not fit `schema` becomes null. */
function maybe<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .optional()
    .transform((value): z.output<T> | null => {
      const result = schema.safeParse(value);
      return result.success ? result.data : null;
    });
}

// Peloton's ids are 32 hex digits; a number is taken as its digits, anything empty or huge is not an id
const id = z
  .union([z.string(), z.number().int().nonnegative()], { error: "expected an id (a string)" })
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, "is empty").max(200, "is too long for an id"));
const optionalId = maybe(id);
const text = maybe(z.string().transform((value) => (value.trim() === "" ? null : value)));
// a title or name we show: kept as sent (an empty one stays empty); missing is ""
const label = maybe(z.string()).transform((value) => value ?? "");
// numbers arrive as 5, 5.0 or "5.0"; NaN and Infinity are not numbers
const number = maybe(
  z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i)
        .transform(Number),
    ])
    .pipe(z.number().finite()),
);
const flag = maybe(z.union([z.boolean(), z.literal(0).transform(() => false), z.literal(1).transform(() => true)]));
const list = <T extends z.ZodType>(item: T) =>
  maybe(z.array(z.unknown())).transform((items) =>
    (items ?? []).flatMap((value) => {
      const result = item.safeParse(value);
      return result.success ? [result.data as z.output<T>] : [];
    }),
  );

export const instructorSchema = z.looseObject({
  id,
  name: label,
  first_name: text,
  last_name: text,
  username: text,
  image_url: text,
  bio: text,
  fitness_disciplines: list(z.string()),
  spotify_playlist_uri: text,
});

const rideFields = {
  id,
  title: label,
  description: text,
  instructor_id: optionalId,
  fitness_discipline: text,
  duration: number,
  length: number,
  original_air_time: number, // epoch seconds
  scheduled_start_time: number,
  image_url: text,
  difficulty_rating_avg: number,
  is_explicit: flag,
};

export const rideSchema = z.looseObject(rideFields);

export const artistSchema = z.looseObject({
  artist_id: id,
  artist_name: label,
  image_url: text,
  artist_alias_id: optionalId, // absent in responses from before 2023
});

export const albumSchema = z.looseObject({ id, name: label, image_url: text });

// `{}` or null where an array is documented is an empty one; the items themselves must be readable
const arrayOf = <T extends z.ZodType>(item: T) => z.preprocess((value) => (Array.isArray(value) ? value : []), z.array(item));
const objectOrNull = (value: unknown) => (value !== null && typeof value === "object" && !Array.isArray(value) ? value : null);

export const songSchema = z.looseObject({
  id,
  title: label,
  index: number,
  explicit_rating: number,
  cue_time_offset: number,
  start_time_offset: number,
  // an album without a usable id is no album we can store
  album: maybe(albumSchema),
  artists: arrayOf(artistSchema),
});

// a class type as the details answer sideloads it ({id, name}); its name is what we keep (a bare string is taken as one)
const classTypeName = z
  .union([z.looseObject({ name: z.string() }).transform((type) => type.name), z.string()])
  .transform((name) => name.trim())
  .pipe(z.string().min(1));
const classTypeNames = list(classTypeName);

/**
 * The names of a details answer's class_types, in Peloton's order; an entry without a usable name is
 * left out. Read apart from the answer, which is stored as it was parsed when it comes without its raw JSON.
 */
export const classTypeNamesOf = (details: object): string[] => classTypeNames.parse((details as { class_types?: unknown }).class_types);

export const rideDetailsSchema = z.looseObject({
  ride: z.looseObject({ ...rideFields, instructor: maybe(instructorSchema) }),
  // a missing key, null, or no songs: all mean "no music"; a song we cannot key fails the class
  playlist: z.preprocess(objectOrNull, z.looseObject({ songs: arrayOf(songSchema) }).nullable()),
  default_album_images: maybe(z.looseObject({ default_in_class_image_url: text })),
});

/** The envelope of a list page: only `data` is needed; the rest is read when present. */
const archivedEnvelopeSchema = z.looseObject({
  data: z.array(z.unknown(), { error: "expected the list of classes (an array)" }),
  page: number,
  page_count: number,
  total: number,
  show_next: flag,
  instructors: list(z.looseObject({ id, name: label })), // those of the page's classes
});

export const userSchema = z.looseObject({ id, username: text });

export const browseCategoriesSchema = z.looseObject({
  browse_categories: list(z.looseObject({ slug: id, name: label })),
});

export type PelotonInstructor = z.infer<typeof instructorSchema>;
export type RideListEntry = z.infer<typeof rideSchema>;
export type PelotonUser = z.infer<typeof userSchema>;
export type BrowseCategory = z.infer<typeof browseCategoriesSchema>["browse_categories"][number];
export type PelotonSong = z.infer<typeof songSchema>;
export type PelotonArtist = z.infer<typeof artistSchema>;
export type RideDetails = z.infer<typeof rideDetailsSchema>;

/** An entry of a list page that could not be read (no usable id): left out, with why. */
export interface RejectedEntry {
  index: number;
  id: string | null;
  problem: string;
}

/** One page of a category's class list, as ingestion reads it. */
export interface ArchivedPage {
  /** the page's classes that could be read, newest first, each with its entry as Peloton sent it */
  data: (RideListEntry & { raw: unknown })[];
  /** the entries that could not, with why */
  rejected: RejectedEntry[];
  /** whether Peloton has a next page: show_next when sent, else page_count, else whether this page was full */
  hasNext: boolean;
  /** whether Peloton said this is the last page (show_next false, or page_count), rather than it being guessed */
  endSaid: boolean;
  total: number | null;
  pageCount: number | null;
  instructors: { id: string; name: string }[];
  /** the page as Peloton sent it */
  raw: unknown;
  /** where the page was kept for a bug report, when entries were rejected */
  keptIn?: string;
}

/** Reads a list page entry by entry: one entry that cannot be read is set aside, not the page. */
export function readArchivedPage(json: unknown, what: string, page: number, limit: number): ArchivedPage {
  const envelope = parseResponse(archivedEnvelopeSchema, json, what);
  const data: ArchivedPage["data"] = [];
  const rejected: RejectedEntry[] = [];
  envelope.data.forEach((entry, index) => {
    const result = rideSchema.safeParse(entry);
    if (result.success) data.push({ ...result.data, raw: entry });
    else rejected.push({ index, id: idOf(entry), problem: problems(result.error, ["data", index]) });
  });
  const pageCount = envelope.page_count;
  const hasNext = envelope.data.length > 0 && (envelope.show_next ?? (pageCount !== null ? page + 1 < pageCount : envelope.data.length >= limit));
  const endSaid = envelope.show_next === false || (envelope.show_next === null && pageCount !== null && page + 1 >= pageCount);
  return { data, rejected, hasNext, endSaid, total: envelope.total, pageCount, instructors: envelope.instructors, raw: json };
}

const idOf = (entry: unknown): string | null => {
  const value = (entry as { id?: unknown } | null)?.id;
  return typeof value === "string" && value.length <= 200 ? value : null;
};

const problems = (error: z.ZodError, prefix: (string | number)[] = []) =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${[...prefix, ...issue.path].join(".") || "(body)"}: ${issue.message}`)
    .join("; ");

/** Validates a response; the error names what was being read and the first fields that are wrong. */
export function parseResponse<T extends z.ZodType>(schema: T, json: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  throw new MalformedResponseError(`Unexpected response for ${what}: ${problems(result.error)}`);
}
