import { z } from "zod";
import { MalformedResponseError } from "./errors";

// Peloton's JSON, validated at the boundary. Objects are loose: fields we don't model are kept
// (the raw details are stored whole), and fields Peloton has been seen to null or drop are nullish.

const id = z.string().min(1);
const text = z.string().nullish();

export const instructorSchema = z.looseObject({
  id,
  name: z.string(),
  first_name: text,
  last_name: text,
  username: text,
  image_url: text,
  bio: text,
  fitness_disciplines: z.array(z.string()).nullish(),
  spotify_playlist_uri: text,
});

export const rideSchema = z.looseObject({
  id,
  title: z.string(),
  description: text,
  instructor_id: z.string().nullish(),
  fitness_discipline: z.string(),
  duration: z.number().int().nonnegative(),
  length: z.number().int().nullish(),
  original_air_time: z.number().int(), // epoch seconds
  scheduled_start_time: z.number().int().nullish(),
  image_url: text,
  difficulty_rating_avg: z.number().nullish(),
  is_explicit: z.boolean().nullish(),
});

export const artistSchema = z.looseObject({
  artist_id: id,
  artist_name: z.string(),
  image_url: text,
  artist_alias_id: z.string().nullish(), // absent in responses from before 2023
});

export const songSchema = z.looseObject({
  id,
  title: z.string(),
  index: z.number().int().nullish(),
  explicit_rating: z.number().int().nullish(),
  cue_time_offset: z.number().nullish(),
  start_time_offset: z.number().nullish(),
  album: z.looseObject({ id, name: z.string(), image_url: text }).nullish(),
  artists: z.array(artistSchema),
});

export const rideDetailsSchema = z.looseObject({
  ride: rideSchema.extend({ instructor: instructorSchema.nullish() }),
  // a missing key, null, or no songs: all mean "no music"
  playlist: z.looseObject({ songs: z.array(songSchema).nullish() }).nullish(),
  default_album_images: z.looseObject({ default_in_class_image_url: text }).nullish(),
});

export const archivedPageSchema = z.looseObject({
  data: z.array(rideSchema),
  page: z.number().int(),
  page_count: z.number().int(),
  total: z.number().int(),
  limit: z.number().int(),
  show_next: z.boolean(),
  instructors: z.array(z.looseObject({ id, name: z.string() })).nullish(), // those of the page's classes
});

export const userSchema = z.looseObject({ id, username: text });

export const browseCategoriesSchema = z.looseObject({
  browse_categories: z.array(z.looseObject({ slug: z.string(), name: z.string() })),
});

export type PelotonInstructor = z.infer<typeof instructorSchema>;
export type RideListEntry = z.infer<typeof rideSchema>;
export type ArchivedPage = z.infer<typeof archivedPageSchema>;
export type PelotonUser = z.infer<typeof userSchema>;
export type BrowseCategory = z.infer<typeof browseCategoriesSchema>["browse_categories"][number];
export type PelotonSong = z.infer<typeof songSchema>;
export type RideDetails = z.infer<typeof rideDetailsSchema>;

/** Validates a response; the error names what was being read and the first fields that are wrong. */
export function parseResponse<T extends z.ZodType>(schema: T, json: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
  throw new MalformedResponseError(`Unexpected response for ${what}: ${problems.join("; ")}`);
}
