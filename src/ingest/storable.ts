// What our databases can hold, applied to Peloton's values at the boundary: a value they would refuse
// (a number past a column's range, a date out of any class's era, a text too long for its index, a NUL
// character) is clamped, cut or nulled with a warning, so that one odd field never costs a class.

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
// any class's air time: Peloton started streaming in 2014; a date outside this window is a glitch
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
// texts in a B-tree index (song titles, artist names) must fit its 2,704-byte row: 500 characters
// take at most 2,000 bytes of UTF-8
export const MAX_INDEXED_TEXT = 500;
// other texts (descriptions, bios, URLs) are cut where no reader would miss the rest
const MAX_TEXT = 10_000;

export interface Warning {
  field: string;
  problem: string;
}

/** Converters for one record's values, collecting a warning for each value they had to change. */
export function storable() {
  const warnings: Warning[] = [];
  const warn = (field: string, problem: string) => warnings.push({ field, problem });

  /** a whole number a PostgreSQL integer column holds, or null */
  function int(value: number | null | undefined, field: string): number | null {
    if (value == null) return null;
    const rounded = Math.round(value);
    if (rounded >= INT_MIN && rounded <= INT_MAX) return rounded;
    warn(field, `${value} is out of range; stored as null`);
    return null;
  }

  /** epoch seconds as a date in any class's era, or null */
  function time(seconds: number | null | undefined, field: string): Date | null {
    if (seconds == null) return null;
    const ms = seconds * 1000;
    if (ms >= EARLIEST && ms < LATEST) return new Date(ms);
    warn(field, `${seconds} is not a plausible time; stored as null`);
    return null;
  }

  /** text without NUL characters (PostgreSQL cannot store them), cut to `max` characters */
  function text(value: string, field: string, max?: number): string;
  function text(value: string | null | undefined, field: string, max?: number): string | null;
  function text(value: string | null | undefined, field: string, max = MAX_TEXT): string | null {
    if (value == null) return null;
    let clean = value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
    if (clean !== value) warn(field, "NUL characters removed");
    if (clean.length > max) {
      warn(field, `${clean.length} characters cut to ${max}`);
      clean = clean.slice(0, /[\uD800-\uDBFF]/.test(clean[max - 1] ?? "") ? max - 1 : max); // never half a surrogate pair
    }
    return clean;
  }

  return { int, time, text, warnings };
}

export type Storable = ReturnType<typeof storable>;

/** JSON as PostgreSQL's jsonb takes it: no NUL character in any string or key. */
export function storableJson(value: unknown): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  if (Array.isArray(value)) return value.map(storableJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableJson(key) as string, storableJson(item)]));
  }
  return value;
}

/** What an answer says: an update without what it leaves out (null, "", []), which keeps what an earlier answer said. */
export const said = <T extends Record<string, unknown>>(row: T): Partial<T> =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== "" && !(Array.isArray(value) && value.length === 0))) as Partial<T>;
