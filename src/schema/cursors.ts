// Keyset cursors: the workouts connection's (a class's id and its value in the column the list is
// sorted by), a search's (a row's place in its order), and those of the lists without a search (a
// song's title or an artist's name and its id; a run's id), so that the page after a cursor is one
// statement. Kept apart from the schema so that the benchmark's raw-SQL server can hand out the very
// same cursors.
import { GraphQLError } from "graphql";
import type { SearchableTable, SearchPosition } from "../db/search";
import type { WorkoutSortField } from "../db/workout-page";

export type SortField = WorkoutSortField;

/**
 * Where a class stands in a list: its id, and the value of the column the list is sorted by, when the
 * cursor carries it (so that a page after it needs no lookup). Cursors are opaque to clients.
 */
export interface Position {
  id: string;
  sorted?: { field: SortField; value: Date | number | null };
}

const CURSOR_PREFIX = "Workout:";

/** What a cursor needs of a class (Workout always selects these); an air time read as text is toISOString's. */
export interface SortedWorkout {
  id: string;
  originalAirTime: Date | string | null;
  difficultyRatingAvg: number | null;
}

/** A class's cursor in a list sorted by `field`: its id and its value there. */
export function workoutCursor(workout: SortedWorkout, field: SortField): string {
  const value = workout[field];
  return Buffer.from(`${CURSOR_PREFIX}${JSON.stringify([workout.id, field, value instanceof Date ? value.toISOString() : value])}`).toString("base64");
}

/** The position a cursor holds; also an older cursor that only names the class ("GPC:S:<id>"). */
export function positionOf(cursor: string, argumentName: string): Position {
  const position = decodeText(cursor, decode);
  if (!position) throw invalidCursor(argumentName);
  return position;
}

const invalidCursor = (argumentName: string, message = "invalid cursor") =>
  new GraphQLError(`${argumentName}: ${message}`, { extensions: { code: "BAD_USER_INPUT", argumentName } });

/** A cursor's text read by `decode`; null if the cursor is not base64 as this hands it out. */
function decodeText<T>(cursor: string, decode: (text: string) => T | null): T | null {
  const text = Buffer.from(cursor, "base64").toString();
  // only the encoding this hands out: base64 decoding skips what it cannot read, and stops at padding
  return Buffer.from(text).toString("base64") === cursor ? decode(text) : null;
}

// Peloton's ids are 32 hex digits; ingestion stores none longer than 200 characters
const MAX_ID_LENGTH = 200;
// what a double precision column holds, with room for Prisma's rounding to 16 digits (1.7976931348623157e308 becomes out of range)
const MAX_NUMBER = 1e308;
// four-digit years, as toISOString writes any class's air time: PostgreSQL has no year 0, and reads no ISO year with a sign
const EARLIEST = Date.parse("0001-01-01T00:00:00.000Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

// an id PostgreSQL could not even compare (a NUL) is no class's
const isId = (id: unknown): id is string => typeof id === "string" && id.length > 0 && id.length <= MAX_ID_LENGTH && !id.includes("\0");

/** A cursor's value that its column can hold, as workoutCursor writes it; undefined if it is not one. */
function sortValue(field: unknown, value: unknown): { field: SortField; value: Date | number | null } | undefined {
  if (value === null && (field === "originalAirTime" || field === "difficultyRatingAvg")) return { field, value };
  if (field === "difficultyRatingAvg" && typeof value === "number" && Math.abs(value) <= MAX_NUMBER) return { field, value };
  if (field === "originalAirTime" && typeof value === "string") {
    const date = new Date(value);
    const time = date.getTime();
    if (time >= EARLIEST && time <= LATEST && date.toISOString() === value) return { field, value: date };
  }
  return undefined;
}

/** The JSON a cursor's text holds after its prefix; undefined when it has another prefix or is no JSON. */
function jsonAfter(text: string, prefix: string): unknown {
  if (!text.startsWith(prefix)) return undefined;
  try {
    return JSON.parse(text.slice(prefix.length));
  } catch {
    return undefined;
  }
}

function decode(text: string): Position | null {
  if (text.startsWith("GPC:S:")) {
    const id = text.slice("GPC:S:".length);
    return isId(id) ? { id } : null;
  }
  const parsed = jsonAfter(text, CURSOR_PREFIX);
  if (!Array.isArray(parsed) || parsed.length !== 3 || !isId(parsed[0])) return null;
  const sorted = sortValue(parsed[1], parsed[2]);
  return sorted ? { id: parsed[0], sorted } : null;
}

/** Where a row stands in a search (its position in the order), and when the search's first page counted the plays it is ordered by. */
export interface SearchCursor {
  /** milliseconds since 1970 */
  asOf: number;
  position: SearchPosition;
}

const SEARCH_PREFIX: Record<SearchableTable, string> = { songs: "SongSearch:", artists: "ArtistSearch:" };

/** A row's cursor in a search of `table`. */
export const searchCursor = (table: SearchableTable, { asOf, position: { rank, plays, name, id } }: SearchCursor): string =>
  Buffer.from(`${SEARCH_PREFIX[table]}${JSON.stringify([asOf, rank, plays, name, id])}`).toString("base64");

/**
 * The place a cursor of a search of `table` holds. An offset cursor (what searches gave out before,
 * and what the lists without a search still do) is refused with what to do: it names a place in an
 * order that has changed since.
 */
export function searchCursorOf(cursor: string, table: SearchableTable, argumentName: string): SearchCursor {
  const found = decodeText(cursor, (text) => decodeSearch(text, SEARCH_PREFIX[table]));
  if (found) return found;
  throw refused(cursor, argumentName, "a list without search, or an earlier version of this API", "the search's");
}

/** Why a cursor is refused: an offset cursor (which `from` gave out) is told to start again from `first` page. */
function refused(cursor: string, argumentName: string, from: string, first: string): GraphQLError {
  if (decodeText(cursor, (text) => (/^OffsetConnection:\d+$/.test(text) ? text : null))) {
    return invalidCursor(argumentName, `an offset cursor (from ${from}): ask for ${first} first page again`);
  }
  return invalidCursor(argumentName);
}

/** Where a song or an artist stands in its list without a search: by title or name, then by id. */
export interface NamePosition {
  name: string;
  id: string;
}

const LIST_PREFIX: Record<SearchableTable, string> = { songs: "Songs:", artists: "Artists:" };

/** A row's cursor in the list of every row of `table` (no search). */
export const listCursor = (table: SearchableTable, { name, id }: NamePosition): string =>
  Buffer.from(`${LIST_PREFIX[table]}${JSON.stringify([name, id])}`).toString("base64");

/**
 * The place a cursor of the list of every row of `table` holds. An offset cursor (what the list gave
 * out before) is refused with what to do: the place it names may have moved since.
 */
export function listCursorOf(cursor: string, table: SearchableTable, argumentName: string): NamePosition {
  const found = decodeText(cursor, (text) => {
    const parsed = jsonAfter(text, LIST_PREFIX[table]);
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [name, id] = parsed as unknown[];
    return isName(name) && isId(id) ? { name, id } : null;
  });
  if (found) return found;
  throw refused(cursor, argumentName, "an earlier version of this API", "the list's");
}

const RUN_PREFIX = "IngestRuns:";

/** A run's cursor in ingestRuns (newest first, which is by id). */
export const runCursor = (id: number): string => Buffer.from(`${RUN_PREFIX}${JSON.stringify([id])}`).toString("base64");

/** The run id a cursor of ingestRuns holds; an offset cursor is refused as listCursorOf refuses it. */
export function runCursorOf(cursor: string, argumentName: string): number {
  const found = decodeText(cursor, (text) => {
    const parsed = jsonAfter(text, RUN_PREFIX);
    if (!Array.isArray(parsed) || parsed.length !== 1) return null;
    const [id] = parsed as unknown[];
    return Number.isInteger(id) && (id as number) > 0 && (id as number) < INT4 ? (id as number) : null;
  });
  if (found !== null) return found;
  throw refused(cursor, argumentName, "an earlier version of this API", "the list's");
}

// the range of a PostgreSQL integer, which ranks are
const INT4 = 2 ** 31;
// a song's title and an artist's name are in a B-tree index, whose rows hold at most 2,704 bytes
const MAX_NAME_BYTES = 2704;

// no NUL and no lone surrogate: no text PostgreSQL holds has one
const isName = (name: unknown): name is string => typeof name === "string" && !/[\0\p{Cs}]/u.test(name) && Buffer.byteLength(name) <= MAX_NAME_BYTES;

function decodeSearch(text: string, prefix: string): SearchCursor | null {
  const parsed = jsonAfter(text, prefix);
  if (!Array.isArray(parsed) || parsed.length !== 5) return null;
  const [asOf, rank, plays, name, id] = parsed as unknown[];
  if (!Number.isInteger(asOf) || (asOf as number) < 0 || (asOf as number) > LATEST) return null;
  if (!Number.isInteger(rank) || (rank as number) < -INT4 || (rank as number) >= INT4) return null;
  if (!Number.isSafeInteger(plays) || (plays as number) < 0) return null;
  if (!isName(name) || !isId(id)) return null;
  return { asOf: asOf as number, position: { rank: rank as number, plays: plays as number, name, id } };
}
