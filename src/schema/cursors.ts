// The cursors of the workouts connection: a class's id and its value in the column the list is
// sorted by, so that the page after a cursor is one statement. Kept apart from the schema so that
// the benchmark's raw-SQL server can hand out the very same cursors.
import { GraphQLError } from "graphql";

export type SortField = "originalAirTime" | "difficultyRatingAvg";

/**
 * Where a class stands in a list: its id, and the value of the column the list is sorted by, when the
 * cursor carries it (so that a page after it needs no lookup). Cursors are opaque to clients.
 */
export interface Position {
  id: string;
  sorted?: { field: SortField; value: Date | number | null };
}

const CURSOR_PREFIX = "Workout:";

/** What a cursor needs of a class (Workout always selects these). */
export interface SortedWorkout {
  id: string;
  originalAirTime: Date | null;
  difficultyRatingAvg: number | null;
}

/** A class's cursor in a list sorted by `field`: its id and its value there. */
export function workoutCursor(workout: SortedWorkout, field: SortField): string {
  const value = workout[field];
  return Buffer.from(`${CURSOR_PREFIX}${JSON.stringify([workout.id, field, value instanceof Date ? value.toISOString() : value])}`).toString("base64");
}

/** The position a cursor holds; also an older cursor that only names the class ("GPC:S:<id>"). */
export function positionOf(cursor: string, argumentName: string): Position {
  const text = Buffer.from(cursor, "base64").toString();
  // only the encoding this hands out: base64 decoding skips what it cannot read, and stops at padding
  const position = Buffer.from(text).toString("base64") === cursor ? decode(text) : null;
  // an id PostgreSQL could not even compare (a NUL) is no class's
  if (!position || position.id === "" || position.id.includes("\0")) {
    throw new GraphQLError(`${argumentName}: invalid cursor`, { extensions: { code: "BAD_USER_INPUT", argumentName } });
  }
  return position;
}

function decode(text: string): Position | null {
  if (text.startsWith("GPC:S:")) return { id: text.slice("GPC:S:".length) };
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(CURSOR_PREFIX.length));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== "string") return null;
  const [id, field, value] = parsed as [string, unknown, unknown];
  if (field === "originalAirTime" && (value === null || (typeof value === "string" && !Number.isNaN(Date.parse(value))))) {
    return { id, sorted: { field, value: value === null ? null : new Date(value) } };
  }
  if (field === "difficultyRatingAvg" && (value === null || typeof value === "number")) return { id, sorted: { field, value } };
  return null;
}
