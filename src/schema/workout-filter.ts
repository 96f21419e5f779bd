import { GraphQLError } from "graphql";
import { wordsOf } from "../db/search";
import type { WorkoutCriteria } from "../db/workout-filters";
import { builder } from "./builder";
import { pelotonIdOf, pelotonIdsOf } from "./node-ids";
import { searchTerm } from "./search";

/** The most values a list filter takes. */
export const maxFilterValues = 100;

const wholeWordsNote = "matched as whole words, ignoring case, accents and punctuation (AC/DC and ACDC are one; 'ryan adams' does not match Bryan Adams)";
const listNote = `any of these; at most ${maxFilterValues}; an empty list is the same as leaving the filter out`;

export const WorkoutFilter = builder.inputType("WorkoutFilter", {
  description: "Every filter given must hold (AND); a list filter holds when any of its values does (OR)",
  fields: (t) => ({
    instructorId: t.id({ description: "The instructor's id (global or Peloton's); see instructorIds for several" }),
    instructorIds: t.idList({ description: `Taught by one of these instructors (their global ids or Peloton's): ${listNote}` }),
    discipline: t.string({ description: 'e.g. "cycling"; see disciplines for several' }),
    disciplines: t.stringList({ description: `In one of these disciplines (e.g. "cycling", "strength"): ${listNote}` }),
    title: t.string({
      description:
        "The class's title holds these words, matched as whole words, ignoring case, accents and punctuation ('k-pop ride' and 'kpop ride' are one; 'pop ride' does not match K-Pop Ride); at least 2 characters besides punctuation",
    }),
    artist: t.string({
      description: `Plays a song credited to an artist whose name holds these words, ${wholeWordsNote}; at least 2 characters besides punctuation`,
    }),
    song: t.string({ description: `Plays a song whose title holds these words, ${wholeWordsNote}; at least 2 characters besides punctuation` }),
    artistIds: t.idList({ description: `Plays a song credited to one of these artists (their global ids or Peloton's): ${listNote}` }),
    songIds: t.idList({ description: `Plays one of these songs (their global ids or Peloton's): ${listNote}` }),
    durations: t.intList({
      description: `Lasts one of these nominal durations, in seconds (e.g. [1200, 1800] for 20 and 30 minutes; the values WorkoutFacets.durations counts): ${listNote}`,
    }),
    minDuration: t.int({ description: "Lasts at least this long, in seconds" }),
    maxDuration: t.int({ description: "Lasts at most this long, in seconds" }),
    airYears: t.intList({ description: `First aired in one of these years (UTC; the values WorkoutFacets.airYears counts): ${listNote}` }),
    airedAfter: t.field({ type: "DateTime", description: "First aired after this time" }),
    airedBefore: t.field({ type: "DateTime", description: "First aired before this time" }),
    explicit: t.boolean({ description: "Whether the class is marked explicit" }),
    minDifficulty: t.float({ description: "Rated at least this difficult by the members (Peloton's scale, 0 to 10); unrated classes never match" }),
    maxDifficulty: t.float({ description: "Rated at most this difficult by the members; unrated classes never match" }),
  }),
});

export type WorkoutFilterInput = typeof WorkoutFilter.$inferInput;

const refuse = (argumentName: string, message: string) =>
  new GraphQLError(`${argumentName} ${message}`, { extensions: { code: "BAD_USER_INPUT", argumentName } });

/** A list filter's values, or undefined when it is left out or empty (which means the same); refuses one too long. */
function listOf<T>(values: readonly T[] | null | undefined, name: string): readonly T[] | undefined {
  if (values == null || values.length === 0) return undefined;
  if (values.length > maxFilterValues) throw refuse(name, `takes at most ${maxFilterValues} values (got ${values.length})`);
  return values;
}

/** A singular filter and its list together: the values of the list that are also the singular's (both must hold). */
function bothOf(one: string | undefined, many: readonly string[] | undefined): string[] | undefined {
  if (one === undefined) return many && [...new Set(many)];
  return many === undefined || many.includes(one) ? [one] : [];
}

/** A text filter's whole words as the words columns hold them (" acdc "); refuses a term with fewer than 2 characters besides punctuation. */
function wordsTerm(text: string, name: string): string {
  const words = wordsOf(searchTerm(text, name));
  if ([...words.trim()].length < 2) throw refuse(name, "must have at least 2 characters besides punctuation");
  return words;
}

function checkRange(min: number | undefined, max: number | undefined, [minName, maxName]: [string, string]) {
  if (min !== undefined && max !== undefined && min > max) throw refuse(minName, `(${min}) must not exceed ${maxName} (${max})`);
}

const defined = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

/** A WorkoutFilter checked and in the database's terms; refuses what cannot be meant, naming the argument. */
export function workoutCriteria(filter: WorkoutFilterInput | null | undefined): WorkoutCriteria {
  if (!filter) return {};
  const f = filter;
  const instructorIds = bothOf(
    f.instructorId == null ? undefined : pelotonIdOf(f.instructorId, "Instructor", "filter.instructorId"),
    mapList(f.instructorIds, "filter.instructorIds", (ids, name) => pelotonIdsOf(ids, "Instructor", name)),
  );
  const disciplines = bothOf(defined(f.discipline), listOf(f.disciplines, "filter.disciplines"));
  const durations = listOf(f.durations, "filter.durations");
  const negative = durations?.findIndex((seconds) => seconds < 0) ?? -1;
  if (negative >= 0) throw refuse(`filter.durations[${negative}]`, `must be 0 or more seconds (got ${durations![negative]})`);
  const airYears = listOf(f.airYears, "filter.airYears");
  const outOfRange = airYears?.findIndex((year) => year < 1000 || year > 9999) ?? -1;
  if (outOfRange >= 0) throw refuse(`filter.airYears[${outOfRange}]`, `must be a year of four digits (got ${airYears![outOfRange]})`);
  const [minDuration, maxDuration, minDifficulty, maxDifficulty] = [f.minDuration, f.maxDuration, f.minDifficulty, f.maxDifficulty].map(defined);
  checkRange(minDuration, maxDuration, ["filter.minDuration", "filter.maxDuration"]);
  checkRange(minDifficulty, maxDifficulty, ["filter.minDifficulty", "filter.maxDifficulty"]);
  const criteria: WorkoutCriteria = {
    instructorIds,
    disciplines,
    durations: durations && [...new Set(durations)],
    minDuration,
    maxDuration,
    airYears: airYears && [...new Set(airYears)],
    airedAfter: defined(f.airedAfter),
    airedBefore: defined(f.airedBefore),
    explicit: defined(f.explicit),
    minDifficulty,
    maxDifficulty,
    titleWords: f.title == null ? undefined : wordsTerm(f.title, "filter.title"),
    artistWords: f.artist == null ? undefined : wordsTerm(f.artist, "filter.artist"),
    songWords: f.song == null ? undefined : wordsTerm(f.song, "filter.song"),
    artistIds: mapList(f.artistIds, "filter.artistIds", (ids, name) => [...new Set(pelotonIdsOf(ids, "Artist", name))]),
    songIds: mapList(f.songIds, "filter.songIds", (ids, name) => [...new Set(pelotonIdsOf(ids, "Song", name))]),
  };
  return Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
}

function mapList<T, U>(values: readonly T[] | null | undefined, name: string, map: (values: readonly T[], name: string) => U): U | undefined {
  const list = listOf(values, name);
  return list && map(list, name);
}
